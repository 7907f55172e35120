using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;

namespace Commonweal.Web.Tests.Support;

/// <summary>One running platform shared by a test class; PostgreSQL variants skip when no server is configured.</summary>
/// <param name="settings">Extra configuration, e.g. another ICS description.</param>
public abstract class WebFixture(DatabaseProvider provider, bool publicAggregates, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private CommonwealFactory? factory;

    public CommonwealFactory Factory
    {
        get
        {
            if (factory is null)
                Assert.Skip($"PostgreSQL is not available: ./test.sh starts one, or set {TestDatabase.PostgresVariable}");
            return factory!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null) return;
        factory = await CommonwealFactory.StartAsync(provider, publicAggregates, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePublicPlatform() : WebFixture(DatabaseProvider.Sqlite, publicAggregates: true);

public sealed class PostgresPublicPlatform() : WebFixture(DatabaseProvider.Postgres, publicAggregates: true);

public sealed class SqlitePrivatePlatform() : WebFixture(DatabaseProvider.Sqlite, publicAggregates: false);

public sealed class PostgresPrivatePlatform() : WebFixture(DatabaseProvider.Postgres, publicAggregates: false);

/// <summary>The platform configured for NHS Essex ICB (the shipped <c>essex</c> description, in force from 1 April 2026), over its demo.</summary>
public abstract class EssexPlatform(DatabaseProvider provider)
    : WebFixture(provider, publicAggregates: true, new Dictionary<string, string> { ["Commonweal:Ics"] = "essex" });

public sealed class SqliteEssexPlatform() : EssexPlatform(DatabaseProvider.Sqlite);

public sealed class PostgresEssexPlatform() : EssexPlatform(DatabaseProvider.Postgres);
