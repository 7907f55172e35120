using Commonweal.Application.Access;
using Commonweal.Application.Allocation;
using Commonweal.Application.Allocation.Demo;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Allocation;

/// <summary>
/// Allocation runs on the demo store, on SQLite and PostgreSQL: inputs gathered for any level, allocations adding up to the
/// budget to the penny, runs saved with their inputs and read back to the same pence, audited; models defined by file and
/// refused field by field; a bad request refused with nothing saved. The demo is seeded once per class
/// (<see cref="DemoStore"/>); each test reads only what it makes, or the demo's own runs.
/// </summary>
public abstract class AllocationRunsTests(DemoStore store) : IAsyncLifetime
{
    private ApplicationScope app = null!;

    public ValueTask InitializeAsync()
    {
        if (store.Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server (apt-get install postgresql), or set {TestDatabase.PostgresVariable} to a server connection string");
        app = new ApplicationScope(store.Database);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<List<AllocationRunView>> DemoRunsAsync(CancellationToken ct)
    {
        var runs = new List<AllocationRunView>();
        foreach (var summary in (await app.Get<AllocationRuns>().ListAsync(ct)).Where(r => r.CreatedBy == DemoAllocations.Actor).OrderBy(r => r.Id))
            runs.Add((await app.Get<AllocationRuns>().GetAsync(summary.Id, ct)).Value!);
        return runs;
    }

    [Fact]
    public async Task The_demo_saves_two_runs_the_second_paced_from_the_first()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoRunsAsync(ct);
        Assert.Equal(2, demo.Count);
        var (first, second) = (demo[0], demo[1]);
        Assert.Equal(BuiltInModels.DefaultName, first.Model.Name);
        Assert.Equal(DemoAllocations.ModelName, second.Model.Name);
        Assert.Equal(9, first.Lines.Count);
        Assert.Equal(250_000_000, first.Lines.Sum(l => l.Allocation));
        Assert.Equal(257_500_000, second.Lines.Sum(l => l.Allocation));
        Assert.True(second.Outcome.PaceApplied);
        // Every place of the second grew by +1 % to +8 % on the first, as its pace of change says.
        Assert.All(second.Lines, l => Assert.InRange(l.Allocation, (long)Math.Ceiling(l.Baseline!.Value * 1.01) - 1, (long)Math.Floor(l.Baseline.Value * 1.08) + 1));
        Assert.True(first.Reproduced && second.Reproduced);
        Assert.StartsWith("indicator:", second.Model.Need[1].Source, StringComparison.Ordinal);
        Assert.All(second.Sources, s => Assert.Contains("cardiovascular", s[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Making_the_demo_again_replaces_its_runs_and_model_and_keeps_the_users()
    {
        var ct = TestContext.Current.CancellationToken;
        var mine = (await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 1_000_000, Label: "mine"), "tester", save: true, ct)).Value!.Id!.Value;
        var before = (await DemoRunsAsync(ct)).Select(r => r.Id).ToList();
        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", replaceDemo: true, ct));
        var after = (await DemoRunsAsync(ct)).Select(r => r.Id).ToList();
        Assert.Equal(2, after.Count);
        Assert.Empty(after.Intersect(before));
        Assert.Contains(await app.Get<AllocationRuns>().ListAsync(ct), r => r.Id == mine && r.Label == "mine");
        Assert.Equal(1, (await app.Get<AllocationModels>().FindAsync(DemoAllocations.ModelName, ct)).Value!.Version);
    }

    [Theory]
    [InlineData(AreaType.District, 9)]
    [InlineData(AreaType.Alliance, 4)]
    [InlineData(AreaType.Lsoa, 720)]
    public async Task A_run_at_any_level_adds_up_to_the_budget_and_is_saved_read_back_and_audited(AreaType level, int places)
    {
        var ct = TestContext.Current.CancellationToken;
        var answer = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 123_456_789, level, Label: "test run"), "tester", save: true, ct);

        Assert.Null(answer.Refusal);
        var run = answer.Value!;
        Assert.Equal(places, run.Lines.Count);
        Assert.Equal(123_456_789, run.Lines.Sum(l => l.Allocation));
        Assert.Equal(123_456_789, run.Lines.Sum(l => l.TargetAllocation));
        Assert.Equal(run.People, run.Lines.Sum(l => l.Place.Population));
        var back = (await app.Get<AllocationRuns>().GetAsync(run.Id!.Value, ct)).Value!;
        Assert.True(back.Reproduced);
        Assert.Equal(run.Lines.Select(l => (l.Place.Code, l.Allocation, l.Steps)), back.Lines.Select(l => (l.Place.Code, l.Allocation, l.Steps)));
        Assert.Equal(run.Used, back.Used);
        Assert.Equal("test run", back.Label);
        var audit = await app.Get<AuditQueries>().PageAsync(1, 50, action: "allocation.run", cancellationToken: ct);
        Assert.Contains(audit, e => e.EntityKey == run.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Actor == "tester");
        // More where needed: the place of highest need gets more a head than the place of least.
        Assert.True(run.Lines.MaxBy(l => l.NeedIndex)!.PerHead > run.Lines.MinBy(l => l.NeedIndex)!.PerHead);
    }

    [Fact]
    public async Task A_baseline_file_turns_on_the_pace_of_change_and_must_cover_every_place()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = (await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 100_000_000), "tester", save: false, ct)).Value!;
        var baseline = first.Lines.ToDictionary(l => l.Place.Code, l => l.Allocation);
        var paced = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 105_000_000, Baseline: baseline, BaselineSource: "last-year.csv"), "tester", save: false, ct);
        Assert.Null(paced.Refusal);
        Assert.True(paced.Value!.Outcome.PaceApplied);
        Assert.All(paced.Value.Lines, l => Assert.InRange(l.Allocation, l.Baseline!.Value, (long)(l.Baseline.Value * 1.10) + 1));

        var before = await StoreFingerprint.TakeAsync(app.Get<CommonwealDbContext>());
        var partial = baseline.Skip(1).ToDictionary();
        var missing = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 105_000_000, Baseline: partial), "tester", save: true, ct);
        Assert.StartsWith("The baseline has no row for 1 of the 9 places, e.g. " + first.Lines[0].Place.Code, missing.Refusal!.Detail, StringComparison.Ordinal);
        var stray = new Dictionary<AreaCode, long>(baseline) { [AreaCode.Parse("E07000001")] = 5 };
        var other = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 105_000_000, Baseline: stray), "tester", save: true, ct);
        Assert.Contains("E07000001, which is not a district or unitary authority of the ICS", other.Refusal!.Detail, StringComparison.Ordinal);
        var tooSmall = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 50_000_000, Baseline: baseline), "tester", save: true, ct);
        // Halving the budget with no cuts allowed puts Southend's floor (last year's figure) above its cap of three times an equal share.
        Assert.Matches("^E06000033 Southend-on-Sea: its floor £[0-9,.]+ is above its cap £[0-9,.]+; widen the limits or the pace of change.$", tooSmall.Refusal!.Detail);
        var noRoom = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 99_000_000, Baseline: baseline), "tester", save: true, ct);
        Assert.StartsWith("The floors add up to £1,000,000.00, more than the budget of £990,000.00", noRoom.Refusal!.Detail, StringComparison.Ordinal);
        var negative = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, -1), "tester", save: true, ct);
        Assert.Equal("The budget cannot be negative (-£0.01).", negative.Refusal!.Detail);
        Assert.Equal(before, await StoreFingerprint.TakeAsync(app.Get<CommonwealDbContext>()));
    }

    [Fact]
    public async Task A_model_file_is_defined_as_a_new_version_and_a_bad_one_is_refused_field_by_field_with_nothing_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var models = app.Get<AllocationModels>();
        const string Good = """{ "name": "ages", "level": "Ward", "population": { "age_costs": [ { "from": 0, "weight": 1 }, { "from": 65, "weight": 3 } ] }, "need": { "combine": "weighted_sum", "weights_total": 100, "components": [ { "source": "imd_score", "weight": 60 }, { "source": "core20_share", "weight": 40 } ] } }""";
        Assert.Equal(1, (await models.DefineAsync(Good, "tester", ct)).Value!.Version);
        Assert.Equal(2, (await models.DefineAsync(Good, "tester", ct)).Value!.Version);
        Assert.Equal(1, (await models.FindAsync("ages@1", ct)).Value!.Version);
        var run = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest("ages", 1_000_000), "tester", save: false, ct);
        Assert.Null(run.Refusal);
        // 65+ weigh three times: the weighted population is above the population wherever anyone is 65 or over.
        Assert.All(run.Value!.Lines, l => Assert.True(l.Place.WeightedPopulation > l.Place.Population));

        var before = await StoreFingerprint.TakeAsync(app.Get<CommonwealDbContext>());
        var weights = await models.DefineAsync(Good.Replace("\"weight\": 40", "\"weight\": 30", StringComparison.Ordinal), "tester", ct);
        Assert.Contains("need.weights_total: the weights add up to 90, not the 100 declared", weights.Refusal!.Detail, StringComparison.Ordinal);
        var indicator = await models.DefineAsync(Good.Replace("core20_share", "indicator:424242", StringComparison.Ordinal), "tester", ct);
        Assert.Contains("need.components[1].source: there is no indicator 424242 in the catalogue", indicator.Refusal!.Detail, StringComparison.Ordinal);
        var cohort = await models.DefineAsync(Good.Replace("core20_share", "cohort:no-such-cohort", StringComparison.Ordinal), "tester", ct);
        Assert.Contains("There is no cohort called 'no-such-cohort'", cohort.Refusal!.Detail, StringComparison.Ordinal);
        var limits = await models.DefineAsync("""{ "name": "limits", "limits": { "per_head_floor": 1.5, "per_head_cap": 1.2 }, "pace": { "minimum_growth": 0.1, "maximum_growth": 0.05 }, "colour": "red" }""", "tester", ct);
        Assert.Contains("colour: not a field of the model here", limits.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Contains("limits: the floor 1.5 is above the cap 1.2", limits.Refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("pace: the minimum growth 0.1 is above the maximum growth 0.05 (a floor above the cap)", limits.Refusal.Detail, StringComparison.Ordinal);
        var json = await models.DefineAsync("{ \"name\": \"x\",\n \"level\": }", "tester", ct);
        Assert.StartsWith("The model cannot be used: line 2, position", json.Refusal!.Detail, StringComparison.Ordinal);
        var shipped = await models.DefineAsync(ModelFile.Write(BuiltInModels.Default), "tester", ct);
        Assert.Contains("the model that ships with Commonweal", shipped.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await StoreFingerprint.TakeAsync(app.Get<CommonwealDbContext>()));
    }

    [Fact]
    public async Task Registered_places_use_the_practice_lists_and_where_their_patients_live()
    {
        var ct = TestContext.Current.CancellationToken;
        var none = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 1_000_000, AreaType.Pcn), "tester", save: false, ct);
        Assert.Contains("comes from the person-level population, and there is none", none.Refusal!.Detail, StringComparison.Ordinal);

        var built = (await app.Get<Application.Targeting.PopulationFrames>().BuildAsync(null, ct)).Value!;
        await app.Get<Application.Targeting.PopulationStore>().SaveAsync(Core.Targeting.Population.PopulationGenerator.Generate(built.Frame, 7, 1),
            Core.Targeting.Population.PopulationSource.Synthetic, 7, 1, "test", "tester", ct);
        var run = await app.Get<AllocationRuns>().RunAsync(new AllocationRequest(null, 1_000_000, AreaType.Pcn), "tester", save: false, ct);
        Assert.Null(run.Refusal);
        var graph = await app.Get<PlaceQueries>().GraphAsync(cancellationToken: ct);
        Assert.All(run.Value!.Lines, l => Assert.Equal(graph.Registered(l.Place.Code)!.Value.Count, l.Place.Population));
        Assert.StartsWith("registered patients", run.Value.Population, StringComparison.Ordinal);
        Assert.Equal(1_000_000, run.Value.Lines.Sum(l => l.Allocation));

        // A cohort's share of each place's people, counted on the same stored population (read once for both uses).
        var cohort = """{ "name": "carers-and-deprivation", "level": "Pcn", "need": { "combine": "product", "components": [ { "source": "imd_score", "weight": 1 }, { "source": "cohort:carers", "weight": 0.5 } ] } }""";
        Assert.Null((await app.Get<AllocationModels>().DefineAsync(cohort, "tester", ct)).Refusal);
        var carers = (await app.Get<AllocationRuns>().RunAsync(new AllocationRequest("carers-and-deprivation", 1_000_000), "tester", save: false, ct)).Value!;
        Assert.All(carers.Lines, l => Assert.InRange(l.Place.Need[1], 0.0, 1.0));
        Assert.All(carers.Sources, s => Assert.Equal("cohort carers v1 on the stored population", s[1]));
        Assert.Equal(1_000_000, carers.Lines.Sum(l => l.Allocation));
    }

    [Fact]
    public async Task Runs_at_different_levels_cannot_be_compared_and_one_run_is_not_a_comparison()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = app.Get<AllocationRuns>();
        var district = (await runs.RunAsync(new AllocationRequest(null, 1_000_000), "tester", save: true, ct)).Value!.Id!.Value;
        var ward = (await runs.RunAsync(new AllocationRequest(null, 1_000_000, AreaType.Ward), "tester", save: true, ct)).Value!.Id!.Value;
        Assert.Contains("Runs at different levels of place cannot be compared", (await runs.CompareAsync([district, ward], ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal("Choose two or more runs to compare.", (await runs.CompareAsync([district], ct)).Refusal!.Detail);
        Assert.Equal(RefusalKind.NotFound, (await runs.CompareAsync([district, 999_999], ct)).Refusal!.Kind);
        var other = (await runs.RunAsync(new AllocationRequest(null, 2_000_000), "tester", save: true, ct)).Value!.Id!.Value;
        var compared = (await runs.CompareAsync([district, other], ct)).Value!;
        Assert.Equal(2, compared.Count);
        Assert.Equal(["place_code", "place_name", $"run_{district}_allocation", $"run_{district}_need_index", $"run_{compared[1].Id}_allocation", $"run_{compared[1].Id}_need_index", $"run_{compared[1].Id}_change"],
            AllocationTables.Compare(compared).Header);
    }
}

/// <summary>A store with the demo seeded once (its places, indicators, targets and allocation runs), shared by a test class.</summary>
public abstract class DemoStore(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase? Database { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Without a PostgreSQL server the tests skip themselves (a fixture cannot skip).
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null) return;
        Database = await TestDatabase.CreateAsync(provider);
        await using var app = new ApplicationScope(Database);
        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", cancellationToken: TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null) await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteDemoStore() : DemoStore(DatabaseProvider.Sqlite);

public sealed class PostgresDemoStore() : DemoStore(DatabaseProvider.Postgres);

public sealed class SqliteAllocationRunsTests(SqliteDemoStore store) : AllocationRunsTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresAllocationRunsTests(PostgresDemoStore store) : AllocationRunsTests(store), IClassFixture<PostgresDemoStore>;
