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
    private static readonly DateOnly Today = new(2026, 12, 1);
    private PlaceTimeline timeline = null!;
    private PlaceGraph graph = null!;

    [GlobalSetup]
    public void BuildGraph()
    {
        timeline = Timeline();
        graph = timeline.At(Today, Reorganisations.Census[1]);
    }

    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods
    public int GenerateDemoDataset() => DemoDataset.Generate(Mse).Rows;
#pragma warning restore CA1822

    /// <summary>Everything through time, from the demo's rows: built once per import.</summary>
    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods
    public int BuildTimeline() => Timeline().Changes.Count;
#pragma warning restore CA1822

    [Benchmark]
    public long SummariseEveryDistrict() => Mse.Districts.Sum(d => graph.Summarise(graph.Find(d.Code)!).Population);

    /// <summary>A view as at a new date (a fresh epoch): what a page pays the first time a date is asked for.</summary>
    [Benchmark]
    public int LsoasOfTheIcsAsAtANewDate() => timeline.At(new DateOnly(2023, 1, 1), Reorganisations.Census[1]).LsoasIn(Mse.Code).Count;

    /// <summary>The demo's places through time, built from its generated rows (also what the indicator engine benchmarks add up over).</summary>
    internal static PlaceTimeline Timeline()
    {
        var demo = DemoDataset.Generate(Mse);
        return new PlaceTimeline(1, DatasetKind.Demo, Mse, demo.Areas, demo.Memberships, demo.ReleasedAreas,
            demo.Populations.Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons).Select(p => (p.Area, p.Period, p.Count)),
            demo.Populations.Where(p => p.Kind == PopulationKind.Registered && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons).Select(p => (p.Area, p.Period, p.Count)),
            demo.Deprivation, demo.LsoaLinks);
    }
}
