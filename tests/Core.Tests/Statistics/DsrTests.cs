using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class DsrTests
{
    private static readonly ConfidenceLevel[] Both = [ConfidenceLevel.Percent95, ConfidenceLevel.Percent998];

    // The deterministic example at the end of PHEindicatormethods' DSR vignette (vignettes/DSR-vignette.Rmd, v2.x):
    // populations pops2 and deaths deaths2, left-joined by age band so that bands 10–14, 15–19 and 20–24 have no deaths (NA).
    private static readonly double[] VignettePopulations = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15];
    private static readonly double[] VignetteDeaths = [1, 1, double.NaN, double.NaN, double.NaN, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8];

    [Fact]
    public void The_vignette_example_matches_calculate_dsr()
    {
        // Reference: calculate_dsr's formulas (R/DSR.R, dsr_inner) evaluated in R 4.2.2 on the vignette data with esp2013:
        // total_count 88, total_pop 860, value 8283.0158730158728, 95 % 6570.8187978036722–10289.6476388216142,
        // 99.8 % 5709.7219261062401–11530.0988678673475. Tolerance 1e-12 relative.
        var result = Dsr.Dobson(VignetteDeaths, VignettePopulations, Both);
        Assert.Equal(88, result.TotalCount);
        Assert.Equal(860, result.TotalPopulation);
        Close(8283.0158730158728, result.Value);
        Close(6570.8187978036722, result.Limits[0].Lower);
        Close(10289.6476388216142, result.Limits[0].Upper);
        Close(5709.7219261062401, result.Limits[1].Lower);
        Close(11530.0988678673475, result.Limits[1].Upper);
        Assert.Equal("Dobson", result.Method);
        Assert.Null(result.Note);
    }

    [Fact]
    public void Non_independent_events_keep_the_value_and_widen_the_interval()
    {
        // The vignette's non-independent example applied to the same data: per band, f3 = floor(d*0.1/3) people with
        // 3 events, f2 = floor(d*0.2/2) with 2, f1 = d − 3 f3 − 2 f2 with 1 (NA where d is NA, rows kept).
        // Reference: calculate_dsr(independent_events = FALSE)'s formulas in R 4.2.2: value 8283.0158730158728 (unchanged),
        // 95 % 6512.2569510405710–10358.2799613972857, 99.8 % 5621.7081991953582–11641.1580324486185. Tolerance 1e-12 relative.
        var rows = new List<EventFrequencyCount>();
        for (var band = 0; band < 19; band++)
        {
            var d = VignetteDeaths[band];
            var f3 = Math.Floor(d * 0.1 / 3);
            var f2 = Math.Floor(d * 0.2 / 2);
            var f1 = d - (3 * f3) - (2 * f2);
            rows.Add(new EventFrequencyCount(band, 1, f1));
            rows.Add(new EventFrequencyCount(band, 2, f2));
            rows.Add(new EventFrequencyCount(band, 3, f3));
        }

        var result = Dsr.DobsonNonIndependent([.. rows], VignettePopulations, EuropeanStandardPopulation2013.Weights, Both);
        Assert.Equal(88, result.TotalCount);
        Close(8283.0158730158728, result.Value);
        Close(6512.2569510405710, result.Limits[0].Lower);
        Close(10358.2799613972857, result.Limits[0].Upper);
        Close(5621.7081991953582, result.Limits[1].Lower);
        Close(11641.1580324486185, result.Limits[1].Upper);
        Assert.Equal(Dsr.NonIndependentMethod, result.Method);
    }

    [Fact]
    public void With_every_event_in_a_different_person_the_variant_equals_the_ordinary_dsr()
    {
        var rows = new EventFrequencyCount[19];
        for (var band = 0; band < 19; band++) rows[band] = new EventFrequencyCount(band, 1, VignetteDeaths[band]);
        var variant = Dsr.DobsonNonIndependent(rows, VignettePopulations, EuropeanStandardPopulation2013.Weights, Both);
        var ordinary = Dsr.Dobson(VignetteDeaths, VignettePopulations, Both);
        Assert.Equal(ordinary.Value, variant.Value, 1e-9);
        Assert.Equal(ordinary.Limits[1].Lower, variant.Limits[1].Lower, 1e-9);
        Assert.Equal(ordinary.Limits[1].Upper, variant.Limits[1].Upper, 1e-9);
    }

    [Fact]
    public void Fewer_than_ten_events_is_not_calculated_and_says_so()
    {
        var counts = new double[19];
        counts[18] = 9;
        var result = Dsr.Dobson(counts, Enumerable.Repeat(1000.0, 19).ToArray(), Both);
        Assert.Equal(9, result.TotalCount);
        Assert.True(double.IsNaN(result.Value));
        Assert.All(result.Limits, l => Assert.False(l.IsDefined));
        Assert.Equal("dsr NA for total count < 10", result.Note);
        Assert.False(result.IsCalculated);
    }

    [Fact]
    public void A_supplied_standard_population_is_used_as_given()
    {
        // With equal populations the DSR is the weighted mean of the band rates whatever the weights' scale.
        double[] counts = [10, 20, 30];
        double[] populations = [1000, 1000, 1000];
        var result = Dsr.Dobson(counts, populations, [1, 1, 2], Both, 1000);
        Assert.Equal((10 + 20 + 60) / 4.0, result.Value, 1e-12);
        var scaled = Dsr.Dobson(counts, populations, [50, 50, 100], Both, 1000);
        Assert.Equal(result.Value, scaled.Value, 1e-12);
        Assert.Equal(result.Limits[0].Lower, scaled.Limits[0].Lower, 1e-12);
    }

    [Fact]
    public void The_batch_form_matches_the_group_form()
    {
        var random = new Random(20240601);
        const int groups = 50;
        var counts = new double[groups * 19];
        var populations = new double[groups * 19];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = random.Next(0, 3) == 0 ? 0 : random.Next(0, 40);
            populations[i] = random.Next(500, 20_000);
        }

        var summaries = new DsrSummary[groups];
        var limits = new Interval[groups * 2];
        Dsr.Dobson(counts, populations, EuropeanStandardPopulation2013.Weights, 19, 100_000, Both, summaries, limits);
        for (var g = 0; g < groups; g++)
        {
            var one = Dsr.Dobson(counts.AsSpan(g * 19, 19), populations.AsSpan(g * 19, 19), Both);
            Assert.Equal(one.TotalCount, summaries[g].TotalCount);
            Assert.Equal(one.Value, summaries[g].Value);
            Assert.Equal(one.IsCalculated, summaries[g].IsCalculated);
            Assert.Equal(one.Limits[0], limits[g * 2]);
            Assert.Equal(one.Limits[1], limits[(g * 2) + 1]);
        }
    }

    [Fact]
    public void The_european_standard_population_has_19_bands_summing_to_100000()
    {
        Assert.Equal(19, EuropeanStandardPopulation2013.Weights.Length);
        var total = 0.0;
        foreach (var w in EuropeanStandardPopulation2013.Weights) total += w;
        Assert.Equal(100_000, total);
        Assert.Equal(5000, EuropeanStandardPopulation2013.WeightOfBand(1));
        Assert.Equal(1000, EuropeanStandardPopulation2013.WeightOfBand(19));
        Assert.Equal("90+", EuropeanStandardPopulation2013.Labels[18]);
        Assert.Equal(85, EuropeanStandardPopulation2013.StartAgeOfBand(18));
        Assert.Throws<ArgumentOutOfRangeException>(() => EuropeanStandardPopulation2013.WeightOfBand(20));
    }

    [Fact]
    public void Invalid_input_is_a_programming_error()
    {
        var ones = Enumerable.Repeat(1.0, 19).ToArray();
        Assert.Throws<ArgumentException>(() => Dsr.Dobson(ones.AsSpan(0, 18), ones, Both));
        var zeroPopulation = (double[])ones.Clone();
        zeroPopulation[3] = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => Dsr.Dobson(ones, zeroPopulation, Both));
        var negative = (double[])ones.Clone();
        negative[0] = -1;
        Assert.Throws<ArgumentOutOfRangeException>(() => Dsr.Dobson(negative, ones, Both));
        Assert.NotNull(Dsr.Problem(1, 0));
        Assert.Null(Dsr.Problem(double.NaN, 5));
    }

    [Fact]
    public void Limits_surround_the_value_and_the_998_interval_is_wider() =>
        Gen.Select(Gen.Int[0, 500].Array[19], Gen.Int[1, 50_000].Array[19]).Sample((counts, populations) =>
        {
            var r = Dsr.Dobson(counts.Select(c => (double)c).ToArray(), populations.Select(p => (double)p).ToArray(), Both);
            return !r.IsCalculated
                || (r.Limits[0].Lower <= r.Value && r.Value <= r.Limits[0].Upper
                    && r.Limits[1].Lower <= r.Limits[0].Lower && r.Limits[1].Upper >= r.Limits[0].Upper);
        });

    private static void Close(double expected, double actual) => Assert.Equal(expected, actual, Math.Abs(expected) * 1e-12);
}
