using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Tests.Outcomes;

/// <summary>
/// The status rule, table-driven: a smoking prevalence target from 20 in 2020/21 to 15 in 2025/26 (linear: 19, 18, 17,
/// 16 on the way; lower is better), and the same mirrored for a higher-is-better target from 60 to 70.
/// </summary>
public sealed class TargetStatusRuleTests
{
    private static readonly Trajectory Down = Trajectory.Linear(P("2020/21"), 20, P("2025/26"), 15);
    private static readonly Trajectory Up = Trajectory.Linear(P("2020/21"), 60, P("2025/26"), 70);

    [Theory]
    // period, value, lower, upper (NaN = no interval), expected status
    [InlineData("2020/21", 20, 19, 21, "not_measurable")] // the baseline itself
    [InlineData("2019/20", 18, 17, 19, "not_measurable")] // before the baseline
    [InlineData("2022/23", 17.5, 17, 18, "on_track")] // better than the trajectory's 18
    [InlineData("2022/23", 18, 17.5, 18.5, "on_track")] // a tie is on track
    [InlineData("2022/23", 18.4, 17.9, 18.9, "at_risk")] // worse, the interval contains 18
    [InlineData("2022/23", 18.4, 18, 18.8, "at_risk")] // the interval touching 18 contains it
    [InlineData("2022/23", 18.4, 18.01, 18.8, "off_track")] // the whole interval above 18
    [InlineData("2022/23", 18.4, double.NaN, double.NaN, "off_track")] // a count without an interval: by value alone
    [InlineData("2022/23", 17.9, double.NaN, double.NaN, "on_track")]
    [InlineData("2025/26", 15, 14, 16, "achieved")] // at the deadline, meeting the target exactly
    [InlineData("2026/27", 14, 13, 15, "achieved")] // past the deadline
    [InlineData("2025/26", 15.2, 14, 16, "off_track")] // at the deadline, missed, though the interval contains 15
    [InlineData("2027/28", 16, double.NaN, double.NaN, "off_track")] // past the deadline, missed
    public void Lower_is_better(string period, double value, double lower, double upper, string expected)
    {
        var assessment = TargetStatusRule.Assess(new TargetObservation(P(period), value, new Interval(lower, upper)), Down, TargetDirection.Lower);

        Assert.Equal(expected, assessment.Status.Code());
        Assert.False(string.IsNullOrWhiteSpace(assessment.Why));
    }

    [Theory]
    [InlineData("2022/23", 64, 63, 65, "on_track")] // trajectory 64: a tie
    [InlineData("2022/23", 63.5, 62, 64, "at_risk")] // touching
    [InlineData("2022/23", 63.5, 63, 63.9, "off_track")]
    [InlineData("2022/23", 63.5, double.NaN, double.NaN, "off_track")]
    [InlineData("2025/26", 70, double.NaN, double.NaN, "achieved")]
    [InlineData("2025/26", 69.9, 65, 75, "off_track")]
    [InlineData("2020/21", 60, 59, 61, "not_measurable")]
    public void Higher_is_better(string period, double value, double lower, double upper, string expected) =>
        Assert.Equal(expected, TargetStatusRule.Assess(new TargetObservation(P(period), value, new Interval(lower, upper)), Up, TargetDirection.Higher).Status.Code());

    [Fact]
    public void The_trajectory_is_linear_by_the_periods_start_dates_and_holds_its_ends()
    {
        Assert.Equal(20, Down.ValueAt(P("2019/20")));
        Assert.Equal(18, Down.ValueAt(P("2022/23")), 2); // 2 of 5 years (730 of 1,826 days)
        Assert.Equal(20 - (5.0 * (P("2022/23").Start.DayNumber - P("2020/21").Start.DayNumber) / (P("2025/26").Start.DayNumber - P("2020/21").Start.DayNumber)), Down.ValueAt(P("2022/23")), 12);
        Assert.Equal(15, Down.ValueAt(P("2025/26")));
        Assert.Equal(15, Down.ValueAt(P("2030/31")));
        // A quarter within a year sits between the years' start dates.
        Assert.InRange(Down.ValueAt(P("2022/23 Q3")), 17, 18);
    }

    [Fact]
    public void A_profiled_trajectory_runs_through_its_agreed_values_and_linearly_between_them()
    {
        // The cancer backlog: about 1,000 in November 2022, 595 agreed for January 2023, under 100 by March 2023.
        var backlog = Trajectory.Profiled(P("Nov-22"), 1000, [(P("Jan-23"), 595), (P("Mar-23"), 99)]);

        Assert.Equal(595, backlog.ValueAt(P("Jan-23")));
        Assert.Equal(99, backlog.ValueAt(P("Mar-23")));
        Assert.Equal(1000 - (405.0 * 30 / 61), backlog.ValueAt(P("Dec-22")), 9);
        Assert.Equal("on_track", TargetStatusRule.Assess(new TargetObservation(P("Jan-23"), 595, Interval.None), backlog, TargetDirection.Lower).Status.Code());
        Assert.Equal("off_track", TargetStatusRule.Assess(new TargetObservation(P("Feb-23"), 600, Interval.None), backlog, TargetDirection.Lower).Status.Code());
        Assert.Equal("achieved", TargetStatusRule.Assess(new TargetObservation(P("Mar-23"), 92, Interval.None), backlog, TargetDirection.Lower).Status.Code());
    }

    [Fact]
    public void A_target_is_not_measurable_until_a_period_after_its_baseline_has_a_value_and_then_takes_its_latest_periods_status()
    {
        var none = TargetStatusRule.AssessAll([], Down, TargetDirection.Lower);
        var baselineOnly = TargetStatusRule.AssessAll([new TargetObservation(P("2020/21"), 20, new Interval(19, 21))], Down, TargetDirection.Lower);
        // Missing periods are simply absent: 2021/22 and 2023/24 have no value.
        var gappy = TargetStatusRule.AssessAll(
            [new TargetObservation(P("2024/25"), 17.2, new Interval(16.9, 17.5)), new TargetObservation(P("2020/21"), 20, Interval.None), new TargetObservation(P("2022/23"), 17.9, Interval.None)],
            Down, TargetDirection.Lower);

        Assert.Equal(TargetStatus.NotMeasurable, none.Latest);
        Assert.Equal(TargetStatus.NotMeasurable, baselineOnly.Latest);
        Assert.Equal(["2020/21", "2022/23", "2024/25"], gappy.Periods.Select(p => p.Period.Label));
        Assert.Equal(["not_measurable", "on_track", "off_track"], gappy.Periods.Select(p => p.Status.Code()));
        Assert.Equal(TargetStatus.OffTrack, gappy.Latest);
        Assert.Contains("whole 95 % interval", gappy.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Polarity.LowIsGood, 20, 25, TargetDirection.Lower)]
    [InlineData(Polarity.HighIsGood, 20, 15, TargetDirection.Higher)]
    [InlineData(Polarity.NoJudgement, 20, 15, TargetDirection.Lower)]
    [InlineData(Polarity.NoJudgement, 20, 25, TargetDirection.Higher)]
    public void The_direction_is_the_polarity_or_for_no_judgement_the_way_to_the_target(Polarity polarity, double baseline, double target, TargetDirection expected) =>
        Assert.Equal(expected, TargetDirections.Of(polarity, baseline, target));

    private static IndicatorPeriod P(string label) => IndicatorPeriod.Parse(label);
}
