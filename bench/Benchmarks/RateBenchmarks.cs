using BenchmarkDotNet.Attributes;
using Commonweal.Core.Statistics;

namespace Commonweal.Benchmarks;

/// <summary>
/// DSR for 33,000 areas × 19 ESP2013 bands at 95 % and 99.8 % (target ≤ 100 ms), and crude-rate limits
/// (Byar's and exact) for 1,000,000 rows. Data from a fixed seed, so every run measures the same input.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*RateBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class RateBenchmarks
{
    private const int Areas = 33_000;
    private const int Bands = EuropeanStandardPopulation2013.BandCount;
    private const int Rows = 1_000_000;
    private static readonly ConfidenceLevel[] Levels = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent998];

    private double[] counts = [];
    private double[] populations = [];
    private DsrSummary[] summaries = [];
    private Interval[] dsrLimits = [];
    private double[] rateCounts = [];
    private double[] rateDenominators = [];
    private double[] values = [];
    private Interval[] limits95 = [];
    private Interval[] limits998 = [];

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20_240_601);
        counts = new double[Areas * Bands];
        populations = new double[Areas * Bands];
        for (var i = 0; i < counts.Length; i++)
        {
            populations[i] = random.Next(200, 8_000);
            counts[i] = random.Next(0, 60);
        }

        summaries = new DsrSummary[Areas];
        dsrLimits = new Interval[Areas * Levels.Length];

        rateCounts = new double[Rows];
        rateDenominators = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            // About one row in five below 10 events, so both methods are exercised.
            rateCounts[i] = random.Next(5) == 0 ? random.Next(0, 10) : random.Next(10, 5_000);
            rateDenominators[i] = random.Next(1_000, 500_000);
        }

        values = new double[Rows];
        limits95 = new Interval[Rows];
        limits998 = new Interval[Rows];
    }

    /// <summary>33,000 DSRs with both intervals, through the span-based batch API.</summary>
    [Benchmark]
    public double Dsr33000Areas()
    {
        Dsr.Dobson(counts, populations, EuropeanStandardPopulation2013.Weights, Bands, 100_000, Levels, summaries, dsrLimits);
        return summaries[^1].Value;
    }

    /// <summary>1,000,000 crude rates with 95 % and 99.8 % limits (Byar's from 10 events, exact below).</summary>
    [Benchmark]
    public double CrudeRatesMillionRows()
    {
        Rates.CrudeRates(rateCounts, rateDenominators, ConfidenceLevel.Percent95, 100_000, values, limits95);
        Rates.CrudeRates(rateCounts, rateDenominators, ConfidenceLevel.Percent998, 100_000, values, limits998);
        return limits998[^1].Upper;
    }
}
