namespace Commonweal.Core.Referrals;

/// <summary>
/// The Short Warwick–Edinburgh Mental Wellbeing Scale: seven statements about the last two weeks, each scored 1 (none of
/// the time) to 5 (all of the time); the raw total 7–35 is converted to a metric score by the Rasch-based table of the
/// Warwick scoring guidance, and all seven must be answered (no pro-rating). A change of 3 or more on the metric score is
/// taken as a reliable individual change (Shah et al., HQLO 2018).
/// <para>
/// Licence: (S)WEMWBS is copyright of NHS Health Scotland and the Universities of Warwick and Edinburgh. It is free to use
/// but an ICS must register for (hold) a licence before asking it; the assessment includes it only when that licence is
/// configured (<c>includeSwemwbs</c>), and the statements are kept here, not in the default questionnaire.
/// </para>
/// </summary>
public static class Swemwbs
{
    public const int Items = 7;

    /// <summary>The seven statements (licensed wording), in order; linkIds swemwbs-1 … swemwbs-7.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        "I've been feeling optimistic about the future",
        "I've been feeling useful",
        "I've been feeling relaxed",
        "I've been dealing with problems well",
        "I've been thinking clearly",
        "I've been feeling close to other people",
        "I've been able to make up my own mind about things",
    ];

    /// <summary>The answers every statement offers, scored 1–5.</summary>
    public static IReadOnlyList<AnswerOption> Options { get; } =
    [
        new("none-of-the-time", "None of the time", 1),
        new("rarely", "Rarely", 2),
        new("some-of-the-time", "Some of the time", 3),
        new("often", "Often", 4),
        new("all-of-the-time", "All of the time", 5),
    ];

    // Raw 7 … 35 → metric (Warwick "Guidance on Scoring"; identical in public scoring scripts).
    private static readonly double[] MetricByRaw =
    [
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
        19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
    ];

    /// <summary>The linkId of statement <paramref name="number"/> (1–7).</summary>
    public static string LinkId(int number) => $"swemwbs-{number}";

    /// <summary>The raw total of the seven item scores; every item must be there and 1–5.</summary>
    public static int Raw(IReadOnlyList<int> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count != Items) throw new ArgumentException($"SWEMWBS needs all {Items} items; {items.Count} given", nameof(items));
        foreach (var item in items)
        {
            if (item is < 1 or > 5) throw new ArgumentException($"a SWEMWBS item scores 1 to 5, not {item}", nameof(items));
        }

        return items.Sum();
    }

    /// <summary>The metric score of a raw total 7–35, from the conversion table.</summary>
    public static double Metric(int raw) =>
        raw is >= 7 and <= 35 ? MetricByRaw[raw - 7] : throw new ArgumentOutOfRangeException(nameof(raw), raw, "a SWEMWBS raw score is 7 to 35");
}
