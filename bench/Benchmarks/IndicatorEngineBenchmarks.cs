using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Application.Indicators;
using Commonweal.Application.Places;

namespace Commonweal.Benchmarks;

/// <summary>
/// The indicator engine in memory: 20 indicators × 10 quarters × about 870 practices and LSOAs of the demo's places
/// (<see cref="EngineData"/>), each worked out again from its counts, added up to every level of the ICS as at each
/// quarter's end, compared with England and given its recent trend; then every row under the default disclosure rule.
/// Target: ≤ 1 s for all 20. Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*IndicatorEngine*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class IndicatorEngineBenchmarks
{
    private PlaceTimeline places = null!;
    private List<IndicatorData> indicators = null!;

    [GlobalSetup]
    public void Generate()
    {
        places = EngineData.Places();
        indicators = EngineData.Indicators(places, 20);
    }

    /// <summary>Every table built afresh (each build makes its own views of the places as at its periods' ends, as after an import).</summary>
    [Benchmark]
    public int BuildTwentyIndicators()
    {
        var rows = 0;
        foreach (var data in indicators) rows += IndicatorEngine.Build(data, places).Rows.Count;
        return rows;
    }

    /// <summary>The same, with every row then shown under the default disclosure rule (complementary suppression included).</summary>
    [Benchmark]
    public int BuildAndDiscloseTwentyIndicators()
    {
        var shown = 0;
        foreach (var data in indicators)
        {
            var table = IndicatorEngine.Build(data, places);
            var policy = Core.Statistics.DisclosurePolicy.Default;
            foreach (var row in table.Rows) shown += table.Disclosed(row, policy).IsSuppressed ? 0 : 1;
        }

        return shown;
    }
}
