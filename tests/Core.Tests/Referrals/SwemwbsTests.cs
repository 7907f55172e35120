using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>SWEMWBS raw totals converted by the Warwick table, every value; partial answers refused.</summary>
public sealed class SwemwbsTests
{
    [Theory]
    [InlineData(7, 7.00)]
    [InlineData(8, 9.51)]
    [InlineData(9, 11.25)]
    [InlineData(10, 12.40)]
    [InlineData(11, 13.33)]
    [InlineData(12, 14.08)]
    [InlineData(13, 14.75)]
    [InlineData(14, 15.32)]
    [InlineData(15, 15.84)]
    [InlineData(16, 16.36)]
    [InlineData(17, 16.88)]
    [InlineData(18, 17.43)]
    [InlineData(19, 17.98)]
    [InlineData(20, 18.59)]
    [InlineData(21, 19.25)]
    [InlineData(22, 19.98)]
    [InlineData(23, 20.73)]
    [InlineData(24, 21.54)]
    [InlineData(25, 22.35)]
    [InlineData(26, 23.21)]
    [InlineData(27, 24.11)]
    [InlineData(28, 25.03)]
    [InlineData(29, 26.02)]
    [InlineData(30, 27.03)]
    [InlineData(31, 28.13)]
    [InlineData(32, 29.31)]
    [InlineData(33, 30.70)]
    [InlineData(34, 32.55)]
    [InlineData(35, 35.00)]
    public void Raw_totals_convert_to_the_metric_score_of_the_table(int raw, double metric) => Assert.Equal(metric, Swemwbs.Metric(raw));

    [Theory]
    [InlineData(6)]
    [InlineData(36)]
    public void A_raw_total_outside_7_to_35_is_refused(int raw) => Assert.Throws<ArgumentOutOfRangeException>(() => Swemwbs.Metric(raw));

    [Fact]
    public void The_raw_total_needs_all_seven_items_each_1_to_5()
    {
        Assert.Equal(23, Swemwbs.Raw([3, 4, 3, 3, 4, 3, 3]));
        Assert.Contains("needs all 7 items; 6 given", Assert.Throws<ArgumentException>(() => Swemwbs.Raw([3, 4, 3, 3, 4, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("scores 1 to 5, not 0", Assert.Throws<ArgumentException>(() => Swemwbs.Raw([3, 4, 3, 3, 4, 3, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("not 6", Assert.Throws<ArgumentException>(() => Swemwbs.Raw([6, 4, 3, 3, 4, 3, 3])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_swemwbs_is_scored_with_the_assessment()
    {
        var answers = HolisticAssessmentTests.NoNeeds();
        string[] codes = ["some-of-the-time", "often", "some-of-the-time", "some-of-the-time", "often", "some-of-the-time", "some-of-the-time"];
        for (var k = 0; k < 7; k++) answers[Swemwbs.LinkId(k + 1)] = AssessmentValue.OfCode(codes[k]);
        var result = HolisticAssessment.Score(answers, includeSwemwbs: true);
        Assert.Equal(23, result.SwemwbsRaw);
        Assert.Equal(20.73, result.SwemwbsMetric);
        Assert.Empty(result.Findings); // an outcome measure: it does not route
    }

    [Fact]
    public void Partial_swemwbs_answers_are_refused_naming_each_missing_item()
    {
        var answers = HolisticAssessmentTests.NoNeeds();
        for (var k = 1; k <= 5; k++) answers[Swemwbs.LinkId(k)] = AssessmentValue.OfCode("often");
        var problems = HolisticAssessment.Check(answers, includeSwemwbs: true).Problems;
        Assert.Equal(["swemwbs-6", "swemwbs-7"], problems.Select(p => p.LinkId));
        Assert.All(problems, p => Assert.Equal("SWEMWBS is scored from all 7 answers and 5 were given: answer this one too, or leave all 7 out", p.Message));
        Assert.Throws<ArgumentException>(() => HolisticAssessment.Score(answers, includeSwemwbs: true));
    }

    [Fact]
    public void Swemwbs_is_optional_and_left_out_without_a_licence()
    {
        Assert.True(HolisticAssessment.Check(HolisticAssessmentTests.NoNeeds(), includeSwemwbs: true).IsValid);
        Assert.Null(HolisticAssessment.Score(HolisticAssessmentTests.NoNeeds(), includeSwemwbs: true).SwemwbsMetric);
    }
}
