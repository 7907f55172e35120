using BenchmarkDotNet.Attributes;
using Commonweal.Core.Statistics;

namespace Commonweal.Benchmarks;

/// <summary>
/// Wilson score limits at 95 % and 99.8 % for 1,000,000 numerator/denominator pairs on one core
/// (target: ≥ 20 million rows — both levels — per second, i.e. ≤ 50 ms per 1,000,000 rows).
/// </summary>
[MemoryDiagnoser]
public class ProportionBenchmarks
{
    private const int Rows = 1_000_000;
    private readonly Interval[] ci95 = new Interval[Rows];
    private readonly Interval[] ci998 = new Interval[Rows];
    private double[] successes = [];
    private double[] trials = [];

    [GlobalSetup]
    public void Generate() => (successes, trials) = StatsData.Proportions(Rows, seed: 42);

    [Benchmark(OperationsPerInvoke = Rows)]
    public void WilsonBothLevelsBatch()
    {
        Proportions.WilsonScore(successes, trials, ConfidenceLevel.Percent95, ci95);
        Proportions.WilsonScore(successes, trials, ConfidenceLevel.Percent998, ci998);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public double WilsonBothLevelsOneAtATime()
    {
        var sum = 0.0;
        for (var i = 0; i < successes.Length; i++)
        {
            sum += Proportions.WilsonScore(successes[i], trials[i], ConfidenceLevel.Percent95).Lower;
            sum += Proportions.WilsonScore(successes[i], trials[i], ConfidenceLevel.Percent998).Upper;
        }

        return sum;
    }
}
