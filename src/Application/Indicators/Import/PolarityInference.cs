using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// An indicator's polarity from the publisher's own comparisons with England: where "Better" rows lie above England's
/// value (and "Worse" rows below), high is good; the other way round, low is good. Where the file has no England row
/// for a period, the Better rows' values are set against the Worse rows' of the same period. Comparisons written
/// "Higher"/"Lower" (or quintiles "Highest"/"Lowest") are Fingertips' no-judgement colours.
/// </summary>
public static class PolarityInference
{
    /// <summary>At least this share of the Better/Worse rows must point the same way.</summary>
    private const double Agreement = 0.9;

    private static readonly AreaCode England = AreaCode.Parse("E92000001");

    public static (Polarity? Polarity, string Why) From(IReadOnlyList<StagedValue> rows)
    {
        var judged = rows.Where(r => r.Value is not null && Judgement(r.Comparison) is not null).ToList();
        if (judged.Count > 0) return Direction(rows, judged);
        var neutral = rows.Count(r => r.Comparison is { } c && (Word(c) is "higher" or "lower" || c.Contains("quintile", StringComparison.OrdinalIgnoreCase)));
        return neutral > 0
            ? (Polarity.NoJudgement, $"{neutral:N0} rows are compared with England as higher or lower, without a judgement")
            : (null, "the file compares no row with England as better or worse");
    }

    private static (Polarity?, string) Direction(IReadOnlyList<StagedValue> rows, List<StagedValue> judged)
    {
        var england = rows.Where(r => r.Area == England && r.CategoryType.Length == 0 && r.Value is not null)
            .GroupBy(r => (r.Period.Label, r.Sex, r.Age))
            .ToDictionary(g => g.Key, g => g.First().Value!.Value.Value);
        int high = 0, low = 0;
        foreach (var group in judged.Where(r => r.Area != England).GroupBy(r => (r.Period.Label, r.Sex, r.Age)))
        {
            if (england.TryGetValue(group.Key, out var comparator))
            {
                foreach (var row in group)
                {
                    var value = row.Value!.Value.Value;
                    if (value == comparator) continue;
                    var better = Judgement(row.Comparison) == true;
                    if (better == value > comparator) high++;
                    else low++;
                }

                continue;
            }

            // No England row: the Better rows' middle value against the Worse rows'.
            var betterValues = group.Where(r => Judgement(r.Comparison) == true).Select(r => r.Value!.Value.Value).Order().ToList();
            var worseValues = group.Where(r => Judgement(r.Comparison) == false).Select(r => r.Value!.Value.Value).Order().ToList();
            if (betterValues.Count == 0 || worseValues.Count == 0) continue;
            var rowsCompared = betterValues.Count + worseValues.Count;
            if (betterValues[betterValues.Count / 2] > worseValues[worseValues.Count / 2]) high += rowsCompared;
            else low += rowsCompared;
        }

        var total = high + low;
        if (total == 0) return (null, "the rows compared as better or worse have no England value to set them against");
        if (high >= Agreement * total) return (Polarity.HighIsGood, $"'Better' rows lie above England's value and 'Worse' rows below ({high:N0} of {total:N0} rows)");
        if (low >= Agreement * total) return (Polarity.LowIsGood, $"'Better' rows lie below England's value and 'Worse' rows above ({low:N0} of {total:N0} rows)");
        return (null, $"the comparisons point both ways ({high:N0} rows as if high is good, {low:N0} as if low is good)");
    }

    /// <summary>True for Better/Best, false for Worse/Worst, null otherwise ("Better 99.8" reads as Better).</summary>
    private static bool? Judgement(string? comparison) => comparison is null ? null : Word(comparison) switch
    {
        "better" or "best" => true,
        "worse" or "worst" => false,
        _ => null,
    };

    private static string Word(string comparison)
    {
        var space = comparison.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? comparison : comparison[..space]).ToLowerInvariant();
    }
}
