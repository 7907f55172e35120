using BenchmarkDotNet.Attributes;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Benchmarks;

/// <summary>
/// Making Data Count XmR charts for 10,000 series × 36 monthly points (issue 3 target: ≤ 200 ms in all).
/// Seeded series: noise around a level, with a step in some series and a drift in others so every rule fires.
/// </summary>
[MemoryDiagnoser]
public class SpcBenchmarks
{
    private const int SeriesCount = 10_000;
    private const int Points = 36;
    private readonly XmrPoint[] buffer = new XmrPoint[Points];
    private double[] values = [];
    private SpcOptions options = SpcOptions.Mdc;

    /// <summary>The preset under test.</summary>
    [Params("mdc", "plotthedots")]
    public string Preset { get; set; } = "mdc";

    [GlobalSetup]
    public void Generate()
    {
        SpcOptions.TryGetPreset(Preset, out options);
        var random = new Random(20260101);
        values = new double[SeriesCount * Points];
        for (var s = 0; s < SeriesCount; s++)
        {
            var level = 50 + (random.NextDouble() * 50);
            var step = s % 5 == 0 ? 10.0 : 0;
            var drift = s % 7 == 0 ? 0.8 : 0;
            for (var i = 0; i < Points; i++)
            {
                var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 4;
                values[(s * Points) + i] = level + noise + (i >= 24 ? step : 0) + (drift * i);
            }
        }
    }

    /// <summary>The allocation-free span API, one reused result buffer.</summary>
    [Benchmark]
    public int CalculateAllSeries()
    {
        var special = 0;
        for (var s = 0; s < SeriesCount; s++)
        {
            XmrChart.Calculate(values.AsSpan(s * Points, Points), options, buffer);
            if (VariationIcons.Of(buffer, options.Improvement) != VariationIcon.CommonCause) special++;
        }

        return special;
    }

    /// <summary>The same series rebased at point 24 with limits fixed after 12 points.</summary>
    [Benchmark]
    public int CalculateAllSeriesRebasedAndFixed()
    {
        var fixedOptions = options with { FixAfterPoints = 12 };
        ReadOnlySpan<int> rebase = [24];
        var special = 0;
        for (var s = 0; s < SeriesCount; s++)
        {
            XmrChart.Calculate(values.AsSpan(s * Points, Points), rebase, fixedOptions, buffer);
            if (VariationIcons.Of(buffer, options.Improvement) != VariationIcon.CommonCause) special++;
        }

        return special;
    }

    /// <summary>The friendly API (allocates a result per series).</summary>
    [Benchmark]
    public int AnalyseAllSeries()
    {
        var special = 0;
        for (var s = 0; s < SeriesCount; s++)
        {
            var chart = XmrChart.Analyse(values.AsSpan(s * Points, Points).ToArray(), options, target: 75);
            if (chart.Variation != VariationIcon.CommonCause) special++;
        }

        return special;
    }
}
