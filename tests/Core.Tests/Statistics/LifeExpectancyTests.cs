using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class LifeExpectancyTests
{
    // PHEindicatormethods tests/testthat/testLifeExpectancy.R, df1 (also the package's documented example).
    private static readonly double[] Pops =
    [
        7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
        50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    ];

    private static readonly double[] Deaths =
    [
        17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937,
    ];

    // answer1 in testLifeExpectancy.R: the PHE Life Expectancy Calculator's figures (value, lowercl, uppercl at 95 %).
    // The calculator's limits use z = 1.96, the package (and Commonweal) qnorm(0.975) = 1.959964: the package test
    // compares them to 4 decimals, and so do we; the standard errors, (upper − lower)/3.92, agree to 1e-7.
    private static readonly double[] ExpectedValue =
    [
        80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088, 55.78835987, 50.92752727,
        46.06740425, 41.24505636, 36.49322717, 31.83343842, 27.26027992, 22.9719144, 18.76856852, 14.95858336,
        11.51684445, 8.618849241, 6.163942934, 6.16210635,
    ];

    private static readonly double[] ExpectedLower =
    [
        79.88268548, 79.0898816, 75.17407307, 70.20675732, 65.26548673, 60.41876577, 55.53801579, 50.68279939,
        45.82666794, 41.00842831, 36.26223216, 31.60996318, 27.04337271, 22.76653134, 18.57570352, 14.77985004,
        11.34831778, 8.451134045, 5.978358351, 5.887683386,
    ];

    private static readonly double[] ExpectedUpper =
    [
        80.45653078, 79.63503188, 75.70979983, 70.7392414, 65.79270412, 60.931436, 56.03870395, 51.17225516,
        46.30814055, 41.48168441, 36.72422219, 32.05691365, 27.47718713, 23.17729746, 18.96143352, 15.13731667,
        11.68537112, 8.786564437, 6.349527517, 6.436529314,
    ];

    [Fact]
    public void Reproduces_the_package_test_answers_at_every_starting_age()
    {
        var table = LifeExpectancy.Calculate(Deaths, Pops, [ConfidenceLevel.Percent95]);

        Assert.Equal(20, table.Count);
        for (var i = 0; i < 20; i++)
        {
            // Values are printed to 10 significant digits: tolerance 1e-7 years.
            Assert.Equal(LifeExpectancy.StartAges[i], table[i].StartAge);
            Assert.Equal(ExpectedValue[i], table[i].Value, 1e-7);
            Assert.Equal((ExpectedUpper[i] - ExpectedLower[i]) / 3.92, table[i].StandardError, 1e-7);
            Assert.Equal(ExpectedLower[i], table[i].Intervals[0].Lower, 5e-5);
            Assert.Equal(ExpectedUpper[i], table[i].Intervals[0].Upper, 5e-5);
            Assert.Equal(LifeExpectancyStatus.Calculated, table[i].Status);
            Assert.Null(table[i].Note);
        }
    }

    [Fact]
    public void Matches_the_package_arithmetic_to_full_precision()
    {
        // R 4.x on a base-R transcription of phe_life_expectancy's mutate() chain (docs/methods/life-expectancy.md):
        // qnorm limits at 95 % and 99.8 %, df1. Differences come only from R's long-double cumsum: tolerance 1e-11.
        var table = LifeExpectancy.Calculate(Deaths, Pops, ConfidenceLevel.Standard);
        Assert.Equal(80.1696081319483795, table[0].Value, 1e-11);
        Assert.Equal(79.8826907539270366, table[0].Intervals[0].Lower, 1e-11);
        Assert.Equal(80.6219844805732606, table[0].Intervals[1].Upper, 1e-11);
        Assert.Equal(0.146389107292025811, table[0].StandardError, 1e-13);
        Assert.Equal(6.1621063500258124, table[19].Value, 1e-11);
        Assert.Equal(5.7294376213546236, table[19].Intervals[1].Lower, 1e-11);
        Assert.Equal(0.140011716209044401, table[19].StandardError, 1e-13);
    }

    [Fact]
    public void Limits_at_99_8_percent_use_the_same_standard_error()
    {
        var table = LifeExpectancy.Calculate(Deaths, Pops, ConfidenceLevel.Standard);
        foreach (var age in table)
        {
            var se95 = (age.Intervals[0].Upper - age.Value) / ConfidenceLevel.Percent95.Z;
            Assert.Equal(age.StandardError, se95, 1e-12);
            Assert.Equal(age.Value - (ConfidenceLevel.Percent998.Z * age.StandardError), age.Intervals[1].Lower, 1e-12);
            Assert.True(age.Intervals[1].Lower < age.Intervals[0].Lower && age.Intervals[1].Upper > age.Intervals[0].Upper);
        }
    }

    // testLifeExpectancy.R df_widecis_plus, "Area 2": a small population whose intervals widen past 20 years from age 40.
    private static readonly double[] WidePops =
        [270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311];

    private static readonly double[] WideDeaths =
        [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1];

    [Fact]
    public void Values_with_a_95_percent_interval_wider_than_20_years_are_suppressed_but_their_limits_are_shown()
    {
        // answer_widecis in testLifeExpectancy.R: the package test compares to 4 decimals; values agree to 1e-7 and
        // limits to 2e-6 (relative 2e-8 on standard errors up to 311 years).
        double[] value = [19.22914685, 19.44120610, 18.33467808, 14.67659995, 11.81284556, 11.63815414, 10.05641628, 9.93152356, 11.95846561];
        double[] lower =
        [
            16.43900644, 16.53437505, 15.62922550, 12.08108630, 9.21823373, 8.68414661, 6.54020385, 4.71570153, 2.37762283,
            -1.60695210, -10.33328815, -17.16409724, -26.91715103, -45.04820928, -76.27067271, -137.12203187, -195.39453664,
            -242.37480291, -266.74198466, -298.54880400,
        ];
        double[] upper =
        [
            22.01928726, 22.34803716, 21.04013066, 17.27211361, 14.40745738, 14.59216167, 13.57262872, 15.14734559, 21.53930839,
            50.29765396, 97.99598549, 107.54413263, 128.91238524, 181.91668353, 278.06441642, 472.32822039, 649.40455756,
            783.50845564, 841.04259816, 920.54880400,
        ];

        var table = LifeExpectancy.Calculate(WideDeaths, WidePops, [ConfidenceLevel.Percent95]);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(lower[i], table[i].Intervals[0].Lower, 5e-5);
            Assert.Equal(upper[i], table[i].Intervals[0].Upper, 5e-5);
            if (i < value.Length)
            {
                Assert.Equal(value[i], table[i].Value, 1e-7);
                Assert.Equal(LifeExpectancyStatus.Calculated, table[i].Status);
            }
            else
            {
                Assert.True(double.IsNaN(table[i].Value));
                Assert.Equal(LifeExpectancyStatus.ConfidenceIntervalTooWide, table[i].Status);
                Assert.Contains("95% confidence interval > 20 years", table[i].Note, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(3, -5.0, null, LifeExpectancyStatus.NegativeDeaths)] // df_neg_deaths
    [InlineData(5, null, 0.0, LifeExpectancyStatus.NonPositivePopulation)] // df_zero_pop
    [InlineData(18, null, 119.0, LifeExpectancyStatus.DeathsExceedPopulation)] // df_deaths_greater_pops
    public void An_invalid_band_suppresses_the_whole_area_with_the_package_note(int band, double? deaths, double? population, LifeExpectancyStatus expected)
    {
        var d = (double[])Deaths.Clone();
        var p = (double[])Pops.Clone();
        if (deaths is { } x) d[band] = x;
        if (population is { } y) p[band] = y;

        var table = LifeExpectancy.Calculate(d, p, ConfidenceLevel.Standard);

        Assert.All(table, age =>
        {
            Assert.Equal(expected, age.Status);
            Assert.True(double.IsNaN(age.Value) && double.IsNaN(age.StandardError));
            Assert.All(age.Intervals, interval => Assert.False(interval.IsDefined));
            Assert.EndsWith("outputs have been suppressed to NAs", age.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Negative_deaths_are_reported_before_a_zero_population()
    {
        var d = (double[])Deaths.Clone();
        var p = (double[])Pops.Clone();
        d[3] = -2;
        p[7] = 0;
        Assert.Equal(LifeExpectancyStatus.NegativeDeaths, LifeExpectancy.Calculate(d, p, ConfidenceLevel.Standard)[0].Status);
    }

    [Fact]
    public void A_total_population_of_5000_or_less_is_not_calculated()
    {
        // df_low_pops in testLifeExpectancy.R: total 2,974.
        double[] pops = [128, 152, 120, 176, 194, 180, 145, 149, 107, 185, 165, 109, 100, 122, 133, 189, 123, 121, 147, 138];
        double[] deaths = [58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84];
        var table = LifeExpectancy.Calculate(deaths, pops, ConfidenceLevel.Standard);
        Assert.All(table, age => Assert.Equal(LifeExpectancyStatus.TotalPopulationTooSmall, age.Status));
        Assert.Equal("total population of less than 5,000; outputs have been suppressed to NAs", table[0].Note);
    }

    [Fact]
    public void The_5000_rule_is_on_the_whole_areas_population_inclusive()
    {
        var pops = Enumerable.Repeat(250.0, 20).ToArray(); // exactly 5,000
        var deaths = Enumerable.Repeat(1.0, 20).ToArray();
        Assert.Equal(LifeExpectancyStatus.TotalPopulationTooSmall, LifeExpectancy.Calculate(deaths, pops, ConfidenceLevel.Standard)[19].Status);

        pops[0] = 251; // 5,001: calculated, at every starting age (even where the population aged x and over is small)
        var table = LifeExpectancy.Calculate(deaths, pops, ConfidenceLevel.Standard);
        Assert.All(table, age => Assert.NotEqual(LifeExpectancyStatus.TotalPopulationTooSmall, age.Status));
    }

    [Fact]
    public void No_deaths_in_the_90_plus_band_cannot_be_calculated()
    {
        var d = (double[])Deaths.Clone();
        d[19] = 0;
        var table = LifeExpectancy.Calculate(d, Pops, ConfidenceLevel.Standard);
        Assert.All(table, age =>
        {
            Assert.Equal(LifeExpectancyStatus.NoDeathsInOldestBand, age.Status);
            Assert.True(double.IsNaN(age.Value));
        });
    }

    [Fact]
    public void Zero_deaths_below_the_last_band_are_fine()
    {
        var d = (double[])Deaths.Clone();
        d[1] = 0;
        d[2] = 0;
        var table = LifeExpectancy.Calculate(d, Pops, ConfidenceLevel.Standard);
        Assert.All(table, age => Assert.Equal(LifeExpectancyStatus.Calculated, age.Status));
        Assert.True(table[0].Value > ExpectedValue[0]);
    }

    [Fact]
    public void Wrong_number_of_bands_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => LifeExpectancy.Calculate(Deaths.AsSpan(0, 19), Pops.AsSpan(0, 19), ConfidenceLevel.Standard));
        var expectancy = new double[39];
        Assert.Throws<ArgumentException>(() => LifeExpectancy.CalculateBatch(new double[39], new double[39], expectancy, new double[39], new LifeExpectancyStatus[39]));
    }

    [Fact]
    public void The_batch_form_gives_the_same_figures_as_the_per_area_form()
    {
        var deaths = Deaths.Concat(WideDeaths).Concat(Deaths).ToArray();
        var pops = Pops.Concat(WidePops).Concat(Pops.Select(p => p / 1000)).ToArray(); // third area: too small
        var e = new double[60];
        var se = new double[60];
        var status = new LifeExpectancyStatus[60];

        LifeExpectancy.CalculateBatch(deaths, pops, e, se, status);

        var first = LifeExpectancy.Calculate(Deaths, Pops, [ConfidenceLevel.Percent95]);
        var second = LifeExpectancy.Calculate(WideDeaths, WidePops, [ConfidenceLevel.Percent95]);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(first[i].Value, e[i]);
            Assert.Equal(first[i].StandardError, se[i]);
            Assert.Equal(second[i].StandardError, se[20 + i]);
            Assert.Equal(second[i].Status, status[20 + i]);
            Assert.Equal(LifeExpectancyStatus.DeathsExceedPopulation, status[40 + i]);
        }
    }

    [Fact]
    public void Band_indices_follow_the_start_ages()
    {
        Assert.Equal(0, LifeExpectancy.BandIndex(0));
        Assert.Equal(1, LifeExpectancy.BandIndex(1));
        Assert.Equal(19, LifeExpectancy.BandIndex(90));
        Assert.Equal(-1, LifeExpectancy.BandIndex(4));
    }

    private static readonly Gen<(double[] Deaths, double[] Pops)> Areas =
        Gen.Select(Gen.Double[2000, 60000].Array[20], Gen.Double[0.0005, 0.2].Array[20], (pops, rates) =>
        {
            var deaths = new double[20];
            for (var i = 0; i < 20; i++) deaths[i] = Math.Round(pops[i] * rates[i] * (i == 19 ? 1 : (i + 1) / 20.0)) + (i == 19 ? 1 : 0);
            return (deaths, pops);
        });

    [Fact]
    public void Property_value_lies_within_its_limits_and_99_8_is_wider() =>
        Areas.Sample(area =>
        {
            foreach (var age in LifeExpectancy.Calculate(area.Deaths, area.Pops, ConfidenceLevel.Standard))
            {
                if (age.Status != LifeExpectancyStatus.Calculated) continue;
                Assert.InRange(age.Value, age.Intervals[0].Lower, age.Intervals[0].Upper);
                Assert.True(age.Intervals[1].Lower <= age.Intervals[0].Lower && age.Intervals[1].Upper >= age.Intervals[0].Upper);
            }
        });

    [Fact]
    public void Property_more_deaths_in_a_band_never_raise_life_expectancy_at_birth() =>
        Gen.Select(Areas, Gen.Int[0, 19], Gen.Double[1, 200]).Sample((area, band, extra) =>
        {
            var before = LifeExpectancy.Calculate(area.Deaths, area.Pops, [ConfidenceLevel.Percent95])[0];
            var more = (double[])area.Deaths.Clone();
            more[band] = Math.Min(more[band] + extra, area.Pops[band]);
            var after = LifeExpectancy.Calculate(more, area.Pops, [ConfidenceLevel.Percent95])[0];
            if (before.Status != LifeExpectancyStatus.Calculated || after.Status != LifeExpectancyStatus.Calculated) return;
            Assert.True(after.Value <= before.Value + 1e-9, $"{after.Value} > {before.Value}");
        });
}
