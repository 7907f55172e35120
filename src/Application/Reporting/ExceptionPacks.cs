using System.Globalization;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Indicators;
using Commonweal.Application.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Application.Places;

namespace Commonweal.Application.Reporting;

/// <summary>One page of the pack: an exception with its charts (the same SVG in the page and the papers).</summary>
public sealed record ExceptionPage(TargetSummary Summary, string Trend, string? Spc, string? Neighbours)
{
    public TargetReport Report => Summary.Report;
}

/// <summary>The exception pack as of a date: the scorecard (every target by domain), one page per exception, and the contracts' open remedial plans.</summary>
public sealed record ExceptionPack(Scorecard Scorecard, DateOnly Date, IReadOnlyList<ExceptionPage> Exceptions, IReadOnlyList<RemedialPlanView> Plans);

/// <summary>
/// The senior officers' exception pack and the Health and Wellbeing Board paper (M7): an overview of every target grouped
/// by framework domain, then one page per exception (off track, at risk, or special-cause concern) with its trend and
/// trajectory, its XmR chart, its place among its neighbours, its owner, latest commentary and agreed actions; the same
/// pack as a <see cref="BoardPaper"/> for Word and printable HTML. After the targets, the contracts' open remedial plans
/// (KPIs off track or showing special-cause concern), escalated ones first.
/// </summary>
public sealed class ExceptionPacks(OutcomeQueries outcomes, RemedialPlanning remedial, CommonwealDbContext db, ExceptionPackCache cache, TimeProvider clock)
{
    /// <summary>The pack of the store as it is now: the one held if nothing has changed since it was built, else built again.</summary>
    public async Task<ExceptionPackCache.Entry> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var key = new ExceptionPackCache.PackKey(
            await db.Audit.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0,
            await db.Imports.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return cache.Get(key) ?? cache.Put(key, await BuildAsync(cancellationToken), clock);
    }

