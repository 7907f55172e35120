using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// The cases a viewer may see, as a query the store answers: every case for coordinators and administrators; for a
/// referrer, the cases of the referrals they or their organisation sent; for a provider, the cases whose Task its
/// organisation owns (a case handed back to triage leaves its caseload); none for anyone else.
/// </summary>
internal static class CaseloadAccess
{
    public static IQueryable<ReferralCase> Visible(CommonwealDbContext db, ReferralViewer viewer)
    {
        var cases = db.Cases.AsNoTracking();
        if (viewer.SeesAll) return cases;
        if (!viewer.MaySeeAny) return cases.Where(c => false);
        var name = viewer.Name;
        var partner = viewer.Partner;
        var owner = viewer.OwnerReference;
        var sent = db.Referrals.Where(r => r.ReferredBy == name || (partner != null && r.ReferrerPartner == partner)).Select(r => r.Id);
        var owned = db.FhirResources.Where(t => t.Type == "Task" && t.Owner == owner).Select(t => t.Referral);
        return (viewer.IsReferrer, viewer.IsProvider) switch
        {
            (true, false) => cases.Where(c => sent.Contains(c.Id)),
            (false, true) => cases.Where(c => owned.Contains(c.Id)),
            _ => cases.Where(c => sent.Contains(c.Id) || owned.Contains(c.Id)),
        };
    }
}
