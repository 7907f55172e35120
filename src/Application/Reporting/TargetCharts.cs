using Commonweal.Application.Indicators;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;

namespace Commonweal.Application.Reporting;

/// <summary>
/// The charts of a target, the same in its page, the web exception pack and the Word and HTML board papers: its trend
/// (values with 95 % intervals, England, the trajectory dashed), its XmR chart (12 points or more), and its place
/// compared with its neighbours (the places of its type in the ICS, or every ICB for an ICB).
/// </summary>
public static class TargetCharts
{
    public const int Width = 800;
    public const int Height = 320;

    public static string Trend(TargetReport report, string idPrefix = "target-trend")
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = report.Table;
        var breakdown = Breakdown.Of(report.Series.Count > 0 ? report.Series[0].Row.Value : throw new ArgumentException("the target has no values", nameof(report)));
        var england = AreaCode.Parse("E92000001");
        var points = report.Series.Select(d =>
        {
            var period = table.Period(d.Row.Period)!;
            var comparator = table.Find(england, period.Label, breakdown)?.Value.Value;
            var outcome = d.IsSuppressed ? null : d.ComparedToEngland;
            return new TrendPoint(period.Label, d.Value, Finite(d.Limits95.Lower), Finite(d.Limits95.Upper), comparator,
                BenchmarkColours.Of(outcome), d.IsSuppressed ? "suppressed" : IndicatorTables.Compared(outcome)?.ToLowerInvariant() ?? "not compared");
        }).ToList();
        var trajectory = report.Series.Select(d => table.Period(d.Row.Period)!)
            .Select(p => p.Start >= report.Plan.Trajectory.Baseline.Start ? report.Plan.Trajectory.ValueAt(p) : (double?)null).ToList();
        return new TrendChart
        {
            IdPrefix = idPrefix,
            Width = Width,
            Height = Height,
            AreaName = report.AreaName,
            Title = $"{report.Indicator.Name}: {report.AreaName} against its trajectory and England",
            Description = TrendSentence(report),
            Trajectory = ($"Trajectory to {IconWords.Number(report.Target.TargetValue)} by {report.Target.DeadlinePeriod}", trajectory),
            Points = points,
        }.ToSvg();
    }

    /// <summary>The XmR chart of the target's series, or null under 12 points.</summary>
    public static string? Spc(TargetReport report, string idPrefix = "target-spc")
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Spc is not { } chart) return null;
        var values = chart.Points;
        return new SpcChart
        {
            IdPrefix = idPrefix,
            Width = Width,
            Height = Height,
            Title = $"{report.Indicator.Name}: {report.AreaName}, statistical process control (XmR)",
            Description = $"{values.Count} points from {report.SpcPeriods[0].Label} to {report.SpcPeriods[^1].Label}. Variation: {IconWords.Variation(report.Variation).ToLowerInvariant()}; assurance against the trajectory: {IconWords.Assurance(report.Assurance).ToLowerInvariant()}.",
            Points = [.. report.SpcPeriods.Select((p, k) => new SpcChartPoint(p.Label, report.SpcValues[k], values[k].Limits.Mean, values[k].Limits.Lower, values[k].Limits.Upper, values[k].PointType))],
        }.ToSvg();
    }

    /// <summary>The most bars a neighbours chart draws: beyond it, the place and those nearest it in value (a board paper cannot show 150 practices).</summary>
    public const int MostNeighbours = 30;

    /// <summary>
    /// The target's place among its neighbours in the latest period, or null when there are none to compare. With more than
    /// <see cref="MostNeighbours"/> places, the place and those nearest it in the order of value, and the chart says so.
    /// </summary>
    public static string? Neighbours(TargetReport report, AreaComparison? comparison, string idPrefix = "target-neighbours")
    {
        ArgumentNullException.ThrowIfNull(report);
        if (comparison is null || comparison.Areas.Count < 2) return null;
        var areas = comparison.Areas;
        var shown = areas;
        if (areas.Count > MostNeighbours)
        {
            var at = Math.Max(0, areas.ToList().FindIndex(x => x.Row.Row.Area == report.Target.Area));
            var from = Math.Clamp(at - (MostNeighbours / 2), 0, areas.Count - MostNeighbours);
            shown = [.. areas.Skip(from).Take(MostNeighbours)];
        }

        var types = comparison.Type.LowerPluralLabel();
        return new IntervalBarChart
        {
            IdPrefix = idPrefix,
            Width = Width,
            Title = $"{report.Indicator.Name}: {report.AreaName} among the {types}, {comparison.Period.Label}",
            Description = shown.Count == areas.Count
                ? $"{areas.Count} {types} in {comparison.Period.Label}, each compared with England; {report.AreaName} is marked."
                : $"{report.AreaName} and the {shown.Count - 1} {types} nearest it in value, of {areas.Count}, in {comparison.Period.Label}, each compared with England.",
            Comparator = comparison.ComparatorRow?.Value is { } e ? (e, "England") : null,
            Bars = [.. shown.Select(x => new IntervalBar(x.Row.Row.Value.AreaName, x.Row.Value, Finite(x.Row.Limits95.Lower), Finite(x.Row.Limits95.Upper),
                BenchmarkColours.Of(x.Row.IsSuppressed ? null : x.Benchmark.Outcome), x.Row.IsSuppressed ? "suppressed" : x.Row.Value is null ? "no value" : x.Benchmark.Label,
                Chosen: x.Row.Row.Area == report.Target.Area))],
        }.ToSvg();
    }

    /// <summary>The trend in one sentence: first and latest values, the trajectory's value now, the status.</summary>
    public static string TrendSentence(TargetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.Series.Where(s => s.Value is not null).ToList();
        if (shown.Count == 0) return $"{report.AreaName} has no value to show.";
        var latest = report.Latest;
        return $"{report.AreaName} from {shown[0].Row.Period} ({IconWords.Number(shown[0].Value!.Value)}) to {shown[^1].Row.Period} ({IconWords.Number(shown[^1].Value!.Value)}); "
            + $"the trajectory runs from {IconWords.Number(report.Target.BaselineValue)} in {report.Target.BaselinePeriod} to the target of {IconWords.Number(report.Target.TargetValue)} by {report.Target.DeadlinePeriod}"
            + (latest is null ? "." : $", {IconWords.Number(latest.Assessment.TrajectoryValue)} in {latest.Period.Label}. Status: {report.Status.Label().ToLowerInvariant()}.");
    }



    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
