using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Admin;

/// <summary>The audit trail for administrators: <c>GET /api/audit?page=&amp;pageSize=&amp;actor=&amp;action=</c>, newest first.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", AuditAsync).WithTags("Administration").RequireAuthorization(Policies.Administration)
            .WithSummary("The audit trail, newest first (administrators only)")
            .WithDescription("page from 1 (default 1), pageSize 1–500 (default 100); actor and action filter exactly. Each entry: when, who, what, which record, detail, and for web requests the client's address and User-Agent.");

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> AuditAsync(AuditQueries audit, int? page, int? pageSize, string? actor, string? action, CancellationToken cancellationToken)
    {
        if (AuditQueries.Check(page ?? 1, pageSize ?? 100) is { } problem)
            return ApiProblems.BadParameter(problem.Parameter, "parameter out of range", problem.Problem);
        return TypedResults.Ok(await audit.PageAsync(page ?? 1, pageSize ?? 100, actor, action, cancellationToken));
    }
}
