using Commonweal.Application.Places;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics.Spc;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Application.Outcomes;

/// <summary>The tables of targets the command line prints and the web platform and board papers download, defined once so they agree.</summary>
public static class TargetTables
{
    /// <summary>The columns of <c>targets status</c>, exactly.</summary>
    public static readonly IReadOnlyList<string> StatusColumns =
    [
        "target_id", "indicator_id", "area_code", "sex", "age", "category", "period", "value", "lower_95", "upper_95", "trajectory_value",
        "target_value", "status", "variation_icon", "assurance_icon", "compared_to_england", "owner",
    ];

    /// <summary>The columns of the targets table of the scorecard and the board paper's appendix.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "target_id", "domain", "indicator_id", "indicator", "area_code", "area_name", "breakdown", "baseline_period", "baseline_value",
        "target_value", "deadline_period", "latest_period", "latest_value", "trajectory_value", "status", "variation_icon", "assurance_icon",
        "compared_to_england", "owner", "lead",
    ];

    /// <summary>
    /// One row per target and period with data from the baseline on (or, <paramref name="latest"/>, per target its latest
    /// period): the value and its 95 % limits as outputs show them (empty where suppressed or none), the trajectory's value
    /// for the period, the status code, the icons named as <c>stats spc</c> names them (empty under 12 points), the
    /// comparison with England. A target with no value even at its baseline gives no row.
    /// </summary>
    public static TextTable Status(IEnumerable<TargetReport> reports, bool latest)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new TextTable(StatusColumns, reports.SelectMany(r => (latest ? r.Periods.TakeLast(1) : r.Periods).Select(p =>
        {
            var t = r.Target;
            var shown = p.Shown;
            return (IReadOnlyList<string?>)
            [
                Number(t.Id), Number(t.Indicator.Value), t.Area.Value, t.Sex.ToString(), t.Age, t.Category, p.Period.Label,
                Number(shown.Value), Limit(shown.Limits95.Lower, shown.Value), Limit(shown.Limits95.Upper, shown.Value),
                Number(p.Assessment.TrajectoryValue), Number(t.TargetValue), p.Status.Code(), p.Variation.Code(), p.Assurance.Code(),
                p.ComparedToEngland, r.Owner,
            ];
        })));
    }

    /// <summary>One row per target: where it is in the framework, what it is, where it stands.</summary>
    public static TextTable Summary(IEnumerable<TargetSummary> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new TextTable(SummaryColumns, targets.Select(s =>
        {
            var r = s.Report;
            var t = r.Target;
            var latest = r.Latest;
            return (IReadOnlyList<string?>)
            [
                Number(t.Id), s.Domain?.Label, Number(t.Indicator.Value), r.Indicator.Name, t.Area.Value, r.AreaName, r.Breakdown, t.BaselinePeriod,
                Number(t.BaselineValue), Number(t.TargetValue), t.DeadlinePeriod, latest?.Period.Label, Number(latest?.Shown.Value),
                Number(latest?.Assessment.TrajectoryValue), r.Status.Code(), r.Variation.Code(), r.Assurance.Code(), latest?.ComparedToEngland, r.Owner, t.Lead,
            ];
        }));
    }

    /// <summary>The overview of the pack: every target by domain, its status, icons and benchmark in words, its owner.</summary>
    public static TextTable Overview(IEnumerable<TargetSummary> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new TextTable(["Domain", "Target", "Latest", "Status", "Variation", "Assurance", "Compared with England", "Owner"], targets.Select(s =>
        {
            var r = s.Report;
            var latest = r.Latest;
            return (IReadOnlyList<string?>)
            [
                s.Domain?.Label ?? "Not mapped", $"{r.Indicator.Name} — {r.AreaName} ({r.Breakdown}): {Number(r.Target.TargetValue)} by {r.Target.DeadlinePeriod}",
                latest is null ? "No value" : $"{latest.Period.Label}: {(latest.Shown.Value is { } v ? Number(Math.Round(v, 3)) : "suppressed")}",
                r.Status.Label(), IconWords.Variation(r.Variation), IconWords.Assurance(r.Assurance), latest?.ComparedToEngland ?? "–", r.Owner,
            ];
        }));
    }

    /// <summary>A target's agreed actions: what, who, by when, status, agreed by.</summary>
    public static TextTable Actions(IEnumerable<TargetAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return new TextTable(["What", "Who", "By when", "Status", "Agreed by"], actions.Select(a => (IReadOnlyList<string?>)
            [a.What, a.Who, a.ByWhen.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), a.Status, a.Author]));
    }


    private static string Limit(double limit, double? value) => value is null || double.IsNaN(limit) ? string.Empty : Number(limit);
}
