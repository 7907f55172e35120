using Commonweal.Application.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// The services referrals can be routed to — community offers and the contracted professional services — and how many
/// open support lines each holds (an open case's lines count against its service's capacity).
/// </summary>
public sealed class ServiceDirectory(CommonwealDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<ReferralService>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ReferralServices.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken = default) =>
        (await db.ReferralServices.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Open support lines by service code: lines of cases not yet completed, closed or declined.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenLinesAsync(CancellationToken cancellationToken = default)
    {
        var open = OpenCases(db);
        var counts = await db.SupportLines.AsNoTracking().Where(l => l.Service != null && open.Contains(l.Case))
            .GroupBy(l => l.Service!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
    }

    /// <summary>Replaces the directory with these services, audited; lines already planned keep their codes.</summary>
    public async Task ReplaceAsync(IReadOnlyList<ReferralService> services, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ReferralServices.ExecuteDeleteAsync(cancellationToken);
        db.ReferralServices.AddRange(services);
        audit.Record(actor, "referral-services.replace", "ReferralService", "*", $"{services.Count} services: {string.Join(", ", services.Select(s => s.Code))}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static IQueryable<Guid> OpenCases(CommonwealDbContext db) =>
        db.Cases.Where(c => c.Status != CaseStatus.Completed && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Declined).Select(c => c.Id);
}
