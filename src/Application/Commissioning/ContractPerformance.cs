using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A KPI with its measure and its report against the returns (status, why, every period, SPC).</summary>
public sealed record KpiReport(ContractKpi Kpi, Indicator Indicator, TargetReport Report);

/// <summary>How a contract's KPIs stand: each read against its returns by <see cref="KpiReporting"/>.</summary>
public sealed class ContractPerformance(CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache placeCache)
{
    /// <summary>The reports of the given KPIs of the contract against the given returns.</summary>
    public async Task<IReadOnlyList<KpiReport>> ReportsAsync(Contract contract, IReadOnlyList<ContractKpi> kpis, IReadOnlyList<KpiReturn> returns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(kpis);
        var ids = kpis.Select(k => k.Indicator).Distinct().ToList();
        var indicators = await ContractMeasures.LoadAsync(db, ids, cancellationToken);
        var provider = await db.Partners.AsNoTracking().Where(p => p.Id == contract.Provider).Select(p => p.Name).FirstAsync(cancellationToken);
        var places = await placeCache.GetAsync(contexts, cancellationToken);
        var byCode = returns.GroupBy(r => r.Kpi, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        // Each KPI is read on its own (pure work over the shared, thread-safe place timeline): in parallel, kept in order.
        return [.. kpis.Where(k => indicators.ContainsKey(k.Indicator)).OrderBy(k => k.Code, StringComparer.Ordinal).AsParallel().AsOrdered()
            .Select(k => new KpiReport(k, indicators[k.Indicator], KpiReporting.Report(k, contract, provider, indicators[k.Indicator], byCode.GetValueOrDefault(k.Code, []), places)))];
    }
}
