using System.Security.Claims;
using Commonweal.Application.Referrals;
using Commonweal.Web.Features.Referrals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Cases;

/// <summary>
/// The case pages' downloads: the caseload with the page's filter (every matching case, not one page), its counts by
/// status, and a case's changes. For those the case pages are for; each person read is audited as on the pages.
/// </summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var csv = app.MapGroup("/cases").WithTags("Downloads");
        app.MapGet("/cases.csv", CaseloadCsvAsync).WithTags("Downloads").RequireAuthorization(Policies.Referrals)
            .WithSummary("The signed-in user's caseload (status, service, breached filters as on /cases), most overdue first; each case's read audited");
        csv.MapGet("/statuses.csv", StatusesCsvAsync).RequireAuthorization(Policies.Referrals).WithSummary("The signed-in user's cases in each status, and those breached");
        csv.MapGet("/{id}/events.csv", EventsCsvAsync).RequireAuthorization(Policies.Referrals).WithSummary("A case's changes, each dated and by whom; the read audited");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CaseloadCsvAsync(
        ClaimsPrincipal user, ReferralViewers viewers, Caseloads caseloads, string? status, string? service, string? breached, CancellationToken cancellationToken)
    {
        var query = CaseloadQuery.Parse(status, service, breached, null);
        if (!query.IsValid) return Bad(query);
        var caseload = await caseloads.AllAsync(await viewers.OfAsync(user), query.Filter, cancellationToken);
        return caseload is null ? NoCaseload() : Csv.File(Csv.FileName("cases", caseload.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), CaseTables.Caseload(caseload));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StatusesCsvAsync(ClaimsPrincipal user, ReferralViewers viewers, Caseloads caseloads, CancellationToken cancellationToken)
    {
        var caseload = await caseloads.CountsAsync(await viewers.OfAsync(user), cancellationToken);
        return caseload is null ? NoCaseload() : Csv.File(Csv.FileName("cases", "statuses"), CaseTables.Statuses(caseload));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> EventsCsvAsync(
        ClaimsPrincipal user, ReferralViewers viewers, CaseDetails details, string id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.OfAsync(user);
        if (!viewer.MaySeeAny) return NoCaseload();
        if (!Guid.TryParse(id, out var key) || await details.ShowAsync(key, viewer, cancellationToken) is not { } detail) return TypedResults.NotFound();
        return Csv.File(Csv.FileName("case", key.ToString("N"), "events"), CaseTables.Events(detail.Events));
    }

    private static ProblemHttpResult Bad(CaseloadQuery query) =>
        TypedResults.Problem(title: query.Problems[0].Title, detail: string.Join(" ", query.Problems.Select(p => p.Detail)), statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A provider's member of staff whose account names no organisation: they hold no cases.</summary>
    internal static ProblemHttpResult NoCaseload() =>
        TypedResults.Problem(title: "No caseload", detail: CasePages.NoCaseload, statusCode: StatusCodes.Status403Forbidden);
}
