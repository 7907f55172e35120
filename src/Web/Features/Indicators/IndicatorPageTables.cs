using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics.Spc;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Web.Features.Indicators;

/// <summary>
/// The tables of the indicator pages as their downloads give them (CSV and xlsx alike, <see cref="Downloads"/>), each under
/// the indicator's disclosure rule (suppressed cells empty): the catalogue, a place's trend, the areas compared, the SPC
/// chart, inequality by deprivation decile and a place's profile.
/// </summary>
public static class IndicatorPageTables
{
    public static TextTable Catalogue(IndicatorList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(
            ["indicator_id", "name", "value_type", "unit", "polarity", "first_period", "last_period", "area_types", "source", "factor_group", "profile"],
            list.Indicators.Select(l => (IReadOnlyList<string?>)
            [
                l.Indicator.Id.ToString(), l.Indicator.Name, l.Indicator.ValueType.Code(), l.Indicator.Unit, l.Indicator.Polarity.ToString(),
                l.Entry.FirstPeriod, l.Entry.LastPeriod, string.Join(";", l.AreaTypes), l.Indicator.Source, l.Indicator.FactorGroup?.ToString(), l.Indicator.Profile,
            ]));
    }

    public static TextTable Trend(AreaSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new(
            ["period", "area_code", "area_name", "count", "denominator", "value", "lower_95", "upper_95", "england_value", "compared_to_england", "recent_trend", "note"],
            series.Points.Select(p => (IReadOnlyList<string?>)
            [
                p.Period.Label, series.Area.Value, series.AreaName, Number(p.Row?.Count), Number(p.Row?.Denominator), Number(p.Row?.Value),
                Limit(p.Row?.Limits95.Lower), Limit(p.Row?.Limits95.Upper), Number(p.Comparator?.Value), p.Benchmark is { } b ? b.Label : null, p.Row?.Trend?.Label, p.Row?.Note,
            ]));
    }

    public static TextTable Areas(AreaComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new(
            ["area_code", "area_name", "area_type", "period", "count", "denominator", "value", "lower_95", "upper_95", "compared_to_england", "recent_trend", "source", "note"],
            comparison.Areas.Select(a => (IReadOnlyList<string?>)
            [
                a.Row.Row.Area.Value, a.Row.Row.Value.AreaName, a.Row.Row.Value.AreaType.ToString(), a.Row.Row.Period, Number(a.Row.Count), Number(a.Row.Denominator),
                Number(a.Row.Value), Limit(a.Row.Limits95.Lower), Limit(a.Row.Limits95.Upper), a.Benchmark.Label, a.Row.Trend?.Label,
                IndicatorTables.SourceName(a.Row.Row.Source), a.Row.Note ?? a.Benchmark.Note,
            ]));
    }

    public static TextTable Spc(SpcSeries spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        return new(
            ["period", "value", "mean", "lower_process_limit", "upper_process_limit", "point_type"],
            spc.Periods.Select((p, i) => (IReadOnlyList<string?>)
            [
                p.Label, Limit(spc.Values[i]), Limit(spc.Chart.Points[i].Limits.Mean), Limit(spc.Chart.Points[i].Limits.Lower), Limit(spc.Chart.Points[i].Limits.Upper),
                spc.Chart.Points[i].PointType.Code(),
            ]));
    }

    public static TextTable Inequality(InequalityGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new(
            ["imd_decile", "lsoas", "count", "denominator", "value", "lower_95", "upper_95", "note"],
            gradient.Deciles.Select(d => (IReadOnlyList<string?>)
            [
                Number(d.Decile), Number(d.Lsoas), Number(d.Count), Number(d.Denominator), Number(d.Value), Limit(d.Limits95.Lower), Limit(d.Limits95.Upper), d.Note,
            ]));
    }

    public static TextTable Profile(AreaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(
            ["indicator_id", "indicator_name", "period", "area_code", "value", "lower_95", "upper_95", "england_value", "compared_to_england", "recent_trend",
             "worst", "percentile_25", "percentile_75", "best", "areas_compared", "note"],
            profile.Rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Indicator.Id.ToString(), r.Indicator.Name, r.Period.Label, profile.Area.Value, Number(r.Row.Value), Limit(r.Row.Limits95.Lower), Limit(r.Row.Limits95.Upper),
                Number(r.England?.Value), r.Benchmark.Label, r.Trend?.Label, Number(r.Spread?.Worst), Number(r.Spread?.Percentile25), Number(r.Spread?.Percentile75),
                Number(r.Spread?.Best), Number(r.Spread?.Areas), r.Row.Note,
            ]));
    }

    private static string Limit(double? x) => x is { } v && double.IsFinite(v) ? Number(v) : string.Empty;
}
