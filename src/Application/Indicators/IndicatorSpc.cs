using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Statistical process control of a place's frequent series (docs/methods/spc-making-data-count.md): the values of its
/// monthly or quarterly periods in order, as an output shows them (a suppressed value is a gap), charted as a Making Data
/// Count XmR chart, improvement read from the indicator's polarity. Annual and pooled series are refused: too few points
/// for limits, and Fingertips' trend marker serves them.
/// </summary>
public static class IndicatorSpc
{
    public static Answer<SpcSeries> For(IndicatorTable table, AreaCode area, Breakdown breakdown, SpcOptions? options, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(policy);
        var indicator = table.Indicator;
        var frequent = table.Periods.Where(p => p.MonthsSpanned <= 3).ToList();
        if (frequent.Count == 0)
            return new Refusal("not a frequent series", $"{indicator.Name} has no monthly or quarterly values: SPC charts are for frequent series (its trend marker serves annual ones).");
        var span = frequent.Any(p => p.MonthsSpanned == 1) && indicator.Frequency != ReportingFrequency.Quarterly ? 1 : frequent.Max(p => p.MonthsSpanned);
        var periods = frequent.Where(p => p.MonthsSpanned == span).ToList();
        var code = table.Resolve(area);
        var values = periods.Select(p => table.Find(new ValueKey(code, p.Label, breakdown)) is { } row ? table.Disclosed(row, policy).Value ?? double.NaN : double.NaN).ToList();
        if (values.All(double.IsNaN))
            return new Refusal("no values", $"{indicator.Name} has no {(span == 1 ? "monthly" : "quarterly")} values for {area}.", RefusalKind.NotFound);
        var chosen = (options ?? SpcOptions.Mdc) with { Improvement = Direction(indicator.Polarity) };
        return new SpcSeries(table, code, breakdown, periods, values, XmrChart.Analyse(values, chosen), chosen);
    }

    public static ImprovementDirection Direction(Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => ImprovementDirection.Increase,
        Polarity.LowIsGood => ImprovementDirection.Decrease,
        _ => ImprovementDirection.Neutral,
    };
}
