using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Whether the platform was started (false for PostgreSQL without a server: its tests skip).</summary>
    public bool Started => factory is not null;

    public virtual async ValueTask InitializeAsync()
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

/// <summary>
/// The platform over its demo with IoD2025 taken out, as a store that has only IoD2019 loaded would be: for the answers
/// that need an edition or both.
/// </summary>
public abstract class OnlyIod2019Platform(DatabaseProvider provider) : WebFixture(provider, publicAggregates: true)
{
    private readonly bool available = provider == DatabaseProvider.Sqlite || TestDatabase.PostgresServer is not null;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!available) return;
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        await db.Deprivation.Where(d => d.Vintage == Core.Places.IodVintage.Iod2025).ExecuteDeleteAsync();
        db.Imports.Add(new Core.Places.ImportRecord(0, "test", "IoD2025 taken out", string.Empty, 0, 0, Importing.Now, "test"));
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteOnlyIod2019Platform() : OnlyIod2019Platform(DatabaseProvider.Sqlite);

public sealed class PostgresOnlyIod2019Platform() : OnlyIod2019Platform(DatabaseProvider.Postgres);

/// <summary>A platform of a test's own, for a test that changes the store (an upload, an edit).</summary>
public static class OwnPlatform
{
    /// <summary>Starts the platform over a fresh store of the provider; skips the test when PostgreSQL is not available.</summary>
    public static async Task<CommonwealFactory> StartAsync(DatabaseProvider provider, bool publicAggregates = true)
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts one, or set {TestDatabase.PostgresVariable}");
        return await CommonwealFactory.StartAsync(provider, publicAggregates);
    }
}
