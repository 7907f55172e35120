using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Targeting;

/// <summary>
/// A population generated on the demo, stored, stratified and read back, on SQLite and PostgreSQL: the people and their
/// risk results come back exactly, the hash of the stored blocks is the generator's, and each write is audited.
/// </summary>
public abstract class PopulationStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ApplicationScope app = null!;

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
    public async Task A_generated_population_and_its_risk_results_read_back_exactly_and_each_write_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = app.Get<PopulationStore>();
        Assert.Null(await store.HashAsync(ct));

        var generated = (await app.Get<PopulationGeneration>().GenerateAsync(5, 1, "tester", ct)).Value!;
        Assert.Equal(1_199_554, generated.Stored.People); // the demo's Census 2021 residents
        Assert.Equal(generated.Stored.Hash, await store.HashAsync(ct));

        var stratified = (await app.Get<RiskStratifying>().StratifyAsync("tester", ct)).Value!;
        Assert.Equal(1_199_554, stratified.Tiers.Sum(t => t.People));
        Assert.Equal(1_199_554, stratified.Segments.Sum(s => s.People));

        var loaded = (await store.LoadAsync(ct))!;
        Assert.Equal(generated.Stored.Hash, PopulationFormat.Hash(loaded.People));
        Assert.Equal(RiskModel.Default.Label, loaded.Stored.RiskModel);
        var again = RiskStratification.Run(loaded.People, RiskModel.Default);
        Assert.NotNull(loaded.Risk);
        Assert.Equal(again.Scores, loaded.Risk.Scores);
        Assert.Equal(again.Tiers, loaded.Risk.Tiers);
        Assert.Equal(again.Segments, loaded.Risk.Segments);
        Assert.Equal(again.EfiCounts, loaded.Risk.EfiCounts);

        await using var db = database.CreateContext();
        var actions = await db.Audit.AsNoTracking().Where(a => a.Actor == "tester").Select(a => a.Action).ToListAsync(ct);
        Assert.Equal(["population.generate", "risk.stratify"], actions.Order());
    }

    [Fact]
    public async Task Generating_again_replaces_the_population_and_its_risk_results()
    {
        var ct = TestContext.Current.CancellationToken;
        await app.Get<PopulationGeneration>().GenerateAsync(5, 1, "tester", ct);
        await app.Get<RiskStratifying>().StratifyAsync("tester", ct);
        var other = (await app.Get<PopulationGeneration>().GenerateAsync(6, 1, "tester", ct)).Value!;

        var loaded = (await app.Get<PopulationStore>().LoadAsync(ct))!;
        Assert.Equal(6, loaded.Stored.Seed);
        Assert.Equal(other.Stored.Hash, PopulationFormat.Hash(loaded.People));
        Assert.Null(loaded.Stored.RiskModel);
        Assert.Null(loaded.Risk);
    }
}

public sealed class SqlitePopulationStoreTests() : PopulationStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresPopulationStoreTests() : PopulationStoreTests(DatabaseProvider.Postgres);
