namespace Commonweal.Core.Referrals;

/// <summary>A need the assessment found, at a level, and why — quoting the answer, so the person can see what was heard.</summary>
public sealed record NeedFinding(Need Need, NeedLevel Level, string Why);

/// <summary>
/// What the assessment found: one finding per need above none (in <see cref="Need"/> order), the ONS4 ratings and the
/// SWEMWBS scores when answered (outcome measures: SWEMWBS does not route), and the BMI when weight and height were given.
/// </summary>
public sealed record AssessmentResult(IReadOnlyList<NeedFinding> Findings, Ons4Scores? Ons4, int? SwemwbsRaw, double? SwemwbsMetric, BmiReading? Bmi)
{
    /// <summary>The level found for a need (none when there is no finding).</summary>
    public NeedLevel Level(Need need) => Findings.FirstOrDefault(f => f.Need == need)?.Level ?? NeedLevel.None;
}

/// <summary>
/// Turns checked answers into findings by the default thresholds (each a default, documented in
/// docs/methods/holistic-assessment-and-triage.md, not a clinical rule): choice answers by their option's level; activity on
/// fewer than 5 days of 30 minutes (under the UK CMOs' 150 minutes a week) light; alcohol over 14 units a week light, over
/// 35 specialist (one threshold for everyone — the higher-risk line for women — rather than asking sex); caring yes light;
/// BMI by <see cref="BmiReading"/>; wellbeing by <see cref="Ons4Scores.WellbeingFinding"/>.
/// </summary>
internal static class AssessmentScoring
{
    public const int ActiveDaysGuideline = 5;
    public const int LowRiskUnits = 14;
    public const int HigherRiskUnits = 35;

    public static AssessmentResult Score(IReadOnlyDictionary<string, AssessmentValue> answers, bool includeSwemwbs, bool lowerBmiThreshold)
    {
        var check = AssessmentCheck.Of(answers, includeSwemwbs);
        if (!check.IsValid)
            throw new ArgumentException($"only checked answers can be scored: {string.Join("; ", check.Problems)}", nameof(answers));

        var findings = new List<NeedFinding>();
        foreach (var item in AssessmentQuestions.Items(includeSwemwbs))
        {
            if (item.Kind != AnswerKind.Choice || !answers.TryGetValue(item.LinkId, out var value)) continue;
            if (AssessmentQuestions.ScoredAnswer(item.LinkId, value.Code!) is { Level: > NeedLevel.None } scored)
                findings.Add(new(item.Need!.Value, scored.Level, $"{Needs.Title(item.Need.Value)}: '{scored.Display}' — {scored.Reason}."));
        }

        if (answers[AssessmentQuestions.Caring].Boolean == true)
            findings.Add(new(Need.Caring, NeedLevel.Light, "Caring for someone: 'Yes', looks after someone who is ill, disabled or old — carers' support and a carer's assessment."));

        var days = answers[AssessmentQuestions.ActivityDays].Integer!.Value;
        if (days < ActiveDaysGuideline)
            findings.Add(new(Need.PhysicalActivity, NeedLevel.Light, $"Physical activity: active for 30 minutes or more on {days} day{(days == 1 ? "" : "s")} in the last week — fewer than {ActiveDaysGuideline}, so under the 150 minutes a week of the UK Chief Medical Officers' guidelines."));

        var units = answers[AssessmentQuestions.AlcoholUnits].Integer!.Value;
        if (units > HigherRiskUnits)
            findings.Add(new(Need.Alcohol, NeedLevel.Specialist, $"Alcohol: {units} units in a usual week — more than {HigherRiskUnits}, drinking at higher risk."));
        else if (units > LowRiskUnits)
            findings.Add(new(Need.Alcohol, NeedLevel.Light, $"Alcohol: {units} units in a usual week — more than the {LowRiskUnits} units of the UK Chief Medical Officers' low-risk guideline."));

        var bmi = answers.TryGetValue(AssessmentQuestions.WeightKg, out var w) && answers.TryGetValue(AssessmentQuestions.HeightCm, out var h)
            ? new BmiReading(w.AsDecimal!.Value, h.AsDecimal!.Value)
            : (BmiReading?)null;
        if (bmi?.Finding(lowerBmiThreshold) is { } weight) findings.Add(weight);

        Ons4Scores? ons4 = Ons4.LinkIds.All(answers.ContainsKey)
            ? Ons4.Scores(Rating(answers, Ons4.LifeSatisfactionLinkId), Rating(answers, Ons4.WorthwhileLinkId), Rating(answers, Ons4.HappyLinkId), Rating(answers, Ons4.AnxiousLinkId))
            : null;
        if (ons4?.WellbeingFinding() is { } wellbeing) findings.Add(wellbeing);

        int? raw = null;
        if (includeSwemwbs && answers.ContainsKey(Swemwbs.LinkId(1)))
        {
            raw = Swemwbs.Raw([.. Enumerable.Range(1, Swemwbs.Items).Select(k => Swemwbs.Options.First(o => o.Code == answers[Swemwbs.LinkId(k)].Code).Ordinal!.Value)]);
        }

        return new([.. findings.OrderBy(f => f.Need)], ons4, raw, raw is { } r ? Swemwbs.Metric(r) : null, bmi);
    }

    private static int Rating(IReadOnlyDictionary<string, AssessmentValue> answers, string linkId) => answers[linkId].Integer!.Value;
}
