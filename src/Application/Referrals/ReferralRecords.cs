using Commonweal.Application.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Reads of referrals' FHIR resources, as stored (no parse, no serialise), for those who may see them; every resource
/// of a person that is read is audited, in searches as in reads.
/// </summary>
public sealed class ReferralRecords(CommonwealDbContext db, AuditLog audit)
{
    /// <summary>The most entries a search page holds.</summary>
    public const int MaxPage = 1000;

    public sealed record Page(int Total, IReadOnlyList<StoredResource> Resources);

    /// <summary>The resource, null when there is none by that id or the viewer may not see it (they are not told which).</summary>
    public async Task<StoredResource?> ReadAsync(string type, string id, ReferralViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.MaySeeAny) return null;
        var resource = await Visible(db.FhirResources.AsNoTracking().Where(r => r.Type == type && r.Id == id), viewer).FirstOrDefaultAsync(cancellationToken);
        if (resource is null) return null;
        audit.Record(viewer.Name, "referral.read", "Referral", resource.Referral.ToString(), $"{type}/{id}");
        await db.SaveChangesAsync(cancellationToken);
        return resource;
    }

    /// <summary>ServiceRequests by identifier (system|value, or a value in any system).</summary>
    public Task<Page> ServiceRequestsAsync(string? system, string value, ReferralViewer viewer, int count, int offset, CancellationToken cancellationToken = default)
    {
        var referrals = db.Referrals.Where(r => r.IdentifierValue == value && (system == null || r.IdentifierSystem == system)).Select(r => r.Id);
        return SearchAsync(db.FhirResources.Where(r => r.Type == "ServiceRequest" && referrals.Contains(r.Referral)), viewer, count, offset, "ServiceRequest?identifier", cancellationToken);
    }

    /// <summary>Tasks by status, owner (e.g. Organization/12) and focus (e.g. ServiceRequest/…), each optional.</summary>
    public Task<Page> TasksAsync(IReadOnlyList<string> statuses, string? owner, string? focus, ReferralViewer viewer, int count, int offset, CancellationToken cancellationToken = default)
    {
        var tasks = db.FhirResources.Where(r => r.Type == "Task");
        if (statuses.Count > 0) tasks = tasks.Where(r => r.Status != null && statuses.Contains(r.Status));
        if (owner is not null) tasks = tasks.Where(r => r.Owner == owner);
        if (focus is not null)
        {
            var id = focus.StartsWith("ServiceRequest/", StringComparison.Ordinal) ? focus["ServiceRequest/".Length..] : focus;
            tasks = Guid.TryParse(id, out var referral) ? tasks.Where(r => r.Referral == referral) : tasks.Where(r => false);
        }

        return SearchAsync(tasks, viewer, count, offset, "Task?search", cancellationToken);
    }

    private async Task<Page> SearchAsync(IQueryable<StoredResource> query, ReferralViewer viewer, int count, int offset, string what, CancellationToken cancellationToken)
    {
        if (!viewer.MaySeeAny) return new Page(0, []);
        var visible = Visible(query.AsNoTracking(), viewer);
        var total = await visible.CountAsync(cancellationToken);
        var page = total == 0 || count == 0
            ? []
            : await visible.OrderBy(r => r.LastUpdated).ThenBy(r => r.Id).Skip(offset).Take(Math.Clamp(count, 0, MaxPage)).ToListAsync(cancellationToken);
        if (page.Count > 0)
        {
            await audit.RecordAllAsync(viewer.Name, "referral.read", "Referral", what, page.Select(r => $"{r.Type}/{r.Id} of referral {r.Referral}"), cancellationToken);
        }

        return new Page(total, page);
    }

    private IQueryable<StoredResource> Visible(IQueryable<StoredResource> query, ReferralViewer viewer)
    {
        if (viewer.SeesAll) return query;
        var name = viewer.Name;
        var partner = viewer.Partner;
        var owner = viewer.OwnerReference;
        var isReferrer = viewer.IsReferrer;
        var isProvider = viewer.IsProvider;
        var sent = db.Referrals.Where(r => isReferrer && (r.ReferredBy == name || (partner != null && r.ReferrerPartner == partner))).Select(r => r.Id);
        var owned = db.FhirResources.Where(t => isProvider && t.Type == "Task" && t.Owner == owner).Select(t => t.Referral);
        return query.Where(r => sent.Contains(r.Referral) || owned.Contains(r.Referral));
    }
}
