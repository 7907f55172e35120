using Commonweal.Application.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Outcomes;

/// <summary>
/// A target read against its indicator's values at every level of the ICS (the indicator table: published, computed or
/// added up): the facts its SMART check needs, and its status in every period with a value (docs/methods/target-status.md).
/// </summary>
public static class TargetEvaluation
{
    /// <summary>What the table knows of the draft's place and breakdown; <paramref name="table"/> null when the indicator does not exist.</summary>
    public static TargetFacts Facts(TargetDraft draft, IndicatorTable? table, bool placeExists)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (table is null || !placeExists || !AreaCode.TryParse(draft.AreaCode.Trim(), out var area, out _))
            return new TargetFacts(table?.Indicator, placeExists, BreakdownHasData: false, BaselineValue: null);
        var rows = Rows(draft, table, area);
        var baseline = draft.BaselinePeriod is { } label ? rows.FirstOrDefault(r => r.Value.Period == label.Trim()) : null;
        return new TargetFacts(table.Indicator, placeExists, rows.Count > 0, baseline?.Value.Value);
    }

    /// <summary>The observations of the target's place and breakdown, in period order (rows without a value left out).</summary>
    public static IReadOnlyList<TargetObservation> Observations(TargetDraft draft, IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(table);
        if (!AreaCode.TryParse(draft.AreaCode.Trim(), out var area, out _)) return [];
        return [.. Rows(draft, table, area)
            .Where(r => r.Value.Value is not null)
            .Select(r => new TargetObservation(table.Period(r.Value.Period)!, r.Value.Value!.Value,
                r.Value.Lower95 is { } lower && r.Value.Upper95 is { } upper ? new Interval(lower, upper) : Interval.None))
            .OrderBy(o => o.Period)];
    }

    /// <summary>The rows of the draft's place and breakdown in period order (empty when it names none the table has).</summary>
    public static IReadOnlyList<IndicatorRow> Series(TargetDraft draft, IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(table);
        return AreaCode.TryParse(draft.AreaCode.Trim(), out var area, out _)
            ? [.. Rows(draft, table, area).OrderBy(r => table.Period(r.Period))]
            : [];
    }

    /// <summary>
    /// The rows of the draft's place in its breakdown: its sex (default persons), its age (empty: the indicator's only
    /// age for the place, when it has one), its category (empty: the whole population).
    /// </summary>
    private static List<IndicatorRow> Rows(TargetDraft draft, IndicatorTable table, AreaCode area)
    {
        var sex = string.IsNullOrWhiteSpace(draft.Sex) ? Sex.Persons
            : Enum.TryParse<Sex>(draft.Sex.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (Sex?)null;
        if (sex is null) return [];
        var category = draft.Category?.Trim() ?? string.Empty;
        var rows = table.OfArea(area).Where(r => r.Value.Sex == sex && r.Value.Category == category).ToList();
        var age = draft.Age?.Trim() ?? string.Empty;
        if (age.Length > 0) return rows.Where(r => r.Value.Age == age).ToList();
        var ages = rows.Select(r => r.Value.Age).Distinct().ToList();
        return ages.Count == 1 ? rows : [];
    }
}
