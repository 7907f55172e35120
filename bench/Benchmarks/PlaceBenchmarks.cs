using BenchmarkDotNet.Attributes;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;

namespace Commonweal.Benchmarks;

/// <summary>The in-memory work behind every page: generating the demo, and rolling LSOAs up the place graph.</summary>
[MemoryDiagnoser]
public class PlaceBenchmarks
{
    private static readonly IcsDefinition Mse = IcsConfiguration.Default();
    private PlaceGraph graph = null!;

    [GlobalSetup]
    public void BuildGraph()
    {
        var demo = DemoDataset.Generate(Mse);
        var residents = demo.Populations
            .Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All)
            .ToDictionary(p => p.Area, p => p.Count);
        graph = new PlaceGraph(1, DatasetKind.Demo, demo.Areas.Concat(demo.AreasIfMissing).DistinctBy(a => a.Code), demo.Memberships,
            residents, new DateOnly(2019, 6, 30), demo.Deprivation.ToDictionary(d => d.Lsoa));
    }

    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods
    public int GenerateDemoDataset() => DemoDataset.Generate(Mse).Rows;
#pragma warning restore CA1822

    [Benchmark]
    public long SummariseEveryDistrict() => Mse.Districts.Sum(d => graph.Summarise(graph.Find(d.Code)!).Population);

    [Benchmark]
    public int LsoasOfTheIcb() => graph.LsoasIn(Mse.IcbCode).Count;
}
