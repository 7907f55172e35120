using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A contract in the register's list, as at a day: the columns of <c>contracts list</c> and a little more.</summary>
public sealed record ContractSummary(
    string Ref, string Provider, string Title, DateOnly Start, DateOnly End, long AnnualValuePence, string Commissioner, ProcurementRoute Route, bool InForce, int OpenPlans);

/// <summary>A contract as at a day, with everything its page shows.</summary>
public sealed record ContractView(
    ContractState State,
    Partner Provider,
    Partner Commissioner,
    Contract? Baseline,
    IReadOnlyList<ContractVariation> AllVariations,
    IReadOnlyList<ServiceLine> AllLines,
    IReadOnlyList<ContractKpi> AllKpis,
    IReadOnlyList<KpiReport> Kpis,
    IReadOnlyList<(FundCommitment Commitment, string Fund, string Partner, long Spent)> Funding,
    IReadOnlyList<(int Id, string FileName, string ContentType, long Size, int? Variation, DateTimeOffset At, string By)> Documents,
    IReadOnlyList<ReturnBatch> Returns,
    IReadOnlyList<RemedialPlanView> Plans,
    IReadOnlyList<Referrals.OutcomeActual>? FromOutcomes = null)
{
    public Contract Contract => State.Contract;
}

/// <summary>
/// The contract register (docs/methods/contract-register.md): every contract as at a day, and one contract as at a day
/// with its variations, service lines, KPIs (each read against the returns of periods ended by that day), funding, documents, returns and remedial
/// plans. Providers see only their own organisation's contracts; every read of a contract is audited, and a refusal too.
/// </summary>
public sealed class ContractRegister(CommonwealDbContext db, AuditLog audit, ContractPerformance performance, RemedialPlanning plans, Referrals.OutcomeReturns outcomeReturns)
{
    public async Task<IReadOnlyList<ContractSummary>> ListAsync(DateOnly asAt, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var contracts = await db.Contracts.AsNoTracking().ToListAsync(cancellationToken);
        var visible = contracts.Where(viewer.MaySee).ToList();
        var variations = (await db.ContractVariations.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.Contract);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var open = (await db.RemedialPlans.AsNoTracking().Where(p => p.Closed == null).Select(p => p.Contract).ToListAsync(cancellationToken))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        audit.Record(viewer.Name, "contract.list", "contract", "*", $"as at {asAt:yyyy-MM-dd}: {visible.Count} contracts");
        await db.SaveChangesAsync(cancellationToken);
        return [.. visible.Select(c =>
        {
            var state = ContractTimeline.AsAt(c, variations[c.Id], [], [], asAt);
            return new ContractSummary(c.Ref, partners[c.Provider], c.Title, c.Start, state.End, state.AnnualValuePence, partners[c.Commissioner], c.Route, state.InForce, open.GetValueOrDefault(c.Id));
        }).OrderBy(s => s.Ref, StringComparer.Ordinal)];
    }

    /// <summary>One contract as at a day; a refusal when there is none (404) or the viewer may not see it (403, audited).</summary>
    public async Task<Answer<ContractView>> ShowAsync(string reference, DateOnly asAt, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Ref == reference, cancellationToken);
        if (contract is null) return new Refusal("contract not found", $"No contract {reference} is in the register.", RefusalKind.NotFound);
        if (!viewer.MaySee(contract))
        {
            audit.Record(viewer.Name, "contract.refused", "contract", contract.Ref, "not the user's organisation's contract");
            await db.SaveChangesAsync(cancellationToken);
            return new Refusal("forbidden", $"{contract.Ref} is another organisation's contract.", RefusalKind.Forbidden);
        }

        var variations = await db.ContractVariations.AsNoTracking().Where(v => v.Contract == contract.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.Contract == contract.Id).ToListAsync(cancellationToken);
        var kpis = await db.ContractKpis.AsNoTracking().Where(k => k.Contract == contract.Id).ToListAsync(cancellationToken);
        var state = ContractTimeline.AsAt(contract, variations, lines, kpis, asAt);
        var baseline = contract.Baseline is { } b ? await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == b, cancellationToken) : null;
        // As at a past day a KPI is read as it stood then: only the returns of periods that had ended by the day.
        // KPIs that referral outcomes count towards take their actual from them for every period the provider returned nothing.
        var submitted = await db.KpiReturns.AsNoTracking().Where(r => r.Contract == contract.Id && r.PeriodEnd <= asAt).ToListAsync(cancellationToken);
        var fromOutcomes = await outcomeReturns.ActualsAsync(contract, kpis, asAt, cancellationToken);
        var returns = Referrals.OutcomeReturns.Merge(submitted, fromOutcomes);
        var reports = await performance.ReportsAsync(contract, state.InForce ? state.Kpis : Latest(kpis, asAt), returns, cancellationToken);
        var commitments = await db.FundCommitments.AsNoTracking().Where(c => c.Contract == contract.Id).OrderBy(c => c.Year).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var commitmentIds = commitments.Select(c => c.Id).ToList();
        var spent = (await db.FundSpend.AsNoTracking().Where(x => commitmentIds.Contains(x.Commitment)).Select(x => new { x.Commitment, x.AmountPence }).ToListAsync(cancellationToken))
            .GroupBy(x => x.Commitment).ToDictionary(g => g.Key, g => g.Sum(x => x.AmountPence));
        var fundIds = commitments.Select(c => c.Fund).Distinct().ToList();
        var fundCodes = await db.Funds.AsNoTracking().Where(f => fundIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var partnerIds = commitments.Select(c => c.Partner).Append(contract.Provider).Append(contract.Commissioner).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var documents = await db.ContractDocuments.AsNoTracking().Where(d => d.Contract == contract.Id).OrderBy(d => d.At)
            .Select(d => new { d.Id, d.FileName, d.ContentType, d.Size, d.Variation, d.At, d.By }).ToListAsync(cancellationToken);
        var batches = await db.ReturnBatches.AsNoTracking().Where(r => r.Contract == contract.Id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var contractPlans = await plans.ListAsync(viewer, openOnly: false, contract.Id, cancellationToken);
        audit.Record(viewer.Name, "contract.read", "contract", contract.Ref, $"as at {asAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new ContractView(
            state,
            partners[contract.Provider],
            partners[contract.Commissioner],
            baseline,
            variations,
            [.. lines.OrderBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.EffectiveFrom)],
            [.. kpis.OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.EffectiveFrom)],
            reports,
            [.. commitments.Select(c => (c, fundCodes[c.Fund], partners[c.Partner].Name, spent.GetValueOrDefault(c.Id)))],
            [.. documents.Select(d => (d.Id, d.FileName, d.ContentType, d.Size, d.Variation, d.At, d.By))],
            batches,
            contractPlans,
            fromOutcomes);
    }

    /// <summary>The last version of each KPI that had started by the day (for a contract not in force on it).</summary>
    private static List<ContractKpi> Latest(IEnumerable<ContractKpi> kpis, DateOnly asAt) =>
        [.. kpis.Where(k => k.EffectiveFrom <= asAt).GroupBy(k => k.Code, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(k => k.EffectiveFrom)!)];
}
