using Commonweal.Application.Indicators;
using Commonweal.Application.Outcomes;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>A target read against its indicator's table: the SMART facts, and its status period by period.</summary>
public sealed class TargetEvaluationTests
{
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");

    private static IndicatorTable Table()
    {
        var indicator = Indicator();
        (string Period, double Value, double Lower, double Upper)[] series =
            [("2020/21", 20, 19.6, 20.4), ("2021/22", 19.2, 18.8, 19.6), ("2022/23", 18.6, 18.2, 19.0), ("2023/24", 18.3, 18.1, 18.5)];
        var rows = series.Select(s => Published(indicator, Basildon, AreaType.District, s.Period, s.Value, s.Lower, s.Upper)).ToList();
        return IndicatorEngine.Build(new IndicatorData(indicator, rows, []), Timeline);
    }

    private static TargetDraft Draft(string sex = "Persons", string category = "", string baseline = "2020/21") =>
        new(1_000_001, "E07000066", sex, string.Empty, category, baseline, 15, "2025/26", "linear", "Basildon Borough Council", "Head of Public Health", "Tobacco control plan");

    [Fact]
    public void The_facts_come_from_the_table_and_make_a_smart_target()
    {
        var table = Table();

        var facts = TargetEvaluation.Facts(Draft(), table, placeExists: true);

        Assert.Equal((true, 20d), (facts.BreakdownHasData, facts.BaselineValue));
        Assert.True(Draft().Check(facts).IsSmart);
        Assert.False(TargetEvaluation.Facts(Draft(sex: "Female"), table, true).BreakdownHasData);
        Assert.False(TargetEvaluation.Facts(Draft(category: "Most deprived decile"), table, true).BreakdownHasData);
        Assert.Null(TargetEvaluation.Facts(Draft(baseline: "2019/20"), table, true).BaselineValue);
        Assert.Null(TargetEvaluation.Facts(Draft(), null, true).Indicator);
    }

    [Fact]
    public void Each_period_after_the_baseline_gets_its_status_by_the_rule()
    {
        var table = Table();
        var check = Draft().Check(TargetEvaluation.Facts(Draft(), table, true));

        var (periods, latest, _) = TargetStatusRule.AssessAll(TargetEvaluation.Observations(Draft(), table), check.Trajectory!, check.Direction!.Value);

        // Trajectory 20 → 15 over five years: about 19, 18, 17 in 2021/22 … 2023/24.
        Assert.Equal(["not_measurable", "at_risk", "off_track", "off_track"], periods.Select(p => p.Status.Code()));
        Assert.Equal(TargetStatus.OffTrack, latest);
    }
}
