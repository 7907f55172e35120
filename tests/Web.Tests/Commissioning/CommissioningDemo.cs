using Commonweal.Application.Commissioning;
using Commonweal.TestKit.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Commissioning;

/// <summary>
/// The demo's commissioning records the tests name: the integrated wellbeing service (its weight-management KPI added by a
/// variation from 2023-04-01, an open remedial plan with an action), its provider, another provider, and documents added
/// to a contract (the demo has none).
/// </summary>
public static class CommissioningDemo
{
    /// <summary>The integrated wellbeing service, 2021–27, replacing the traditional weight-management service.</summary>
    public const string Integrated = "IWS-2021";

    /// <summary>The integrated service's provider (a VCSE community interest company).</summary>
    public const string Wellbeing = "Wellbeing Partnership CIC (demo)";

    /// <summary>The stop smoking service's provider: none of the integrated service is theirs.</summary>
    public const string Trust = "Community Health Services Trust (demo)";

    /// <summary>Adds a text document to the contract as a commissioner would (through the same use case as the contract page's upload); its id.</summary>
    public static async Task<int> AddDocumentAsync(CommonwealFactory factory, string contract, string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<ContractDocuments>()
            .AddAsync(contract, null, fileName, System.Text.Encoding.UTF8.GetBytes(text), CommissioningViewer.Console("test"));
        Assert.True(added.Value is not null, added.Refusal?.Detail);
        return added.Value!.Id;
    }
}
