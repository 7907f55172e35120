using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>A value compared with a comparator: the outcome, the comparator's row (null for quintiles or when there is none), the method and why not when not compared.</summary>
public sealed record Benchmark(Comparators Comparator, BenchmarkOutcome Outcome, IndicatorRow? Against, BenchmarkMethod Method, string? Note)
{
    /// <summary>The outcome as written in outputs: "Better", "Similar", "Not compared", …</summary>
    public string Label => Benchmarking.Label(Outcome);
}