    public async Task<ExceptionPack> BuildAsync(CancellationToken cancellationToken = default)
    {
        var scorecard = await outcomes.ScorecardAsync(cancellationToken);
        var pages = new List<ExceptionPage>();
        foreach (var summary in scorecard.Exceptions)
        {
            var report = summary.Report;
            var id = report.Target.Id.ToString(CultureInfo.InvariantCulture);
            var neighbours = Neighbours(report);
            pages.Add(new ExceptionPage(summary, TargetCharts.Trend(report, $"trend-{id}"), TargetCharts.Spc(report, $"spc-{id}"),
                TargetCharts.Neighbours(report, neighbours, $"neighbours-{id}")));
        }

        var plans = await remedial.ListAsync(CommissioningViewer.Console("exception pack"), openOnly: true, cancellationToken: cancellationToken);
        return new ExceptionPack(scorecard, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), pages,
            [.. plans.OrderBy(p => p.Escalated ? 0 : 1).ThenBy(p => p.Plan.Opened).ThenBy(p => p.Plan.Id)]);
    }

    /// <summary>The places of the target's type in its latest period: within the ICS below ICB level, every ICB for an ICB; none for the ICS or England.</summary>
    public static AreaComparison? Neighbours(TargetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Latest is not { } latest) return null;
        var row = latest.Shown.Row.Value;
        if (row.AreaType is AreaType.Ics or AreaType.Country or AreaType.Region) return null;
        AreaCode? within = row.AreaType is AreaType.Icb ? null : report.Table.Ics.Code;
        return IndicatorQueries.CompareAreas(report.Table, row.AreaType, latest.Period.Label, within, breakdown: Breakdown.Of(row)).Value;
    }

    public const string Purpose =
        "To report, by exception, the targets of the outcomes framework that are off track, at risk, or showing special-cause "
        + "variation of concern, so that the senior officers' wellbeing group and the Health and Wellbeing Board can agree what "
        + "partners will do. Every status is worked out from the data by the rule in the appendix; none is typed in.";

    /// <summary>The pack as a board paper: purpose, summary and overview, a section per exception, and every target in an appendix.</summary>
    public static BoardPaper Paper(ExceptionPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var scorecard = pack.Scorecard;
        var counts = scorecard.Counts;
        var targets = scorecard.Targets.ToList();
        var front = new List<PaperBlock>
        {
            new PaperHeading("Purpose", 1),
            new PaperParagraph(Purpose),
            new PaperHeading("Summary", 1),
            new PaperParagraph($"{scorecard.Framework.Title}: {scorecard.Framework.Standing}."),
            new PaperParagraph($"{targets.Count} target{(targets.Count == 1 ? string.Empty : "s")}: "
                + string.Join(", ", Enum.GetValues<TargetStatus>().Reverse().Select(s => $"{counts[s]} {s.Label().ToLowerInvariant()}"))
                + $". {pack.Exceptions.Count} exception{(pack.Exceptions.Count == 1 ? " is" : "s are")} reported on the pages that follow."),
        };
        if (pack.Exceptions.Count > 0)
            front.Add(new PaperList([.. pack.Exceptions.Select(e => $"{Name(e.Report)}: {e.Report.ExceptionReason}")]));
        var escalated = pack.Plans.Count(p => p.Escalated);
        front.Add(new PaperParagraph(pack.Plans.Count == 0
            ? "No contract has an open remedial plan."
            : $"{pack.Plans.Count} remedial plan{(pack.Plans.Count == 1 ? " is" : "s are")} open on contracts' KPIs, {escalated} escalated to this group (an action overdue, or no action in {Escalation.DaysWithoutAction} days): see \"Contract performance\" after the exceptions."));
        front.Add(new PaperTable("Every target by domain of the framework", TargetTables.Overview(targets)));
        front.Add(new PaperPageBreak());

        var sections = pack.Exceptions.Select((page, k) => Section(page, k + 1)).ToList();
        if (pack.Plans.Count > 0)
        {
            sections.Add(new PaperSection($"{sections.Count + 1}. Contract performance: open remedial plans",
            [
                new PaperParagraph("Each plan was opened when a provider's return put a KPI off track or showed special-cause variation of concern. "
                    + "A plan is escalated to this group when one of its actions is overdue, or when nothing has been done for "
                    + $"{Escalation.DaysWithoutAction} days."),
                new PaperTable("Open remedial plans", RemedialTable(pack.Plans)),
                new PaperPageBreak(),
            ]));
        }
        var appendix = new PaperSection("Appendix: every target, and how its status is worked out",
        [
            new PaperParagraph(StatusRuleWords),
            new PaperTable("Every target", TargetTables.Summary(targets)),
        ]);
        return new BoardPaper("Outcomes framework: monitoring by exception",
            $"Senior officers' wellbeing group and Health and Wellbeing Board, {pack.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
            pack.Date, front, sections, appendix);
    }

    public const string StatusRuleWords =
        "Status rule: not measurable — no value after the baseline; achieved — at or past the deadline and the target is met; "
        + "on track — the value is at least as good as the trajectory for its period; at risk — worse than the trajectory, but its "
        + "95 % confidence interval contains it; off track — the whole interval is worse than the trajectory (or, past the deadline, "
        + "the target was missed). A value without an interval (a count) is on or off track by the value alone. The Making Data Count "
        + "variation and assurance icons (12 points or more; assurance against the trajectory) and the comparison with England are "
        + "shown beside the status, never mixed into it.";

    private static PaperSection Section(ExceptionPage page, int number)
    {
        var r = page.Report;
        var t = r.Target;
        var latest = r.Latest!;
        var blocks = new List<PaperBlock>
        {
            new PaperParagraph($"Status: {r.Status.Label()}. {char.ToUpperInvariant(r.Why[0])}{r.Why[1..]}", Bold: true),
            new PaperParagraph($"Why it is reported: {r.ExceptionReason}. Variation: {IconWords.Variation(r.Variation).ToLowerInvariant()}; assurance: {IconWords.Assurance(r.Assurance).ToLowerInvariant()}; compared with England: {latest.ComparedToEngland ?? "not compared"}."),
            new PaperParagraph($"Target: {r.Breakdown}, from {IconWords.Number(t.BaselineValue)} in {t.BaselinePeriod} to {IconWords.Number(t.TargetValue)} by {t.DeadlinePeriod} ({(t.Trajectory == "linear" ? "linear trajectory" : "profiled trajectory")}). Latest: {IconWords.Number(latest.Assessment.Value)} in {latest.Period.Label} against the trajectory's {IconWords.Number(latest.Assessment.TrajectoryValue)}."),
            new PaperParagraph($"Owner: {r.Owner}. Lead officer: {t.Lead}." + (t.Rationale.Length > 0 ? $" Rationale: {t.Rationale}" : string.Empty)),
            new PaperChart(page.Trend, TargetCharts.TrendSentence(r), TargetCharts.Width, TargetCharts.Height),
        };
        if (page.Spc is { } spc)
            blocks.Add(new PaperChart(spc, $"XmR chart of {r.SpcValues.Count} points; variation {IconWords.Variation(r.Variation).ToLowerInvariant()}, assurance {IconWords.Assurance(r.Assurance).ToLowerInvariant()}.", TargetCharts.Width, TargetCharts.Height));
        if (page.Neighbours is { } neighbours)
            blocks.Add(new PaperChart(neighbours, $"{r.AreaName} among its neighbours in {latest.Period.Label}, each compared with England.", TargetCharts.Width, 420));
        blocks.Add(new PaperHeading("Latest commentary", 2));
        blocks.Add(page.Summary.LatestCommentary is { } c
            ? new PaperParagraph($"{c.Text}\n— {c.Author}, {c.At.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")
            : new PaperParagraph("No commentary yet."));
        blocks.Add(new PaperHeading("Agreed actions", 2));
        blocks.Add(page.Summary.Actions.Count > 0
            ? new PaperTable($"Agreed actions on target {t.Id}", TargetTables.Actions(page.Summary.Actions))
            : new PaperParagraph("No actions agreed yet."));
        // Each exception on its own pages; the last is followed by the appendix, which starts on a new page too.
        blocks.Add(new PaperPageBreak());
        return new PaperSection($"{number}. {Name(r)}", blocks);
    }

    /// <summary>The open plans as the pack shows them: contract, provider, KPI, period, opened, escalated, why, and the actions.</summary>
    public static TextTable RemedialTable(IEnumerable<RemedialPlanView> plans) => new(
        ["Contract", "Provider", "KPI", "Period", "Opened", "Escalated since", "Why", "Actions"],
        plans.Select(p => (IReadOnlyList<string?>)
        [
            p.Contract.Ref, p.Provider, p.Plan.Kpi, p.Plan.Period, p.Plan.Opened.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            p.EscalatedSince is { } e ? e.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "not escalated", p.Plan.Reason,
            p.Actions.Count == 0 ? "none yet" : string.Join("; ", p.Actions.Select(a => $"{a.What} — {a.Owner}, by {a.Due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({a.Status.Code()})")),
        ]));

    /// <summary>"Smoking prevalence (15+) — NHS Mid and South Essex ICB".</summary>
    public static string Name(TargetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.Indicator.Name} — {report.AreaName}";
    }
}
