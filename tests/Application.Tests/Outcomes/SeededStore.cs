using Commonweal.Application.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>
/// A store with the demo dataset seeded once (its places and six synthetic indicators), shared by a test class; each test
/// starts with no targets, partners, notes or framework versions (<see cref="ResetAsync"/>).
/// </summary>
public abstract class SeededStore(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Demo smoking prevalence, annual 2013/14–2024/25, low is good (practices up to the ICS).</summary>
    public const int Smoking = 1_900_001;

    /// <summary>Demo emergency admissions per 1,000, monthly April 2022 – March 2025, low is good.</summary>
    public const int Admissions = 1_900_004;

    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Without a PostgreSQL server the tests skip themselves in ResetAsync (a fixture cannot skip).
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null) return;
        Database = await TestDatabase.CreateAsync(provider);
        await using var app = new ApplicationScope(Database);
        await app.Get<DatabaseSetup>().MigrateAndSeedAsync(TestContext.Current.CancellationToken);
    }

    public async Task ResetAsync()
    {
        if (Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server (apt-get install postgresql), or set {TestDatabase.PostgresVariable} to a server connection string");
        await using var db = Database.CreateContext();
        await Commonweal.Application.Commissioning.Demo.DemoCommissioning.ClearAsync(db, TestContext.Current.CancellationToken);
        await db.TargetChanges.ExecuteDeleteAsync();
        await db.TargetCommentaries.ExecuteDeleteAsync();
        await db.TargetActions.ExecuteDeleteAsync();
        await db.Targets.ExecuteDeleteAsync();
        await db.Partners.ExecuteDeleteAsync();
        await db.FrameworkVersions.ExecuteDeleteAsync();
        await db.Audit.ExecuteDeleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null) await Database.DisposeAsync();
    }
}

public sealed class SeededSqlite() : SeededStore(DatabaseProvider.Sqlite);

public sealed class SeededPostgres() : SeededStore(DatabaseProvider.Postgres);
