using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>The audit trail, newest first, a page at a time, optionally filtered by actor or action.</summary>
public sealed class AuditQueries(CommonwealDbContext db)
{
    public const int LargestPageSize = 500;

    /// <summary>The furthest page asked for (a billion entries at the smallest page size): beyond it the arithmetic would overflow.</summary>
    public const int LastPage = 1_000_000_000;

    /// <summary>What is wrong with a page and page size, naming the parameter; null when both are good.</summary>
    public static (string Parameter, string Problem)? Check(int page, int pageSize) =>
        page is < 1 or > LastPage ? ("page", $"page must be a whole number from 1 to {LastPage:N0}; it was {page}")
        : pageSize is < 1 or > LargestPageSize ? ("pageSize", $"pageSize must be a whole number from 1 to {LargestPageSize}; it was {pageSize}")
        : null;

    public async Task<IReadOnlyList<AuditEntry>> PageAsync(int page, int pageSize, string? actor = null, string? action = null, CancellationToken cancellationToken = default)
    {
        if (Check(page, pageSize) is { } problem) throw new ArgumentOutOfRangeException(problem.Parameter, problem.Problem);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action == action);
        return await query.OrderByDescending(a => a.Id)
            .Skip((int)Math.Min(int.MaxValue, (page - 1L) * pageSize))
            .Take(pageSize)
            .ToListAsync(cancellationToken);
    }
}
