using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Outcomes;

/// <summary>
/// Reads a stored target against its indicator's table (docs/methods/target-status.md): the status of every period from
/// the baseline on by <see cref="TargetStatusRule"/> over the values as stored (the status is never typed in, and does not
/// depend on who looks; a count is judged by its value alone), the values shown under the indicator's disclosure rule, and the Making Data Count icons of the
/// series up to each period (Making Data Count preset; improvement the target's direction; assurance against the
/// trajectory's value for the period) where it has at least 12 points.
/// </summary>
public static class TargetReporting
{
    public static TargetReport Report(Target target, string owner, IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(table);
        var plan = TargetPlan.Of(target, table.Indicator);
        var draft = target.ToDraft(owner);
        var rows = TargetEvaluation.Series(draft, table).Where(r => r.Value.Value is not null && table.Period(r.Period) is not null).ToList();
        var policy = table.Indicator.Disclosure.Policy();
        // A count (a backlog, a register's size) is the whole of what it counts, not a sample: it is judged by its value alone.
        var byValue = table.Indicator.ValueType == IndicatorValueType.Count;
        var shown = rows.Select(r => table.Disclosed(r, policy)).Select(d => byValue ? d with { Limits95 = Interval.None, Limits998 = Interval.None } : d).ToList();
        var observations = rows.Select(r => new TargetObservation(table.Period(r.Period)!, r.Value.Value!.Value,
            !byValue && r.Value.Lower95 is { } lower && r.Value.Upper95 is { } upper ? new Interval(lower, upper) : Interval.None)).ToList();
        var (assessments, status, why) = TargetStatusRule.AssessAll(observations, plan.Trajectory, plan.Direction);

        // SPC over one kind of period (the latest's length: months, quarters or years), as the indicator's SPC chart does.
        var latestSpan = observations.Count > 0 ? observations[^1].Period.MonthsSpanned : 0;
        var spcIndex = Enumerable.Range(0, observations.Count).Where(i => observations[i].Period.MonthsSpanned == latestSpan).ToList();
        var options = SpcOptions.Mdc with { Improvement = plan.Direction == TargetDirection.Lower ? ImprovementDirection.Decrease : ImprovementDirection.Increase };

        var periods = new List<TargetPeriod>();
        for (var i = 0; i < observations.Count; i++)
        {
            var assessment = assessments[i];
            if (assessment.Period.Start < plan.Trajectory.Baseline.Start) continue;
            var (variation, assurance) = Icons(observations, spcIndex, i, assessment.TrajectoryValue, options);
            periods.Add(new TargetPeriod(assessment.Period, shown[i], assessment, variation, assurance, IndicatorTables.Compared(shown[i].ComparedToEngland)));
        }

        var spcPeriods = spcIndex.Select(i => observations[i].Period).ToList();
        var spcValues = spcIndex.Select(i => observations[i].Value).ToList();
        var spc = spcIndex.Count >= TargetReport.SpcMinimumPoints
            ? XmrChart.Analyse(spcValues, options, plan.Trajectory.ValueAt(observations[spcIndex[^1]].Period))
            : null;
        var area = table.Places.Find(target.Area)?.Name ?? rows.FirstOrDefault()?.Value.AreaName ?? target.Area.Value;
        return new TargetReport(target, owner, table, area, plan, shown, periods, status, why, spcPeriods, spcValues, spc);
    }

    /// <summary>The icons of the series up to observation <paramref name="upTo"/>, when that many points of its kind reach 12.</summary>
    private static (VariationIcon, AssuranceIcon) Icons(
        IReadOnlyList<TargetObservation> observations, List<int> spcIndex, int upTo, double trajectoryValue, SpcOptions options)
    {
        if (!spcIndex.Contains(upTo)) return (VariationIcon.None, AssuranceIcon.None);
        var values = spcIndex.Where(i => i <= upTo).Select(i => observations[i].Value).ToList();
        if (values.Count < TargetReport.SpcMinimumPoints) return (VariationIcon.None, AssuranceIcon.None);
        var chart = XmrChart.Analyse(values, options, trajectoryValue);
        return (chart.Variation, AssuranceIcons.Of([.. chart.Points], trajectoryValue, options.Improvement));
    }
}
