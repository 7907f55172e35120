using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics;

namespace Commonweal.Core.Tests.Outcomes;

/// <summary>SMART validation: each reason a target is refused, and all of them at once.</summary>
public sealed class TargetDraftTests
{
    private static readonly Indicator Smoking = new(new IndicatorId(91547), "Smoking prevalence (QOF)", IndicatorValueType.Proportion, 100, "%", Polarity.LowIsGood);
    private static readonly TargetFacts Known = new(Smoking, PlaceExists: true, BreakdownHasData: true, BaselineValue: 14.3);

    private static TargetDraft Draft(
        string? baseline = "2022/23", double? target = 12, string? deadline = "2025/26", string? trajectory = "linear", string? owner = "Mid and South Essex ICB", int? indicator = 91547) =>
        new(indicator, "QH8", "Persons", "15+ yrs", string.Empty, baseline, target, deadline, trajectory, owner, "Director of Public Health", "Tobacco control plan");

    [Fact]
    public void A_smart_target_gets_its_trajectory_and_direction()
    {
        var check = Draft().Check(Known);

        Assert.True(check.IsSmart, string.Join("; ", check.Problems));
        Assert.Equal(TargetDirection.Lower, check.Direction);
        Assert.Equal(14.3, check.Trajectory!.ValueAt(IndicatorPeriod.Parse("2022/23")));
        Assert.Equal(12, check.Trajectory.ValueAt(IndicatorPeriod.Parse("2025/26")));
    }

    [Theory]
    [InlineData("baseline_period", "no baseline period")]
    [InlineData("deadline_period", "no deadline")]
    [InlineData("deadline_period", "the deadline 2021/22 is not after the baseline 2022/23")]
    [InlineData("deadline_period", "the deadline 2022/23 is not after the baseline 2022/23")]
    [InlineData("owner", "no owner (the partner organisation accountable for the target)")]
    [InlineData("target_value", "no target value")]
    [InlineData("target_value", "the target 16 is on the wrong side of the baseline value 14.3: for this indicator lower is better")]
    [InlineData("trajectory", "'steady' is not a trajectory: write linear, or profile:PERIOD=VALUE;PERIOD=VALUE…")]
    [InlineData("trajectory", "the profile does not end at the target: its last point is 2024/25=13, the target is 2025/26=12")]
    [InlineData("trajectory", "the profile does not end at the target: its last point is 2025/26=12.5, the target is 2025/26=12")]
    [InlineData("trajectory", "'2023/24:13' is not PERIOD=VALUE (e.g. 2024/25=14.5)")]
    public void Each_reason_is_given_with_its_field(string field, string reason)
    {
        var draft = reason switch
        {
            "no baseline period" => Draft(baseline: null),
            "no deadline" => Draft(deadline: " "),
            _ when reason.StartsWith("the deadline 2021/22", StringComparison.Ordinal) => Draft(deadline: "2021/22"),
            _ when reason.StartsWith("the deadline 2022/23", StringComparison.Ordinal) => Draft(deadline: "2022/23"),
            _ when reason.StartsWith("no owner", StringComparison.Ordinal) => Draft(owner: ""),
            "no target value" => Draft(target: null),
            _ when reason.Contains("wrong side", StringComparison.Ordinal) => Draft(target: 16),
            _ when reason.StartsWith("'steady'", StringComparison.Ordinal) => Draft(trajectory: "steady"),
            _ when reason.Contains("2024/25=13", StringComparison.Ordinal) => Draft(trajectory: "profile:2023/24=13.8;2024/25=13"),
            _ when reason.Contains("2025/26=12.5", StringComparison.Ordinal) => Draft(trajectory: "profile:2023/24=13.8;2025/26=12.5"),
            _ => Draft(trajectory: "profile:2023/24:13"),
        };

        var check = draft.Check(Known);

        Assert.False(check.IsSmart);
        Assert.Contains(new TargetProblem(field, reason), check.Problems);
    }

    [Fact]
    public void What_the_store_does_not_know_is_refused()
    {
        Assert.Contains(new TargetProblem("indicator_id", "indicator 99999 does not exist in the catalogue"),
            Draft(indicator: 99999).Check(Known with { Indicator = null }).Problems);
        Assert.Contains(new TargetProblem("area_code", "place QH8 does not exist"), Draft().Check(Known with { PlaceExists = false }).Problems);
        Assert.Contains(new TargetProblem("sex", "indicator 91547 has no data for QH8 in the breakdown Persons, 15+ yrs"),
            Draft().Check(Known with { BreakdownHasData = false, BaselineValue = null }).Problems);
        Assert.Contains(new TargetProblem("baseline_period", "no baseline value: indicator 91547 has no value for QH8 (Persons, 15+ yrs) in 2022/23"),
            Draft().Check(Known with { BaselineValue = null }).Problems);
    }

    [Fact]
    public void A_target_equal_to_its_baseline_is_a_maintain_target_unless_the_indicator_has_no_polarity()
    {
        Assert.True(Draft(target: 14.3).Check(Known).IsSmart);
        var neutral = Known with { Indicator = Smoking with { Polarity = Polarity.NoJudgement } };

        Assert.Contains(Draft(target: 14.3).Check(neutral).Problems, p => p.Field == "target_value" && p.Reason.Contains("does not say which way is better", StringComparison.Ordinal));
        Assert.True(Draft(target: 16).Check(neutral).IsSmart); // without a judgement, the way to the target is the way that is better
    }

    [Fact]
    public void Every_reason_is_given_at_once()
    {
        var check = new TargetDraft(91547, "QH8", "Persons", "15+ yrs", string.Empty, "2022/23", 16, "2021/22", "linear", null, null, null)
            .Check(Known);

        Assert.Equal(["deadline_period", "owner", "target_value"], check.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_profile_that_ends_at_the_target_is_used()
    {
        var check = Draft(trajectory: "profile:2023/24=14;2024/25=13;2025/26=12").Check(Known);

        Assert.True(check.IsSmart, string.Join("; ", check.Problems));
        Assert.True(check.Trajectory!.IsProfiled);
        Assert.Equal(13, check.Trajectory.ValueAt(IndicatorPeriod.Parse("2024/25")));
    }
}
