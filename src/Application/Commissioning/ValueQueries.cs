using Commonweal.Core.Commissioning;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A contract's (or one of its service lines') value for money in a financial year, and against its baseline contract where it has one.</summary>
/// <param name="Line">The service line's code; null for the contract as a whole.</param>
/// <param name="Baseline">The baseline contract's reference and the year its figures are from.</param>
public sealed record ValueRow(string ContractRef, string Provider, string? Line, string Name, FinancialYear Year, ValueFigures Figures, ValueComparison? Comparison, (string Ref, FinancialYear Year)? Baseline);

/// <summary>
/// Value for money (docs/methods/value-for-money.md), per contract and per service line (one with KPIs of its own) in a financial year: its value
/// over the year (<see cref="ContractTimeline.ValueIn"/>), the people supported (the counts its activity KPIs returned for
/// periods starting in the year — a contract's own activity KPIs, else its lines' added up), the outcomes achieved (its
/// outcome KPIs' numerators), unit cost and cost per outcome; and, for a contract with a baseline (the traditional
/// service it replaced), the same figures of the baseline in the latest year it has activity returns for, and the changes.
/// </summary>
public sealed class ValueQueries(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<ValueRow>> ValueAsync(FinancialYear year, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var contracts = (await db.Contracts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Id);
        var variations = await db.ContractVariations.AsNoTracking().ToListAsync(cancellationToken);
        var lines = (await db.ServiceLines.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.Contract);
        var kpis = (await db.ContractKpis.AsNoTracking().Where(k => k.Role != KpiRole.Quality).ToListAsync(cancellationToken)).ToLookup(k => k.Contract);
        var returns = (await db.KpiReturns.AsNoTracking().Where(r => r.Count != null).Select(r => new { r.Contract, r.Kpi, r.PeriodStart, r.Count }).ToListAsync(cancellationToken))
            .ToLookup(r => r.Contract);
        var providers = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        double Sum(int contract, IEnumerable<ContractKpi> which, FinancialYear fy)
        {
            var codes = which.Select(k => k.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return returns[contract].Where(r => codes.Contains(r.Kpi) && fy.Contains(r.PeriodStart)).Sum(r => r.Count!.Value);
        }

        ValueFigures Figures(Contract c, FinancialYear fy)
        {
            var mine = kpis[c.Id].ToList();
            var activity = mine.Where(k => k.Role == KpiRole.Activity && k.ServiceLine is null).ToList();
            if (activity.Count == 0) activity = [.. mine.Where(k => k.Role == KpiRole.Activity)];
            var outcomes = mine.Where(k => k.Role == KpiRole.Outcome).ToList();
            return new ValueFigures(ContractTimeline.ValueIn(c, variations, fy), Sum(c.Id, activity, fy), outcomes.Count > 0 ? Sum(c.Id, outcomes, fy) : null);
        }

        var rows = new List<ValueRow>();
        foreach (var contract in contracts.Values.Where(viewer.MaySee).OrderBy(c => c.Ref, StringComparer.Ordinal))
        {
            var figures = Figures(contract, year);
            if (figures.ValuePence == 0 && figures.PeopleSupported == 0) continue;
            ValueComparison? comparison = null;
            (string, FinancialYear)? baseline = null;
            if (contract.Baseline is { } b && contracts.TryGetValue(b, out var old))
            {
                var activity = kpis[old.Id].Where(k => k.Role == KpiRole.Activity).Select(k => k.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var years = returns[old.Id].Where(r => activity.Contains(r.Kpi)).Select(r => FinancialYear.Of(r.PeriodStart)).ToList();
                var then = years.Count > 0 ? years.Max() : FinancialYear.Of(ContractTimeline.FinalEnd(old, variations));
                comparison = new ValueComparison(figures, Figures(old, then));
                baseline = (old.Ref, then);
            }

            rows.Add(new ValueRow(contract.Ref, providers[contract.Provider], null, contract.Title, year, figures, comparison, baseline));
            foreach (var line in lines[contract.Id].Where(l => l.EffectiveFrom <= year.End && (l.EffectiveTo is not { } to || to >= year.Start)).OrderBy(l => l.Code, StringComparer.Ordinal))
            {
                var lineKpis = kpis[contract.Id].Where(k => string.Equals(k.ServiceLine, line.Code, StringComparison.OrdinalIgnoreCase)).ToList();
                if (lineKpis.Count == 0) continue;
                var lineValue = LineValue(line, year);
                var outcomeKpis = lineKpis.Where(k => k.Role == KpiRole.Outcome).ToList();
                rows.Add(new ValueRow(contract.Ref, providers[contract.Provider], line.Code, line.Name, year,
                    new ValueFigures(lineValue, Sum(contract.Id, lineKpis.Where(k => k.Role == KpiRole.Activity), year), outcomeKpis.Count > 0 ? Sum(contract.Id, outcomeKpis, year) : null), null, null));
            }
        }

        return rows;
    }

    /// <summary>A service line's yearly value over the days of the year it is in force, to the penny.</summary>
    private static long LineValue(ServiceLine line, FinancialYear year)
    {
        var from = line.EffectiveFrom > year.Start ? line.EffectiveFrom : year.Start;
        var to = line.EffectiveTo is { } end && end < year.End ? end : year.End;
        var days = year.End.DayNumber - year.Start.DayNumber + 1;
        return to < from ? 0 : (long)Math.Round((decimal)line.AnnualValuePence * (to.DayNumber - from.DayNumber + 1) / days, MidpointRounding.AwayFromZero);
    }
}
