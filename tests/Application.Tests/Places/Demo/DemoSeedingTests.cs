using Commonweal.Application.Places;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Places.Demo;

/// <summary>
/// The demo seeded into a real store, as the application does on first start: the store works out each place's
/// validity from the demo's releases, and the place timeline read back from the stored rows answers as at a date.
/// Run on SQLite and PostgreSQL.
/// </summary>
public abstract class DemoSeedingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Census2021 = Reorganisations.Census[1];

    private TestDatabase database = null!;
    private ApplicationScope app = null!;

    /// <summary>Each test starts from the demo seeded into an empty store, as on first start.</summary>
    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        app = new ApplicationScope(database);
        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", cancellationToken: TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_store_works_out_the_same_names_and_validity_as_the_demo_from_its_releases()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = DemoDataset.Generate(IcsConfiguration.Default());
        await using var db = database.CreateContext();
        var stored = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        Assert.Equal(demo.Areas.OrderBy(a => a.Code), stored.Values.OrderBy(a => a.Code));

        var splits = demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split).ToList();
        Assert.Equal(15, splits.Select(l => l.Lsoa2011).Distinct().Count());
        Assert.All(splits, l => Assert.Equal(new Validity(null, new(2021, 3, 20)), stored[l.Lsoa2011].Validity));
        Assert.All(splits, l => Assert.Equal(new Validity(new(2021, 3, 21), null), stored[l.Lsoa2021].Validity));
        Assert.Equal(690, stored.Values.Count(a => a.Type == AreaType.Lsoa && a.Validity == Validity.Always));
        Assert.Equal(new Validity(null, new(2026, 3, 31)), stored[AreaCode.Parse("QH8")].Validity);
        Assert.Equal(new Validity(new(2026, 4, 1), null), stored[AreaCode.Parse("D7T5G")].Validity);
        Assert.Equal(2, stored.Values.Count(a => a.Type == AreaType.Practice && a.ValidTo == new DateOnly(2026, 7, 31)));

        Assert.Equal(705 + 720, await db.Deprivation.CountAsync(ct));
        Assert.Equal(690 + 30, await db.LsoaLinks.CountAsync(ct));
        Assert.Equal(1_195_348, await db.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).SumAsync(p => p.Count, ct));
        Assert.Equal(1_199_554, await db.Populations.Where(p => p.Period == DemoDataset.CensusPeriod && p.AgeBand == AgeBand.All).SumAsync(p => p.Count, ct));
    }

    [Fact]
    public async Task The_stored_demo_answers_as_at_a_date_through_the_place_timeline()
    {
        var ct = TestContext.Current.CancellationToken;
        var timeline = await app.Get<PlaceGraphCache>().GetAsync(app.Get<IDbContextFactory<CommonwealDbContext>>(), ct);
        var ics = timeline.Ics.Code;
        var practice = AreaCode.Parse("Y90001");
        var in2020 = timeline.At(new DateOnly(2020, 6, 1), Reorganisations.Census[0]);
        var in2025 = timeline.At(new DateOnly(2025, 6, 1), Census2021);
        var in2026 = timeline.At(new DateOnly(2026, 6, 1), Census2021);

        Assert.Equal(DatasetKind.Demo, timeline.Dataset);
        Assert.Equal("QH8", in2025.IcbOf(practice)?.Code.Value);
        Assert.Equal("D7T5G", in2026.IcbOf(practice)?.Code.Value);
        var before = in2020.Summarise(in2020.Find(ics)!);
        var after = in2026.Summarise(in2026.Find(ics)!);
        Assert.Equal((705, 1_195_348L, 69), (before.Lsoas, before.Population, before.Core20Lsoas));
        Assert.Equal((720, 1_199_554L, 83), (after.Lsoas, after.Population, after.Core20Lsoas));
        Assert.Equal([IodVintage.Iod2019, IodVintage.Iod2025], timeline.IodVintagesLoaded);
        Assert.Equal(27, in2026.OfType(AreaType.Neighbourhood).Count());
    }

    [Fact]
    public async Task Seeding_again_keeps_the_demo_and_replacing_it_gives_the_same_places()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await PlacesAsync(ct);

        Assert.Equal(DemoSeeding.Result.AlreadyHasData, await app.Get<DemoSeeding>().SeedAsync("test", cancellationToken: ct));
        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", replaceDemo: true, cancellationToken: ct));

        Assert.Equal(before, await PlacesAsync(ct));
    }

    /// <summary>Every area as stored, and the number of rows of each other place table.</summary>
    private async Task<string> PlacesAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        int[] counts =
        [
            await db.Releases.CountAsync(ct), await db.ReleasedAreas.CountAsync(ct), await db.AreaMemberships.CountAsync(ct),
            await db.Populations.CountAsync(ct), await db.Deprivation.CountAsync(ct), await db.Boundaries.CountAsync(ct), await db.LsoaLinks.CountAsync(ct),
        ];
        return string.Join('\n', areas) + "\n" + string.Join(',', counts);
    }
}

public sealed class SqliteDemoSeedingTests() : DemoSeedingTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoSeedingTests() : DemoSeedingTests(DatabaseProvider.Postgres);
