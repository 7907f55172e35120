namespace Commonweal.Core.Referrals;

/// <summary>An ONS reporting band for life satisfaction, worthwhile and happiness (higher is better).</summary>
public enum Ons4Band
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>An ONS reporting band for anxiety (lower is better).</summary>
public enum Ons4AnxietyBand
{
    VeryLow,
    Low,
    Medium,
    High,
}

/// <summary>
/// The four ONS personal well-being ratings, each 0–10: life satisfaction, worthwhile, happiness (higher is better) and
/// anxiety (lower is better). Construct with <see cref="Ons4.Scores"/> to have the range checked.
/// </summary>
public readonly record struct Ons4Scores(int LifeSatisfaction, int Worthwhile, int Happiness, int Anxiety)
{
    public Ons4Band LifeSatisfactionBand() => Ons4.Band(LifeSatisfaction);

    public Ons4Band WorthwhileBand() => Ons4.Band(Worthwhile);

    public Ons4Band HappinessBand() => Ons4.Band(Happiness);

    public Ons4AnxietyBand AnxietyBand() => Ons4.AnxietyBand(Anxiety);

    /// <summary>
    /// The wellbeing need the ratings show (a default rule, not a diagnosis): specialist when life satisfaction is 2 or
    /// less and anxiety 8 or more together — very poor on both, so mental health support (NHS Talking Therapies) should be
    /// offered; light when life satisfaction is low (0–4) or anxiety high (6–10), the ONS bands; otherwise none.
    /// Worthwhile and happiness are recorded as outcomes but do not route.
    /// </summary>
    public NeedFinding? WellbeingFinding()
    {
        var ratings = $"life satisfaction {LifeSatisfaction} ({Ons4.Words(LifeSatisfactionBand())}) and anxiety {Anxiety} ({Ons4.Words(AnxietyBand())}) out of 10";
        if (LifeSatisfaction <= 2 && Anxiety >= 8)
            return new(Need.Wellbeing, NeedLevel.Specialist, $"Wellbeing: {ratings} — life satisfaction 2 or less with anxiety 8 or more: mental health support such as NHS Talking Therapies.");
        if (LifeSatisfaction <= 4 || Anxiety >= 6)
        {
            var which = LifeSatisfaction <= 4 && Anxiety >= 6 ? "low life satisfaction (0 to 4) and high anxiety (6 to 10)"
                : LifeSatisfaction <= 4 ? "low life satisfaction (0 to 4)" : "high anxiety (6 to 10)";
            return new(Need.Wellbeing, NeedLevel.Light, $"Wellbeing: {ratings} — {which}.");
        }

        return null;
    }
}

/// <summary>
/// ONS4 personal well-being (GSS harmonised standard, April 2019; APS wording): the four questions, asked of people aged 16
/// and over, and the ONS reporting thresholds — low 0–4, medium 5–6, high 7–8, very high 9–10; anxiety very low 0–1,
/// low 2–3, medium 4–5, high 6–10. The wording is the standard's, word for word, so results compare with the national
/// Annual Population Survey; it is not simplified for reading age.
/// </summary>
public static class Ons4
{
    public const string LifeSatisfactionLinkId = "ons4-life-satisfaction";
    public const string WorthwhileLinkId = "ons4-worthwhile";
    public const string HappyLinkId = "ons4-happy";
    public const string AnxiousLinkId = "ons4-anxious";

    public const string Preamble = "Next I would like to ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I'd like you to give an answer on a scale of nought to 10, where nought is 'not at all' and 10 is 'completely'.";
    public const string LifeSatisfactionQuestion = "Overall, how satisfied are you with your life nowadays?";
    public const string WorthwhileQuestion = "Overall, to what extent do you feel that the things you do in your life are worthwhile?";
    public const string HappyQuestion = "Overall, how happy did you feel yesterday?";
    public const string AnxiousQuestion = "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?";

    /// <summary>The four linkIds in the order asked.</summary>
    public static IReadOnlyList<string> LinkIds { get; } = [LifeSatisfactionLinkId, WorthwhileLinkId, HappyLinkId, AnxiousLinkId];

    /// <summary>The four ratings, each checked to be 0–10.</summary>
    public static Ons4Scores Scores(int lifeSatisfaction, int worthwhile, int happiness, int anxiety)
    {
        Check(lifeSatisfaction);
        Check(worthwhile);
        Check(happiness);
        Check(anxiety);
        return new(lifeSatisfaction, worthwhile, happiness, anxiety);
    }

    /// <summary>The ONS band of a life satisfaction, worthwhile or happiness rating.</summary>
    public static Ons4Band Band(int rating) => Check(rating) switch
    {
        <= 4 => Ons4Band.Low,
        <= 6 => Ons4Band.Medium,
        <= 8 => Ons4Band.High,
        _ => Ons4Band.VeryHigh,
    };

    /// <summary>The ONS band of an anxiety rating.</summary>
    public static Ons4AnxietyBand AnxietyBand(int rating) => Check(rating) switch
    {
        <= 1 => Ons4AnxietyBand.VeryLow,
        <= 3 => Ons4AnxietyBand.Low,
        <= 5 => Ons4AnxietyBand.Medium,
        _ => Ons4AnxietyBand.High,
    };

    public static string Words(Ons4Band band) => band == Ons4Band.VeryHigh ? "very high" : band.ToString().ToLowerInvariant();

    public static string Words(Ons4AnxietyBand band) => band == Ons4AnxietyBand.VeryLow ? "very low" : band.ToString().ToLowerInvariant();

    private static int Check(int rating) =>
        rating is >= 0 and <= 10 ? rating : throw new ArgumentOutOfRangeException(nameof(rating), rating, "an ONS4 rating is 0 to 10");
}
