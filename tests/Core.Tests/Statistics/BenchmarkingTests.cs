using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class BenchmarkingTests
{
    // fingertips-open AnalysisTest/SingleOverlappingCIsForOneCILevelComparatorTest.cs (polarity 0 = low is good, 1 = high is good).
    [Theory]
    [InlineData(11, 10, 12, 11, Polarity.LowIsGood, BenchmarkOutcome.Similar)] // TestSameExactly
    [InlineData(11, 10, 12, 11, Polarity.HighIsGood, BenchmarkOutcome.Similar)]
    [InlineData(3.05, 2.7, 3.1, 3.0, Polarity.LowIsGood, BenchmarkOutcome.Similar)] // TestSame
    [InlineData(3.3, 3.2, 3.5, 3.0, Polarity.LowIsGood, BenchmarkOutcome.Worse)] // TestHigher
    [InlineData(3.3, 3.2, 3.5, 3.0, Polarity.HighIsGood, BenchmarkOutcome.Better)]
    [InlineData(2.5, 2.2, 2.8, 3.0, Polarity.LowIsGood, BenchmarkOutcome.Better)] // TestLower
    [InlineData(2.5, 2.2, 2.8, 3.0, Polarity.HighIsGood, BenchmarkOutcome.Worse)]
    [InlineData(3.3, 3.2, 3.5, 3.0, Polarity.NoJudgement, BenchmarkOutcome.Higher)]
    [InlineData(2.5, 2.2, 2.8, 3.0, Polarity.NoJudgement, BenchmarkOutcome.Lower)]
    [InlineData(3.0, 3.0, 3.5, 3.0, Polarity.HighIsGood, BenchmarkOutcome.Similar)] // comparator on a limit: similar
    public void One_level_matches_fingertips(double value, double lower, double upper, double comparator, Polarity polarity, BenchmarkOutcome expected) =>
        Assert.Equal(expected, Benchmarking.CompareOneLevel(value, new Interval(lower, upper), comparator, polarity));

    [Fact]
    public void Missing_values_or_limits_are_not_compared()
    {
        // TestMinusOneData, TestMinusOneParent, TestNoCIsOnLocalDataReturnNoneSignificance.
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmarking.CompareOneLevel(double.NaN, new Interval(2.2, 2.8), 3.0, Polarity.LowIsGood));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmarking.CompareOneLevel(2.5, new Interval(2.2, 2.8), double.NaN, Polarity.HighIsGood));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmarking.CompareOneLevel(4.0, new Interval(double.NaN, 5), 3.0, Polarity.LowIsGood));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmarking.CompareOneLevel(4.0, Interval.None, 3.0, Polarity.LowIsGood));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmarking.CompareTwoLevels(2.6, new Interval(2.5, 2.7), Interval.None, 3.0, Polarity.LowIsGood));
    }

    // fingertips-open AnalysisTest/SingleOverlappingCIsForTwoCILevelsComparerTest.cs: 99.8 % 2.3–2.9, 95 % 2.5–2.7, value 2.6.
    [Theory]
    [InlineData(3.0, Polarity.LowIsGood, BenchmarkOutcome.Best)] // Test_Benchmark_Value_Higher_Than_Upper_99_8
    [InlineData(3.0, Polarity.HighIsGood, BenchmarkOutcome.Worst)]
    [InlineData(2.8, Polarity.LowIsGood, BenchmarkOutcome.Better)] // Test_Benchmark_Value_Between_Upper_CIs
    [InlineData(2.8, Polarity.HighIsGood, BenchmarkOutcome.Worse)]
    [InlineData(2.6, Polarity.LowIsGood, BenchmarkOutcome.Similar)] // TestSame
    [InlineData(2.6, Polarity.HighIsGood, BenchmarkOutcome.Similar)]
    [InlineData(2.4, Polarity.LowIsGood, BenchmarkOutcome.Worse)] // Test_Benchmark_Value_Between_Lower_CIs
    [InlineData(2.4, Polarity.HighIsGood, BenchmarkOutcome.Better)]
    [InlineData(2.2, Polarity.LowIsGood, BenchmarkOutcome.Worst)] // Test_Benchmark_Value_Lower_Than_Upper_99_8
    [InlineData(2.2, Polarity.HighIsGood, BenchmarkOutcome.Best)]
    [InlineData(2.2, Polarity.NoJudgement, BenchmarkOutcome.Higher)]
    [InlineData(2.8, Polarity.NoJudgement, BenchmarkOutcome.Lower)]
    public void Two_levels_match_fingertips(double comparator, Polarity polarity, BenchmarkOutcome expected) =>
        Assert.Equal(expected, Benchmarking.CompareTwoLevels(2.6, new Interval(2.5, 2.7), new Interval(2.3, 2.9), comparator, polarity));

    [Fact]
    public void Quintile_bounds_match_fingertips()
    {
        // fingertips-open AnalysisTest/QuintilesCalculatorTest.cs: values 1…50 → 1, 10.8, 20.6, 30.4, 40.2, 50 (exactly).
        var bounds = Benchmarking.QuintileBounds([.. Enumerable.Range(1, 50).Select(i => (double)i)]);
        Assert.Equal([1, 10.8, 20.6, 30.4, 40.2, 50], bounds);
    }

    [Fact]
    public void Quintiles_match_fingertips_and_need_five_values()
    {
        // QuintilesComparerTest.cs: values 1…10, 1 → quintile 1, 10 → quintile 5; fewer than 5 values → none.
        var bounds = Benchmarking.QuintileBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(1, Benchmarking.Quintile(1, bounds));
        Assert.Equal(5, Benchmarking.Quintile(10, bounds));
        Assert.Empty(Benchmarking.QuintileBounds([1, 2, 3, 4]));
        Assert.Empty(Benchmarking.QuintileBounds([1, 2, 3, 4, double.NaN]));
        Assert.Equal(0, Benchmarking.Quintile(1, Benchmarking.QuintileBounds([1, 2, 3, 4])));
        Assert.Equal(0, Benchmarking.Quintile(double.NaN, bounds));
    }

    [Theory]
    [InlineData(1, Polarity.HighIsGood, "Worst")]
    [InlineData(5, Polarity.HighIsGood, "Best")]
    [InlineData(1, Polarity.LowIsGood, "Best")]
    [InlineData(4, Polarity.LowIsGood, "Worse")]
    [InlineData(3, Polarity.NoJudgement, "Middle")]
    [InlineData(5, Polarity.NoJudgement, "Highest")]
    [InlineData(0, Polarity.NoJudgement, "Not compared")]
    public void Quintile_outcomes_follow_fingertipsnext(int quintile, Polarity polarity, string expected) =>
        Assert.Equal(expected, Benchmarking.Label(Benchmarking.QuintileOutcome(quintile, polarity)));

    [Theory]
    [InlineData("high_is_good", Polarity.HighIsGood)]
    [InlineData("RAG - High is good", Polarity.HighIsGood)]
    [InlineData("1", Polarity.HighIsGood)]
    [InlineData("Low is good", Polarity.LowIsGood)]
    [InlineData("0", Polarity.LowIsGood)]
    [InlineData("no_judgement", Polarity.NoJudgement)]
    [InlineData("BOB", Polarity.NoJudgement)]
    [InlineData("99", Polarity.NoJudgement)]
    [InlineData("-1", Polarity.NoJudgement)]
    public void Polarities_parse(string text, Polarity expected)
    {
        Assert.True(Benchmarking.TryParsePolarity(text, out var polarity));
        Assert.Equal(expected, polarity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sideways")]
    [InlineData("2")]
    public void Unknown_polarities_are_refused(string text) => Assert.False(Benchmarking.TryParsePolarity(text, out _));

    [Fact]
    public void Property_two_levels_agree_with_one_level_on_significance() =>
        Gen.Select(Gen.Double[-10, 10], Gen.Double[0.01, 3], Gen.Double[1.01, 3], Gen.Double[-20, 20]).Sample((value, half, widen, comparator) =>
        {
            var i95 = new Interval(value - half, value + half);
            var i998 = new Interval(value - (half * widen), value + (half * widen));
            var one = Benchmarking.CompareOneLevel(value, i95, comparator, Polarity.HighIsGood);
            var two = Benchmarking.CompareTwoLevels(value, i95, i998, comparator, Polarity.HighIsGood);
            var expected = two switch { BenchmarkOutcome.Best => BenchmarkOutcome.Better, BenchmarkOutcome.Worst => BenchmarkOutcome.Worse, _ => two };
            Assert.Equal(one, expected);
        });
}
