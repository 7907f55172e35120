using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class PlanAnalysisTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> StrategyDomains = new()
    {
        ["DietAndExercise"] = "Diet and exercise",
        ["TobaccoUse"] = "Tobacco use",
        ["HousingAndTransit"] = "Housing and transit",
        ["Education"] = "Education",
    };

    private static CommissioningPlan Plan(int id, string domains = "DietAndExercise") =>
        new(id, $"Plan {id}", 10, 2025, 2028, domains, PlanStatus.Draft, Created, "test", null, null, "", null);

    /// <summary>Every criterion scored the same, but for those given otherwise ("X3=1").</summary>
    private static List<PlanScore> Scores(int plan, int score, params string[] except)
    {
        var otherwise = except.Select(e => e.Split('=')).ToDictionary(e => e[0], e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));
        return [.. AlignmentTemplate.Criteria.Select(c => new PlanScore(plan, c.Code, otherwise.GetValueOrDefault(c.Code, score), "", ""))];
    }

    [Fact]
    public void The_template_has_eleven_criteria_across_the_three_themes()
    {
        Assert.Equal(["J1", "J2", "J3", "S1", "S2", "S3", "S4", "X1", "X2", "X3", "X4"], AlignmentTemplate.Criteria.Select(c => c.Code));
        Assert.Equal([3, 4, 4], Enum.GetValues<AlignmentTheme>().Select(t => AlignmentTemplate.Criteria.Count(c => c.Theme == t)));
    }

    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(0, 0.0)]
    [InlineData(2, 2.0 / 3)]
    public void A_plan_scored_the_same_on_every_criterion_has_that_share_of_the_most_overall_and_by_theme(int score, double expected)
    {
        var result = PlanAnalysis.Of(Plan(1), Scores(1, score));

        Assert.Equal(expected, result.Alignment!.Value, 12);
        Assert.All(Enum.GetValues<AlignmentTheme>(), t => Assert.Equal(expected, result.ByTheme[t]!.Value, 12));
        Assert.Empty(result.Unscored);
    }

    [Fact]
    public void Criteria_scored_below_two_are_weak()
    {
        var result = PlanAnalysis.Of(Plan(1), Scores(1, 3, "J2=2", "J3=1", "X1=0", "S4=1"));

        Assert.Equal(["J3", "S4", "X1"], result.Weak.Select(c => c.Code));
        Assert.Empty(PlanAnalysis.Of(Plan(1), Scores(1, 2)).Weak);
        Assert.Equal(11, PlanAnalysis.Of(Plan(1), Scores(1, 1)).Weak.Count);
    }

    [Fact]
    public void Alignment_by_theme_is_each_themes_share_of_its_most()
    {
        // Jsna 3 + 2 + 1 = 6 of 9; Strategy 12 of 12; cross-cutting 0 of 12; overall 18 of 33.
        var result = PlanAnalysis.Of(Plan(1), Scores(1, 3, "J2=2", "J3=1", "X1=0", "X2=0", "X3=0", "X4=0"));

        Assert.Equal(6.0 / 9, result.ByTheme[AlignmentTheme.Jsna]!.Value, 12);
        Assert.Equal(1.0, result.ByTheme[AlignmentTheme.Strategy]!.Value, 12);
        Assert.Equal(0.0, result.ByTheme[AlignmentTheme.CrossCutting]!.Value, 12);
        Assert.Equal(18.0 / 33, result.Alignment!.Value, 12);
        Assert.Equal(["J3", "X1", "X2", "X3", "X4"], result.Weak.Select(c => c.Code));
    }

    [Fact]
    public void One_unscored_criterion_leaves_the_alignment_and_its_theme_unknown()
    {
        var scores = Scores(1, 3).Where(s => s.Criterion != "S2").ToList();

        var result = PlanAnalysis.Of(Plan(1), scores);

        Assert.Null(result.Alignment);
        Assert.Equal(["S2"], result.Unscored.Select(c => c.Code));
        Assert.Null(result.ByTheme[AlignmentTheme.Strategy]);
        Assert.Equal(1.0, result.ByTheme[AlignmentTheme.Jsna]!.Value, 12);
        Assert.Equal(1.0, result.ByTheme[AlignmentTheme.CrossCutting]!.Value, 12);
        Assert.Empty(result.Weak);
    }

    [Fact]
    public void Scores_of_other_plans_do_not_count()
    {
        List<PlanScore> scores = [.. Scores(2, 0), .. Scores(1, 3).Where(s => s.Criterion != "J1")];

        var result = PlanAnalysis.Of(Plan(1), scores);

        Assert.Null(result.Alignment);
        Assert.Equal(["J1"], result.Unscored.Select(c => c.Code));
        Assert.Empty(result.Weak);
    }

    [Fact]
    public void Criteria_are_matched_whatever_the_case_of_their_code()
    {
        var scores = Scores(1, 3).Select(s => s with { Criterion = s.Criterion.ToLowerInvariant() }).ToList();

        Assert.Equal(1.0, PlanAnalysis.Of(Plan(1), scores).Alignment!.Value, 12);
    }

    [Fact]
    public void A_strategy_domain_no_plan_addresses_is_a_gap_with_a_recommendation()
    {
        CommissioningPlan[] plans = [Plan(1, "DietAndExercise, tobaccouse"), Plan(2, "Income"), Plan(3, "")];
        List<PlanScore> scores = [.. Scores(1, 3), .. Scores(2, 3), .. Scores(3, 3)];

        var result = PlanAnalysis.Across(plans, scores, StrategyDomains);

        Assert.Equal(["Education", "Housing and transit"], result.UnaddressedDomains);
        Assert.Equal(
            [
                "No plan addresses Education: the partners should agree who commissions it in the next round.",
                "No plan addresses Housing and transit: the partners should agree who commissions it in the next round.",
            ],
            result.Recommendations);
        Assert.Empty(result.CommonWeaknesses);
        Assert.Equal([1, 2, 3], result.Plans.Select(p => p.Plan.Id));
    }

    [Fact]
    public void Criteria_weak_in_at_least_half_the_plans_are_recommended_and_all_weaknesses_are_counted()
    {
        CommissioningPlan[] plans = [Plan(3), Plan(1), Plan(2)];
        List<PlanScore> scores = [.. Scores(1, 3, "X3=1"), .. Scores(2, 3, "X3=0", "X4=1"), .. Scores(3, 2, "J1=0")];
        var domains = new Dictionary<string, string> { ["DietAndExercise"] = "Diet and exercise" };

        var result = PlanAnalysis.Across(plans, scores, domains);

        Assert.Empty(result.UnaddressedDomains);
        Assert.Equal([("X3", 2), ("J1", 1), ("X4", 1)], result.CommonWeaknesses.Select(w => (w.Criterion.Code, w.WeakPlans)));
        Assert.Equal(
            ["2 of 3 plans are weak on X3 (Was it co-produced with residents, and does it act on their voice?) — ask for the engagement done and what changed because of it."],
            result.Recommendations);
    }

    [Fact]
    public void A_criterion_weak_in_exactly_half_the_plans_is_recommended()
    {
        CommissioningPlan[] plans = [Plan(1), Plan(2)];
        List<PlanScore> scores = [.. Scores(1, 3, "S2=1"), .. Scores(2, 3)];

        var result = PlanAnalysis.Across(plans, scores, new Dictionary<string, string>());

        Assert.Equal([("S2", 1)], result.CommonWeaknesses.Select(w => (w.Criterion.Code, w.WeakPlans)));
        var recommendation = Assert.Single(result.Recommendations);
        Assert.StartsWith("1 of 2 plans are weak on S2 (", recommendation, StringComparison.Ordinal);
        Assert.EndsWith("— ask for the targets and how much of each the plan is expected to deliver.", recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_not_fully_scored_is_recommended_for_completion()
    {
        CommissioningPlan[] plans = [Plan(1), Plan(2)];
        List<PlanScore> scores = [.. Scores(1, 3), .. Scores(2, 3).Take(8)];

        var result = PlanAnalysis.Across(plans, scores, new Dictionary<string, string>());

        Assert.Equal(["'Plan 2' has 3 criteria not yet scored: its self-assessment should be completed before sign-off."], result.Recommendations);
        Assert.Null(result.Plans[1].Alignment);
    }
}
