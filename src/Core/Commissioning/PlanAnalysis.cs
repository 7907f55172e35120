namespace Commonweal.Core.Commissioning;

/// <summary>One plan's alignment: its score as a share of the most it could score, overall and by theme, and its weak criteria.</summary>
/// <param name="Alignment">Σ scores ÷ (3 × criteria), 0 to 1; null until every criterion is scored.</param>
/// <param name="Weak">The criteria scored below 2 (not addressed or only partly).</param>
public sealed record PlanAlignmentResult(
    CommissioningPlan Plan,
    double? Alignment,
    IReadOnlyDictionary<AlignmentTheme, double?> ByTheme,
    IReadOnlyList<AlignmentCriterion> Unscored,
    IReadOnlyList<AlignmentCriterion> Weak);

/// <summary>
/// The analysis across plans the HWB asked for (Essex HWB, 22 November 2012, Appendix 2, output 3;
/// docs/methods/plan-alignment.md): each plan's alignment; the strategy's domains no plan addresses (gaps against the
/// strategy); the criteria most plans are weak on; and recommendations that follow from them.
/// </summary>
public sealed record PlanAnalysisResult(
    IReadOnlyList<PlanAlignmentResult> Plans,
    IReadOnlyList<string> UnaddressedDomains,
    IReadOnlyList<(AlignmentCriterion Criterion, int WeakPlans)> CommonWeaknesses,
    IReadOnlyList<string> Recommendations);

public static class PlanAnalysis
{
    public static PlanAlignmentResult Of(CommissioningPlan plan, IEnumerable<PlanScore> scores)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var mine = scores.Where(s => s.Plan == plan.Id).ToDictionary(s => s.Criterion, StringComparer.OrdinalIgnoreCase);
        var criteria = AlignmentTemplate.Criteria;
        var unscored = criteria.Where(c => !mine.ContainsKey(c.Code)).ToList();
        double? Share(IReadOnlyList<AlignmentCriterion> which) =>
            which.All(c => mine.ContainsKey(c.Code)) ? which.Sum(c => mine[c.Code].Score) / (double)(AlignmentTemplate.MostScore * which.Count) : null;
        return new PlanAlignmentResult(
            plan,
            Share(criteria),
            Enum.GetValues<AlignmentTheme>().ToDictionary(t => t, t => Share([.. criteria.Where(c => c.Theme == t)])),
            unscored,
            [.. criteria.Where(c => mine.TryGetValue(c.Code, out var s) && s.Score < 2)]);
    }

    /// <param name="strategyDomains">The domain codes the strategy's priorities and targets name, with a label each.</param>
    public static PlanAnalysisResult Across(IEnumerable<CommissioningPlan> plans, IEnumerable<PlanScore> scores, IReadOnlyDictionary<string, string> strategyDomains)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(strategyDomains);
        var all = scores.ToList();
        var results = plans.OrderBy(p => p.Id).Select(p => Of(p, all)).ToList();
        var addressed = results.SelectMany(r => r.Plan.Domains.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var gaps = strategyDomains.Where(d => !addressed.Contains(d.Key)).Select(d => d.Value).Order(StringComparer.Ordinal).ToList();
        var weaknesses = AlignmentTemplate.Criteria
            .Select(c => (c, results.Count(r => r.Weak.Contains(c))))
            .Where(x => x.Item2 > 0)
            .OrderByDescending(x => x.Item2).ThenBy(x => x.c.Code, StringComparer.Ordinal)
            .ToList();
        var recommendations = new List<string>();
        foreach (var gap in gaps)
            recommendations.Add($"No plan addresses {gap}: the partners should agree who commissions it in the next round.");
        foreach (var (criterion, count) in weaknesses.Where(w => w.Item2 * 2 >= results.Count && results.Count > 0))
            recommendations.Add($"{count} of {results.Count} plans are weak on {criterion.Code} ({criterion.Question}) — ask for {char.ToLowerInvariant(criterion.Evidence[0])}{criterion.Evidence[1..].TrimEnd('.')}.");
        foreach (var result in results.Where(r => r.Unscored.Count > 0))
            recommendations.Add($"'{result.Plan.Title}' has {result.Unscored.Count} criteria not yet scored: its self-assessment should be completed before sign-off.");
        return new PlanAnalysisResult(results, gaps, weaknesses, recommendations);
    }
}
