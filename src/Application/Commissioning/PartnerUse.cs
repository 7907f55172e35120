using Commonweal.Core.Commissioning;
using Commonweal.Persistence;

namespace Commonweal.Application.Commissioning;

/// <summary>Which partners nothing refers to any more: no target, contract, fund, contribution, commitment, intention or plan.</summary>
public static class PartnerUse
{
    public static IQueryable<Partner> Unused(this IQueryable<Partner> partners, CommonwealDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return partners.Where(p =>
            !db.Targets.Any(t => t.Owner == p.Id)
            && !db.Contracts.Any(c => c.Provider == p.Id || c.Commissioner == p.Id)
            && !db.Funds.Any(f => f.Host == p.Id)
            && !db.FundContributions.Any(c => c.Partner == p.Id)
            && !db.FundCommitments.Any(c => c.Partner == p.Id)
            && !db.Intentions.Any(i => i.Lead == p.Id || i.Provider == p.Id)
            && !db.IntentionPartners.Any(i => i.Partner == p.Id)
            && !db.CommissioningPlans.Any(c => c.Partner == p.Id));
    }
}
