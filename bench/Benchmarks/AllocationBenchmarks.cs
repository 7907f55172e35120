using BenchmarkDotNet.Attributes;
using Commonweal.Core.Allocation;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;

namespace Commonweal.Benchmarks;

/// <summary>
/// An allocation run (docs/methods/allocation.md) over every English LSOA (32,844) and over an ICS's 720 (issue 13
/// targets: ≤ 100 ms and ≤ 10 ms): two need components standardised and combined, uplift, unit costs, per-head floors
/// and caps, a baseline with the pace of change, the five waterfall stages and the limits in whole pence. Seeded places.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*AllocationBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    [Params(720, 32_844)]
    public int Places { get; set; }

    private AllocationModel model = null!;
    private AllocationPlace[] places = [];
    private long budget;

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20261202);
        budget = 60_000_000_000; // £600 million
        model = new AllocationModel("bench", 1, "", AreaType.Lsoa, PopulationBase.Resident, [new AgeCost(0, 1), new AgeCost(65, 2)], NeedCombination.Product, null,
            [new NeedComponent("imd_score", 0.7), new NeedComponent("indicator:1", 0.3, LowerMeansMoreNeed: true)], new DeprivationUplift(3, 1),
            new Dictionary<string, double>(), 0.5, 3.0, new PaceOfChange(0.0, 0.08, 0.05));
        places = [.. Enumerable.Range(0, Places).Select(i =>
        {
            long people = 1_000 + random.Next(2_000);
            return new AllocationPlace(AreaCode.Parse($"E01{i:000000}"), $"LSOA {i}", people, people * (0.9 + 0.4 * random.NextDouble()),
                [1 + 70 * random.NextDouble(), 70 + 15 * random.NextDouble()], 1 + 2 * random.NextDouble(), 1, (long)(budget / Places * (0.9 + 0.2 * random.NextDouble())));
        })];
    }

    [Benchmark]
    public long Run() => AllocationEngine.Run(model, places, budget).Lines.Count;
}

/// <summary>
/// The run page of a saved run (the demo's run 2: nine districts with a baseline) requested in process, signed in, with
/// its p95 (issue 13 target: ≤ 100 ms p95). The run is read from the store and worked out again from its inputs.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*AllocationPageBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class AllocationPageBenchmarks
{
    [Params("/allocation/runs/2", "/allocation/runs/2/places/E06000033", "/allocation/compare?run=1&run=2", "/api/allocation/runs/2")]
    public string Address { get; set; } = "/allocation/runs/2";

    private CommonwealFactory platform = null!;
    private HttpClient client = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true);
        client = (await platform.SignedInAsNewUserAsync("Commissioner")).Client;
        await GetAsync();
    }

    [GlobalCleanup]
    public async Task StopAsync() => await platform.DisposeAsync();

    [Benchmark]
    public async Task<int> GetAsync()
    {
        using var response = await client.GetAsync(Address);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
