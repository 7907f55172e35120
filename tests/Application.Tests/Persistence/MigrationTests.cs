using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Commonweal.Application.Tests.Persistence;

/// <summary>Every model change needs a migration for each provider; these fail when one is missing.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        var settings = provider == DatabaseProvider.Sqlite
            ? DatabaseSettings.FromSetting(Path.Combine(Path.GetTempPath(), "commonweal-model-check.db"))
            : DatabaseSettings.FromSetting("Host=localhost;Database=commonweal_model_check");
        await using var db = new CommonwealDbContext(PersistenceServices.Options(settings));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations do not match the model: add one with dotnet ef migrations add");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_database_is_migrated_to_the_latest_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Last(), (await db.Database.GetAppliedMigrationsAsync()).Last());
    }
}

/// <summary>A store of the previous release keeps its data through the migration to places through time.</summary>
public class PlacesThroughTimeMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_store_of_the_previous_release_keeps_its_places_populations_deprivation_and_boundaries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First());
            foreach (var sql in new[]
            {
                "INSERT INTO areas (\"Code\", \"Name\", \"Type\") VALUES ('E01021988', 'Tendring 018A', 'Lsoa'), ('E01033999', 'Chelmsford 002F', 'Lsoa2021'), ('E05015637', 'Billericay East', 'Ward2025'), ('E07000066', 'Basildon', 'District'), ('alliance-mid-essex', 'Mid Essex', 'Alliance')",
                "INSERT INTO area_memberships (\"Child\", \"ChildType\", \"Parent\", \"ParentType\", \"ValidFrom\") VALUES ('E01033999', 'Lsoa2021', 'E07000066', 'District', '2021-03-21'), ('E05015637', 'Ward2025', 'E07000066', 'District', '2025-05-01'), ('E07000066', 'District', 'alliance-mid-essex', 'Alliance', '2022-07-01')",
                "INSERT INTO lsoa_deprivation (\"Lsoa\", \"ImdRank\", \"ImdDecile\", \"ImdScore\") VALUES ('E01021988', 1, 1, 92.735)",
                "INSERT INTO area_boundaries (\"Area\", \"Polygons\") VALUES ('E01021988', '[[[[1,51],[1.1,51],[1.1,51.1],[1,51]]]]'), ('E05015637', '[[[[0.4,51.6],[0.5,51.6],[0.5,51.7],[0.4,51.6]]]]')",
                "INSERT INTO populations (\"Area\", \"Kind\", \"Period\", \"Sex\", \"AgeBand\", \"Count\") VALUES ('E01021988', 'Resident', '2019-06-30', 'Persons', 'all', 1954), ('E01021988', 'Resident', '2015-06-30', 'Persons', 'all', 1725)",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            await db.Database.MigrateAsync();
        }

        await using var after = database.CreateContext();
        var types = await after.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code.Value, a => a.Type);
        Assert.Equal(Core.Places.AreaType.Lsoa, types["E01033999"]);
        Assert.Equal(Core.Places.AreaType.Ward, types["E05015637"]);
        Assert.False(types.ContainsKey("alliance-mid-essex"));
        var memberships = await after.AreaMemberships.AsNoTracking().ToListAsync();
        Assert.Equal(2, memberships.Count);
        Assert.Contains(memberships, m => m.Child.Value == "E01033999" && m.ChildType == Core.Places.AreaType.Lsoa && m.ObservedOn == new DateOnly(2021, 3, 21));
        var deprivation = await after.Deprivation.AsNoTracking().SingleAsync();
        Assert.Equal((Core.Places.IodVintage.Iod2019, 1, 92.735), (deprivation.Vintage, deprivation.ImdRank!.Value, deprivation.ImdScore!.Value));
        var boundaries = await after.Boundaries.AsNoTracking().ToDictionaryAsync(b => b.Area.Value, b => b.Release);
        Assert.Equal(new DateOnly(2011, 3, 27), boundaries["E01021988"]);
        Assert.Equal(new DateOnly(2025, 5, 1), boundaries["E05015637"]);
        var populations = await after.Populations.AsNoTracking().ToDictionaryAsync(p => p.Period, p => (p.Kind, p.Count));
        Assert.Equal((Core.Places.PopulationKind.Resident, 1954L), populations[new DateOnly(2019, 6, 30)]);
        // IoD2019's File 6 (mid-2015) is the Indices' denominator, not residents.
        Assert.Equal((Core.Places.PopulationKind.IodDenominator, 1725L), populations[new DateOnly(2015, 6, 30)]);
    }
}

/// <summary>A store of the previous release: its contacted cases get the time of their first contact, from their events.</summary>
public class CaseContactedMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_contacted_case_of_the_previous_release_gets_its_first_contact(DatabaseProvider provider)
    {
        var contacted = new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);
        const string Waiting = "0D9C2A6E-3B1F-4C55-9E0A-111111111111";
        const string Supported = "0D9C2A6E-3B1F-4C55-9E0A-222222222222";
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_CaseContacted", StringComparison.Ordinal)) - 1];
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(previous);
            var received = contacted.AddDays(-2).UtcTicks;
            // The rows as the previous release wrote them, in SQL both providers read alike; only this test's constants in it.
#pragma warning disable EF1002, EF1003
            foreach (var (id, status) in new[] { (Waiting, "Assigned"), (Supported, "InSupport") })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO referrals (\"Id\", \"IdentifierSystem\", \"IdentifierValue\", \"Route\", \"Received\", \"ReferredBy\", \"ConsentGiven\", \"Person_BirthDate\", \"Person_FamilyName\", \"Person_GivenName\") " +
                    $"VALUES ('{id}', 'https://gp.example/Id/referral', '{id}', 'Fhir', {received}, 'gp', true, '1968-04-12', 'Okafor', 'Ada')");
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO referral_cases (\"Id\", \"Status\", \"Opened\", \"Updated\") VALUES ('{id}', '{status}', {received}, {received})");
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO case_events (\"Case\", \"To\", \"At\", \"By\") VALUES ('{id}', 'Received', {received}, 'gp')");
            }

            // Contacted twice (a later contact is not the first), then in support.
            foreach (var (to, at) in new[] { ("Contacted", contacted), ("Contacted", contacted.AddDays(1)), ("InSupport", contacted.AddDays(2)) })
                await db.Database.ExecuteSqlRawAsync($"INSERT INTO case_events (\"Case\", \"To\", \"At\", \"By\") VALUES ('{Supported}', '{to}', {at.UtcTicks}, 'provider')");
#pragma warning restore EF1002, EF1003

            await db.Database.MigrateAsync();
        }

        await using var after = database.CreateContext();
        var cases = await after.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Contacted);
        Assert.Equal(contacted, cases[Guid.Parse(Supported)]);
        Assert.Null(cases[Guid.Parse(Waiting)]);
    }
}
