using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Commissioning;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// The platform over its demo with aggregates not public (so every policy has someone it refuses), every route in its
/// endpoint table, sample values that reach real records, and a signed-in client for each kind of user.
/// </summary>
public sealed class SecurityPlatform() : WebFixture(DatabaseProvider.Sqlite, publicAggregates: false)
{
    private readonly Dictionary<string, HttpClient> clients = [];

    public IReadOnlyList<RouteEntry> Routes { get; private set; } = [];

    public RouteSamples Samples { get; private set; } = new("E07000066", "1", "1", "nobody", new CommissioningSamples(Contract, "1", "1", "1"));

    /// <summary>The demo's integrated wellbeing service: its falling weight-management outcome has an open remedial plan with an action.</summary>
    private const string Contract = CommissioningDemo.Integrated;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Routes = RouteCatalogue.All(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var indicator = await db.Indicators.AsNoTracking().Select(i => i.Id).FirstAsync();
        var target = await db.Targets.AsNoTracking().Select(t => t.Id).FirstAsync();
        var commissioning = await CommissioningSamplesAsync(db);
        foreach (var role in new[] { Roles.Administrator, Roles.Analyst, Roles.Commissioner, Roles.Provider })
        {
            var (client, name) = await Factory.SignedInAsNewUserAsync(role);
            clients[role] = client;
            if (role == Roles.Provider) Samples = new RouteSamples("E07000066", Text(indicator.Value), Text(target), name, commissioning);
        }
    }

    /// <summary>The demo contract's remedial plan and its action, and a document added to it (the demo has none).</summary>
    private async Task<CommissioningSamples> CommissioningSamplesAsync(CommonwealDbContext db)
    {
        var document = await CommissioningDemo.AddDocumentAsync(Factory, Contract, "minutes.txt", "Contract management meeting.");
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Ref == Contract).Select(c => c.Id).SingleAsync();
        var action = await db.RemedialActions.AsNoTracking().Where(a => db.RemedialPlans.Any(p => p.Id == a.Plan && p.Contract == contract)).OrderBy(a => a.Id).FirstAsync();
        return new CommissioningSamples(Contract, Text(document), Text(action.Plan), Text(action.Id));
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A signed-in client holding the role, or a new anonymous client for null.</summary>
    public HttpClient As(string? role) => role is null ? Factory.Client() : clients[role];
}
