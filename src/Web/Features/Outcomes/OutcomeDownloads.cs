using System.Globalization;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Outcomes;

/// <summary>
/// Every table of the outcomes pages as <c>.csv</c> or <c>.xlsx</c> (<see cref="Downloads"/>), and the exception pack as a
/// Word document and as a printable page: the same content the command line's <c>report pack</c> writes.
/// </summary>
public static class OutcomeDownloads
{
    public static void MapOutcomeDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("").WithTags("Downloads").RequireAuthorization(Policies.Aggregates);
        files.MapGet("/outcomes/scorecard." + Downloads.FormatRoute, ScorecardAsync).WithSummary("The scorecard: every target by domain, its latest value, status, icons, benchmark and owner");
        files.MapGet("/outcomes/targets." + Downloads.FormatRoute, TargetsAsync).WithSummary("Every target: what, where, baseline, target, deadline, latest, status, icons, owner and lead");
        files.MapGet("/outcomes/status." + Downloads.FormatRoute, StatusAsync).WithSummary("Every target and period from its baseline, as commonweal targets status");
        files.MapGet("/outcomes/targets/{id:int}/periods." + Downloads.FormatRoute, PeriodsAsync).WithSummary("One target's periods from its baseline, as commonweal targets status");
        files.MapGet("/outcomes/coverage." + Downloads.FormatRoute, CoverageAsync).WithSummary("The framework's domains with their indicators, targets and gaps");
        files.MapGet("/outcomes/framework/priorities." + Downloads.FormatRoute, PrioritiesAsync).WithSummary("The ICS priorities mapped onto the current framework");
        files.MapGet("/outcomes/composite." + Downloads.FormatRoute, CompositeAsync).WithSummary("The optional composite: each district's group z-scores and composite scores (read with the caveats of its page)");
        files.MapGet("/outcomes/pack.docx", WordAsync).WithSummary("The exception pack as a Word document for the Health and Wellbeing Board");
        files.MapGet("/outcomes/pack.html", HtmlAsync).WithSummary("The exception pack as a printable page");
    }

    private static async Task<FileContentHttpResult> ScorecardAsync(OutcomeQueries outcomes, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var scorecard = await outcomes.ScorecardAsync(cancellationToken);
        return Downloads.File(format, "Scorecard", TargetTables.Overview(scorecard.Targets), About("The scorecard of the outcomes framework", scorecard), clock.GetUtcNow(), "outcomes", "scorecard");
    }

    private static async Task<FileContentHttpResult> TargetsAsync(OutcomeQueries outcomes, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var scorecard = await outcomes.ScorecardAsync(cancellationToken);
        return Downloads.File(format, "Targets", TargetTables.Summary(scorecard.Targets), About("Every target of the outcomes framework", scorecard), clock.GetUtcNow(), "outcomes", "targets");
    }

    private static async Task<FileContentHttpResult> StatusAsync(OutcomeQueries outcomes, TimeProvider clock, string format, bool? latest, CancellationToken cancellationToken)
    {
        var reports = await outcomes.ReportsAsync(cancellationToken);
        return Downloads.File(format, "Status", TargetTables.Status(reports, latest ?? false),
            new DownloadAbout("Every target's status in each period from its baseline (as commonweal targets status)", DisclosureNote: Note(reports)), clock.GetUtcNow(), "targets", "status");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PeriodsAsync(OutcomeQueries outcomes, TimeProvider clock, int id, string format, CancellationToken cancellationToken)
    {
        if (await outcomes.ReportAsync(id, cancellationToken) is not { } report)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "target not found", detail: $"No target {id} is in the outcomes framework.");
        return Downloads.File(format, "Periods", TargetTables.Status([report], latest: false),
            new DownloadAbout($"Target {id}: {report.Indicator.Name}, {report.AreaName}, each period from the baseline", report.Indicator.Source, report.Indicator.Licence, DisclosureNote: Note([report])),
            clock.GetUtcNow(), "target", id.ToString(CultureInfo.InvariantCulture), "periods");
    }

    private static async Task<FileContentHttpResult> CoverageAsync(OutcomeQueries outcomes, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var (framework, rows) = await outcomes.CoverageAsync(cancellationToken);
        return Downloads.File(format, "Coverage", CoveragePage.Table(rows), new DownloadAbout($"The domains of the framework with their indicators and targets ({framework.Standing})"), clock.GetUtcNow(), "outcomes", "coverage");
    }

    private static async Task<FileContentHttpResult> PrioritiesAsync(FrameworkEditing frameworks, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        return Downloads.File(format, "Priorities", FrameworkPage.PriorityTable(framework), new DownloadAbout($"ICS priorities mapped onto the framework ({framework.Standing})"), clock.GetUtcNow(), "outcomes", "priorities");
    }

    private static async Task<FileContentHttpResult> CompositeAsync(CompositeQueries composites, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        var composite = await composites.ComputeAsync(cancellationToken: cancellationToken);
        return Downloads.File(format, "Composite", CompositePage.Table(composite),
            new DownloadAbout("County Health Rankings-style composite z-scores of the ICS's districts (relative to each other only; see docs/methods/composite-z-scores.md)"),
            clock.GetUtcNow(), "outcomes", "composite");
    }

    private static async Task<FileContentHttpResult> WordAsync(ExceptionPacks packs, CancellationToken cancellationToken)
    {
        var pack = await packs.CurrentAsync(cancellationToken);
        return TypedResults.File(pack.Word, WordDocumentWriter.ContentType, $"exception-pack-{pack.Pack.Date:yyyy-MM-dd}.docx");
    }

    private static async Task<ContentHttpResult> HtmlAsync(ExceptionPacks packs, CancellationToken cancellationToken)
    {
        var pack = await packs.CurrentAsync(cancellationToken);
        return TypedResults.Content(pack.Printable, HtmlDocumentWriter.ContentType);
    }

    private static DownloadAbout About(string title, Scorecard scorecard) =>
        new($"{title} ({scorecard.Framework.Standing})", DisclosureNote: Note(scorecard.Targets.Select(t => t.Report)));

    /// <summary>Says so when any value shown was suppressed or rounded under its indicator's disclosure rule.</summary>
    private static string? Note(IEnumerable<TargetReport> reports) =>
        reports.SelectMany(r => r.Periods).Any(p => p.Shown.Note is not null)
            ? "Some values are suppressed or rounded under their indicator's disclosure rule (small numbers); the status is worked out from the data as stored."
            : null;
}
