using BenchmarkDotNet.Attributes;
using Commonweal.Core.Statistics;

namespace Commonweal.Benchmarks;

/// <summary>
/// Life expectancy for 10,000 areas × 20 age bands (issue 3 target: ≤ 100 ms), from a seeded generator of plausible
/// English mortality; also one SII with the package's default 100,000 Monte-Carlo repetitions.
/// </summary>
[MemoryDiagnoser]
public class LifeExpectancyBenchmarks
{
    private const int Areas = 10_000;
    private readonly double[] deaths = new double[Areas * LifeExpectancy.BandCount];
    private readonly double[] population = new double[Areas * LifeExpectancy.BandCount];
    private readonly double[] expectancy = new double[Areas * LifeExpectancy.BandCount];
    private readonly double[] standardError = new double[Areas * LifeExpectancy.BandCount];
    private readonly LifeExpectancyStatus[] status = new LifeExpectancyStatus[Areas * LifeExpectancy.BandCount];

    // Death rates per band roughly as England and Wales (ONS), scaled per area.
    private static readonly double[] Rates =
    [
        0.004, 0.0002, 0.0001, 0.0001, 0.0003, 0.0004, 0.0005, 0.0007, 0.001, 0.0013,
        0.002, 0.003, 0.005, 0.008, 0.013, 0.02, 0.035, 0.06, 0.11, 0.2,
    ];

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20260101);
        for (var area = 0; area < Areas; area++)
        {
            var size = 5_000 + (random.NextDouble() * 300_000);
            var scale = 0.7 + (random.NextDouble() * 0.8);
            for (var band = 0; band < LifeExpectancy.BandCount; band++)
            {
                var i = (area * LifeExpectancy.BandCount) + band;
                population[i] = Math.Round(size * (band == 0 ? 0.012 : band == 1 ? 0.048 : band < 18 ? 0.06 : 0.012) * (0.8 + (random.NextDouble() * 0.4))) + 1;
                deaths[i] = Math.Round(population[i] * Rates[band] * scale) + (band == 19 ? 1 : 0);
            }
        }
    }

    [Benchmark]
    public LifeExpectancyStatus TenThousandAreas()
    {
        LifeExpectancy.CalculateBatch(deaths, population, expectancy, standardError, status);
        return status[^1];
    }

    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods
    public double SiiWith100000Repetitions() =>
        Inequality.SlopeIndex(
            [1434002, 1450590, 1453827, 1440980, 1457780],
            [150.2200205, 131.0221747, 127.4954973, 130.494241, 135.4664241],
            [147.3194185, 128.3676972, 125.0421198, 128.2469515, 133.2469515],
            [153.1498241, 133.7051129, 129.975513, 132.7657553, 137.8657553],
            InequalityValueType.Rate, ConfidenceLevel.Standard, new SlopeIndexOptions(Transform: true)).SiiIntervals[0].Lower;
#pragma warning restore CA1822
}
