using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Small-number disclosure control of an indicator's rows (docs/methods/disclosure-control.md), decided over the whole
/// table at once so that every output (page, API, download, command) shows the same: primary suppression of small counts
/// and denominators and the values derived from them (<see cref="DisclosureControl"/>), rounding where the rule asks, and
/// complementary suppression, so that a suppressed value cannot be worked out from a total: when exactly one of the areas
/// a shown total is made of is suppressed, the next smallest is suppressed too (or, when there is no other, the total).
/// Rows published without counts were controlled by their publisher and are shown as published.
/// </summary>
public static class IndicatorDisclosure
{
    public const string Complementary = "suppressed so that a suppressed small number cannot be worked out from a total";

    /// <summary>Every row of the table under the policy, by key.</summary>
    public static Dictionary<ValueKey, DisclosedRow> Apply(IndicatorTable table, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(policy);
        var shown = new Dictionary<ValueKey, DisclosedRow>(table.Rows.Count);
        foreach (var row in table.Rows) shown[row.Key] = Primary(row, policy);

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var row in table.Rows)
            {
                if (row.Members.Count == 0 || shown[row.Key].IsSuppressed) continue;
                var members = row.Members.Select(m => new ValueKey(m, row.Period, row.Breakdown)).Where(shown.ContainsKey).ToList();
                if (members.Count(m => shown[m].IsSuppressed) != 1) continue;
                var next = members.Where(m => !shown[m].IsSuppressed && shown[m].Row.Value.Count is not null)
                    .OrderBy(m => shown[m].Row.Value.Count).ThenBy(m => m.Area).Cast<ValueKey?>().FirstOrDefault();
                var hide = next ?? row.Key;
                shown[hide] = Suppressed(shown[hide].Row, Complementary);
                changed = true;
            }
        }

        return shown;
    }

    private static DisclosedRow Primary(IndicatorRow row, DisclosurePolicy policy)
    {
        var v = row.Value;
        if (v.Count is not { } count) return DisclosedRow.AsItIs(row);
        var c = DisclosureControl.Count(count, policy);
        if (!c.IsShown) return Suppressed(row, c.Reason!);
        DisclosureDecision? d = v.Denominator is { } denominator ? DisclosureControl.Denominator(denominator, policy) : null;
        if (d is { IsShown: false }) return Suppressed(row, d.Value.Reason!);
        var rounded = c.Action == DisclosureAction.Rounded || d?.Action == DisclosureAction.Rounded;
        return DisclosedRow.AsItIs(row) with
        {
            Count = c.Value,
            Denominator = d?.Value,
            Action = rounded ? DisclosureAction.Rounded : DisclosureAction.Shown,
            Note = rounded ? c.Reason ?? d?.Reason : null,
        };
    }

    private static DisclosedRow Suppressed(IndicatorRow row, string reason) =>
        new(row, null, null, null, Interval.None, Interval.None, null, null, DisclosureAction.Suppressed, reason);
}
