using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class InequalityTests
{
    // PHEindicatormethods LE_data (tests/testthat/LE_testdata.csv), Sex 1, E06000001: deciles 1 (most deprived) to 10.
    private static readonly double[] LePop = [13837, 14519, 14940, 14599, 12311, 13196, 13335, 13388, 13685, 11779];

    private static readonly double[] LeValue =
        [70.56313911, 72.61347473, 75.06710359, 75.20662276, 76.23469045, 75.21801932, 77.09240397, 79.84156222, 80.81329918, 82.73763832];

    private static readonly double[] LeSe =
        [1.133868862, 1.020288759, 1.108685178, 1.485618539, 1.311653285, 1.169033147, 1.306645801, 1.090905616, 0.979426096, 1.319452272];

    // DSR_data (tests/testthat/DSR_testdata.csv), Period 2010: quintiles 1–5.
    private static readonly double[] DsrPop = [1434002, 1450590, 1453827, 1440980, 1457780];
    private static readonly double[] DsrValue = [150.2200205, 131.0221747, 127.4954973, 130.494241, 135.4664241];
    private static readonly double[] DsrLower = [147.3194185, 128.3676972, 125.0421198, 128.2469515, 133.2469515];
    private static readonly double[] DsrUpper = [153.1498241, 133.7051129, 129.975513, 132.7657553, 137.8657553];

    // prevalence_data (tests/testthat/NCMP_testdata.csv), Period 607, SchoolYear 6, E92000001, as proportions.
    private static readonly double[] PrevPop = [34353, 32112, 27715, 25372, 23889, 23260, 23180, 24193, 23609, 24488];

    private static readonly double[] PrevRate =
    [
        21.2121212121212, 21.4281265570503, 20.4077214504781, 19.1865048084503, 17.4808489262841,
        16.6638005159071, 15.6039689387403, 14.6571322283305, 14.0370197805921, 12.0875530872264,
    ];

    private static readonly double[] PrevLower =
    [
        20.7830499225555, 20.9827711465288, 19.9373517258999, 18.7066648694241, 17.0044640703038,
        16.190410576997, 15.1425075468518, 14.2170753783533, 13.5997670936376, 11.6852009907382,
    ];

    private static readonly double[] PrevUpper =
    [
        21.6476300812899, 21.8803170788612, 20.8862933590925, 19.675673996565, 17.9676905527535,
        17.148199783417, 16.0768288675927, 15.1084110529924, 14.4859737537153, 12.5017980504761,
    ];

    private static double[] Percent(double[] x) => [.. x.Select(v => v / 100)];

    /// <summary>
    /// Tolerance for comparing a Monte-Carlo percentile limit with one from an independent run: 4 standard errors of the
    /// difference. A percentile's MC standard error is √(p(1−p)/R)/φ(z_p) × σ (asymptotic order statistic), with
    /// σ = (upper − lower)/(2z) from the published interval itself.
    /// </summary>
    private static double McTolerance(Interval published, ConfidenceLevel level, int theirReps, int ourReps)
    {
        var p = level.LowerTail;
        var sigma = (published.Upper - published.Lower) / (2 * level.Z);
        var density = Math.Exp(-level.Z * level.Z / 2) / Math.Sqrt(2 * Math.PI);
        double Se(int reps) => Math.Sqrt(p * (1 - p) / reps) / density * sigma;
        return 4 * Math.Sqrt((Se(theirReps) * Se(theirReps)) + (Se(ourReps) * Se(ourReps)));
    }

    [Fact]
    public void Sii_of_life_expectancy_matches_the_package_vignette()
    {
        // vignettes/WorkedExamples_phe_sii (example 1): Sex 1, E06000001, sii 11.68886, 95 % 9.215442–14.07460 (1,000 reps).
        var result = Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Other, [ConfidenceLevel.Percent95]);

        Assert.Equal(11.68886, result.Sii, 5e-6); // printed to 7 significant digits
        Assert.Equal(11.68886139101242, result.Sii, 1e-10); // R lm() on the same regression
        Assert.Equal(70.55296252109207, result.Intercept, 1e-9);
        var published = new Interval(9.215442, 14.07460);
        var tolerance = McTolerance(published, ConfidenceLevel.Percent95, 1000, 100_000); // ≈ 0.43
        Assert.Equal(published.Lower, result.SiiIntervals[0].Lower, tolerance);
        Assert.Equal(published.Upper, result.SiiIntervals[0].Upper, tolerance);
        Assert.Null(result.Note);
    }

    [Fact]
    public void Limits_or_standard_errors_give_the_same_result_for_other_values()
    {
        var lower = LeValue.Zip(LeSe, (v, s) => v - (1.959963984540054 * s)).ToArray();
        var upper = LeValue.Zip(LeSe, (v, s) => v + (1.959963984540054 * s)).ToArray();
        var options = new SlopeIndexOptions(Repetitions: 5000, Seed: 7);

        var fromLimits = Inequality.SlopeIndex(LePop, LeValue, lower, upper, InequalityValueType.Other, ConfidenceLevel.Standard, options);
        var fromSe = Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Other, ConfidenceLevel.Standard, options);

        Assert.Equal(fromSe.Sii, fromLimits.Sii, 1e-12);
        Assert.Equal(fromSe.SiiIntervals[1].Lower, fromLimits.SiiIntervals[1].Lower, 1e-9);
        Assert.Equal(fromSe.RiiIntervals[0].Upper, fromLimits.RiiIntervals[0].Upper, 1e-9);
    }

    [Fact]
    public void Log_transformed_rate_matches_the_package_vignette()
    {
        // vignettes/WorkedExamples_phe_sii (example 2, 100,000 reps): Period 2010, sii −14.03684, rii 0.9010655,
        // sii 95 % −17.95990 to −10.126662, rii 95 % 0.8752420 to 0.9275826 (the vignette's own MAD between runs: 0.013).
        var result = Inequality.SlopeIndex(DsrPop, DsrValue, DsrLower, DsrUpper, InequalityValueType.Rate, [ConfidenceLevel.Percent95],
            new SlopeIndexOptions(Transform: true));

        Assert.Equal(-14.03684, result.Sii, 5e-6);
        Assert.Equal(0.9010655, result.Rii, 5e-8);
        Assert.Equal(-14.03684348113803537, result.Sii, 1e-9); // R lm()
        Assert.Equal(141.88010569971513064, result.Intercept, 1e-8);

        var sii = new Interval(-17.95990, -10.126662);
        var rii = new Interval(0.8752420, 0.9275826);
        var siiTolerance = McTolerance(sii, ConfidenceLevel.Percent95, 100_000, 100_000); // ≈ 0.096
        var riiTolerance = McTolerance(rii, ConfidenceLevel.Percent95, 100_000, 100_000); // ≈ 0.00064
        Assert.Equal(sii.Lower, result.SiiIntervals[0].Lower, siiTolerance);
        Assert.Equal(sii.Upper, result.SiiIntervals[0].Upper, siiTolerance);
        Assert.Equal(rii.Lower, result.RiiIntervals[0].Lower, riiTolerance);
        Assert.Equal(rii.Upper, result.RiiIntervals[0].Upper, riiTolerance);
    }

    [Fact]
    public void Untransformed_rate_regresses_the_values_themselves()
    {
        // R lm() of √a·exp(log(value)) on √a and x√a (phe_sii with value_type = 1, transform = FALSE).
        var result = Inequality.SlopeIndex(DsrPop, DsrValue, DsrLower, DsrUpper, InequalityValueType.Rate, [ConfidenceLevel.Percent95],
            new SlopeIndexOptions(Repetitions: 2000));
        Assert.Equal(-14.848682584798233, result.Sii, 1e-9);
        Assert.Equal(0.8956757889879825, result.Rii, 1e-12);
        Assert.Equal(142.332086106912982, result.Intercept, 1e-8);
    }

    [Fact]
    public void Logit_transformed_proportion_with_a_negative_multiplier_matches_the_package_vignette()
    {
        // vignettes/WorkedExamples_phe_sii (example 3, 100,000 reps, multiplier −100): 607, year 6, England:
        // sii 10.964626, 95 % 10.442276 to 11.487365.
        var result = Inequality.SlopeIndex(PrevPop, Percent(PrevRate), Percent(PrevLower), Percent(PrevUpper),
            InequalityValueType.Proportion, [ConfidenceLevel.Percent95], new SlopeIndexOptions(Transform: true, Multiplier: -100));

        Assert.Equal(10.964626, result.Sii, 5e-7);
        Assert.Equal(10.964626111259065, result.Sii, 1e-9); // R
        Assert.Equal(23.538210070887118, result.Intercept, 1e-9); // R: inverse logit of the intercept × |multiplier|
        var published = new Interval(10.442276, 11.487365);
        var tolerance = McTolerance(published, ConfidenceLevel.Percent95, 100_000, 100_000); // ≈ 0.013
        Assert.Equal(published.Lower, result.SiiIntervals[0].Lower, tolerance);
        Assert.Equal(published.Upper, result.SiiIntervals[0].Upper, tolerance);
        Assert.True(result.SiiIntervals[0].Lower < result.SiiIntervals[0].Upper);
    }

    [Fact]
    public void The_same_seed_gives_the_same_limits_and_another_seed_other_limits()
    {
        SlopeIndexResult Run(int seed) => Inequality.SlopeIndex(DsrPop, DsrValue, DsrLower, DsrUpper, InequalityValueType.Rate,
            ConfidenceLevel.Standard, new SlopeIndexOptions(Transform: true, Repetitions: 10_000, Seed: seed));

        var a = Run(42);
        var b = Run(42);
        var c = Run(43);
        Assert.Equal(a.SiiIntervals, b.SiiIntervals);
        Assert.Equal(a.RiiIntervals, b.RiiIntervals);
        Assert.NotEqual(a.SiiIntervals[0], c.SiiIntervals[0]);
        Assert.Equal(a.Sii, c.Sii);
        Assert.Equal(a.SiiIntervals[0].Lower, c.SiiIntervals[0].Lower, 0.3); // both within MC error of each other
    }

    [Fact]
    public void Relative_ranks_are_midpoints_of_cumulative_population_shares()
    {
        // The package documentation: quantile 1 with 12 % → 0.06 (its text says 0.6, a typo), quantile 2 with 10 % → 0.17.
        var ranks = Inequality.RelativeRanks([12, 10, 78]);
        Assert.Equal(0.06, ranks[0], 1e-15);
        Assert.Equal(0.17, ranks[1], 1e-15);
        Assert.Equal(0.61, ranks[2], 1e-15);
    }

    [Fact]
    public void A_negative_multiplier_flips_the_sii_and_inverts_the_rii()
    {
        var plain = Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Other, [ConfidenceLevel.Percent95],
            new SlopeIndexOptions(Repetitions: 1000));
        var flipped = Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Other, [ConfidenceLevel.Percent95],
            new SlopeIndexOptions(Multiplier: -1, Repetitions: 1000));
        Assert.Equal(-plain.Sii, flipped.Sii, 1e-12);
        Assert.Equal(1 / plain.Rii, flipped.Rii, 1e-12);
        // Same draws, negated: the limits swap, up to one order statistic (positions round(R·0.025) and round(R·0.975)
        // are not mirror images: the 25th and 975th of 1,000).
        Assert.Equal(-plain.SiiIntervals[0].Upper, flipped.SiiIntervals[0].Lower, 0.2);
        Assert.Equal(-plain.SiiIntervals[0].Lower, flipped.SiiIntervals[0].Upper, 0.2);
    }

    [Fact]
    public void A_zero_rate_cannot_be_log_transformed()
    {
        var value = (double[])DsrValue.Clone();
        var lower = (double[])DsrLower.Clone();
        value[2] = 0;
        lower[2] = 0;
        var result = Inequality.SlopeIndex(DsrPop, value, lower, DsrUpper, InequalityValueType.Rate, ConfidenceLevel.Standard);
        Assert.True(double.IsNaN(result.Sii) && double.IsNaN(result.Rii));
        Assert.All(result.SiiIntervals, i => Assert.False(i.IsDefined));
        Assert.Contains("log", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_arguments_are_refused_as_the_package_refuses_them()
    {
        var levels = ConfidenceLevel.Standard;
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors([1, 2, 3, 4], [1, 2, 3, 4], [1, 1, 1, 1], InequalityValueType.Other, levels));
        var many = Enumerable.Repeat(1.0, 101).ToArray();
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors(many, many, many, InequalityValueType.Other, levels));
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Other, levels, new SlopeIndexOptions(Repetitions: 999)));
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, LeSe, InequalityValueType.Rate, levels, new SlopeIndexOptions(Transform: true)));
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndex(DsrPop, DsrValue, DsrLower, DsrUpper, InequalityValueType.Other, levels, new SlopeIndexOptions(Transform: true)));
        var zeroPop = (double[])LePop.Clone();
        zeroPop[3] = 0;
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors(zeroPop, LeValue, LeSe, InequalityValueType.Other, levels));
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndex(PrevPop, PrevRate, PrevLower, PrevUpper, InequalityValueType.Proportion, levels));
        var negativeSe = (double[])LeSe.Clone();
        negativeSe[0] = -1;
        Assert.Throws<ArgumentException>(() => Inequality.SlopeIndexFromStandardErrors(LePop, LeValue, negativeSe, InequalityValueType.Other, levels));
    }

    private static readonly Gen<(double[] Pop, double[] Value, double[] Se)> Quantiles =
        Gen.Int[5, 20].SelectMany(n => Gen.Select(
            Gen.Double[100, 100_000].Array[n], Gen.Double[10, 100].Array[n], Gen.Double[0.01, 5].Array[n]));

    [Fact]
    public void Property_shifting_all_values_leaves_the_sii_alone_and_scaling_scales_it() =>
        Gen.Select(Quantiles, Gen.Double[-50, 50], Gen.Double[0.1, 10]).Sample((q, shift, scale) =>
        {
            var options = new SlopeIndexOptions(Repetitions: 1000);
            var baseResult = Inequality.SlopeIndexFromStandardErrors(q.Pop, q.Value, q.Se, InequalityValueType.Other, [ConfidenceLevel.Percent95], options);
            var shifted = Inequality.SlopeIndexFromStandardErrors(q.Pop, [.. q.Value.Select(v => v + shift)], q.Se, InequalityValueType.Other, [ConfidenceLevel.Percent95], options);
            var scaled = Inequality.SlopeIndexFromStandardErrors(q.Pop, [.. q.Value.Select(v => v * scale)], [.. q.Se.Select(s => s * scale)], InequalityValueType.Other, [ConfidenceLevel.Percent95], options);
            Assert.Equal(baseResult.Sii, shifted.Sii, 1e-7 * (1 + Math.Abs(baseResult.Sii)));
            Assert.Equal(baseResult.Sii * scale, scaled.Sii, 1e-7 * (1 + Math.Abs(baseResult.Sii * scale)));
            Assert.Equal(baseResult.Rii, scaled.Rii, 1e-9);
        }, iter: 50);

    [Fact]
    public void Property_the_sii_lies_within_its_limits_and_99_8_is_wider() =>
        Quantiles.Sample(q =>
        {
            var result = Inequality.SlopeIndexFromStandardErrors(q.Pop, q.Value, q.Se, InequalityValueType.Other, ConfidenceLevel.Standard,
                new SlopeIndexOptions(Repetitions: 4000));
            Assert.InRange(result.Sii, result.SiiIntervals[0].Lower, result.SiiIntervals[0].Upper);
            Assert.True(result.SiiIntervals[1].Lower <= result.SiiIntervals[0].Lower && result.SiiIntervals[1].Upper >= result.SiiIntervals[0].Upper);
            Assert.True(result.RiiIntervals[1].Lower <= result.RiiIntervals[0].Lower && result.RiiIntervals[1].Upper >= result.RiiIntervals[0].Upper);
        }, iter: 50);
}
