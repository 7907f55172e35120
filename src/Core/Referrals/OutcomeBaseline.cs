namespace Commonweal.Core.Referrals;

/// <summary>Which of a case's support lines an outcome reports on beyond wellbeing and goals: weight, smoking.</summary>
[Flags]
public enum OutcomeLines
{
    None = 0,

    /// <summary>The case had a weight support line: the weight at completion is recorded.</summary>
    Weight = 1,

    /// <summary>The case had a smoking support line: the smoking status four weeks after the quit date is recorded.</summary>
    Smoking = 2,
}

/// <summary>
/// Where the person started, from the referral's assessment answers: the four ONS4 ratings (only when all four were
/// given), weight and height. Kept with the outcome, so an outcome says what it is a change from without the referral.
/// </summary>
public sealed record OutcomeBaseline(Ons4Scores? Ons4, decimal? WeightKg, decimal? HeightCm)
{
    public static OutcomeBaseline None { get; } = new(null, null, null);

    /// <summary>The baseline in the answers; a rating outside 0–10 or a part of ONS4 missing leaves ONS4 out.</summary>
    public static OutcomeBaseline From(IReadOnlyDictionary<string, AssessmentValue> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int? Rating(string linkId) => answers.TryGetValue(linkId, out var v) && v.Integer is >= 0 and <= 10 ? v.Integer : null;
        decimal? Number(string linkId) => answers.TryGetValue(linkId, out var v) && v.AsDecimal is > 0 and var d ? d : null;
        var ratings = Referrals.Ons4.LinkIds.Select(Rating).ToArray();
        Ons4Scores? ons4 = ratings.All(r => r is not null) ? Referrals.Ons4.Scores(ratings[0]!.Value, ratings[1]!.Value, ratings[2]!.Value, ratings[3]!.Value) : null;
        return new(ons4, Number(AssessmentQuestions.WeightKg), Number(AssessmentQuestions.HeightCm));
    }
}
