using Commonweal.Core.Access;
using Commonweal.Persistence;
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

    public RouteSamples Samples { get; private set; } = new("E07000066", "1", "1", "nobody");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Routes = RouteCatalogue.All(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var indicator = await db.Indicators.AsNoTracking().Select(i => i.Id).FirstAsync();
        var target = await db.Targets.AsNoTracking().Select(t => t.Id).FirstAsync();
        foreach (var role in new[] { Roles.Administrator, Roles.Analyst, Roles.Commissioner, Roles.Provider })
        {
            var (client, name) = await Factory.SignedInAsNewUserAsync(role);
            clients[role] = client;
            if (role == Roles.Provider) Samples = new RouteSamples("E07000066", indicator.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), target.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }
    }

    /// <summary>A signed-in client holding the role, or a new anonymous client for null.</summary>
    public HttpClient As(string? role) => role is null ? Factory.Client() : clients[role];
}
