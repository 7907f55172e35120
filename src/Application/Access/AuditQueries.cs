using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>The audit trail, newest first, a page at a time, optionally filtered by actor or action.</summary>
public sealed class AuditQueries(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<AuditEntry>> PageAsync(int page, int pageSize, string? actor = null, string? action = null, CancellationToken cancellationToken = default)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action == action);
        return await query.OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, page - 1) * pageSize)
            .Take(Math.Clamp(pageSize, 1, 500))
            .ToListAsync(cancellationToken);
    }
}
