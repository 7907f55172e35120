using Commonweal.Application.Commissioning;
using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>A completed case counted towards a KPI: which case, when it was completed, on which service, and whether it met the measure.</summary>
public sealed record CountedCase(Guid Case, DateTimeOffset Completed, string Service, bool Met);

/// <summary>A KPI's actual for one period from referral outcomes, with the cases it counted.</summary>
public sealed record OutcomeActual(ContractKpi Kpi, IndicatorPeriod Period, IReadOnlyList<CountedCase> Cases)
{
    public int Count => Cases.Count(c => c.Met);

    public int Denominator => Cases.Count;

    /// <summary>The actual as a return of the KPI (not stored: id and batch 0), its note saying where it came from.</summary>
    public KpiReturn AsReturn() => new(0, Kpi.Contract, Kpi.Code, Period.Label, Period.Start, Period.End, Count, Denominator, null,
        $"from referral outcomes: {Count:N0} of {Denominator:N0} completed {(Denominator == 1 ? "case" : "cases")}", 0);
}

/// <summary>
/// A contract's KPIs read from referral outcomes (docs/methods/referral-outcomes.md): a case completed with a structured
/// outcome on a support line whose service is tied to the contract (<see cref="ReferralService.ContractRef"/>, and to the
/// KPI's service line where the KPI names one) counts towards each of the contract's KPIs whose measure outcomes count
/// towards — weight loss of 5 % (a weight line), four-week quits (a smoking line), life satisfaction improved (any line) —
/// by the rules of <see cref="OutcomeIndicators.Counts"/>, in the period of the KPI's frequency in which it was completed,
/// under the version of the KPI in force that day. Worked out when the contract is read, from the outcomes themselves, so
/// nothing is copied and every actual can say which cases it counted; a return the provider submitted for a KPI and period
/// stands instead (it may count people who did not come through the front door).
/// </summary>
public sealed class OutcomeReturns(CommonwealDbContext db)
{
    /// <summary>The actuals of periods that had ended by the day, by KPI code then period.</summary>
    public async Task<IReadOnlyList<OutcomeActual>> ActualsAsync(Contract contract, IReadOnlyList<ContractKpi> kpis, DateOnly asAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(kpis);
        var counted = kpis.Where(k => OutcomeIndicators.Measures(k.Indicator)).ToList();
        if (counted.Count == 0) return [];
        var services = await db.ReferralServices.AsNoTracking().Where(s => s.ContractRef == contract.Ref).Select(s => new { s.Code, s.ServiceLine }).ToListAsync(cancellationToken);
        if (services.Count == 0) return [];
        var codes = services.Select(s => s.Code).ToList();
        var lineOf = services.ToDictionary(s => s.Code, s => s.ServiceLine, StringComparer.Ordinal);
        var lines = await db.SupportLines.AsNoTracking().Where(l => l.Service != null && codes.Contains(l.Service))
            .Select(l => new { l.Case, l.Need, Service = l.Service! }).ToListAsync(cancellationToken);
        var cases = lines.Select(l => l.Case).Distinct().ToList();
        var outcomes = new List<RecordedOutcome>();
        foreach (var chunk in cases.Chunk(500))
            outcomes.AddRange(await db.CaseOutcomes.AsNoTracking().Where(o => chunk.Contains(o.Case)).ToListAsync(cancellationToken));
        var linesOf = lines.ToLookup(l => l.Case);
        var indicators = await ContractMeasures.LoadAsync(db, [.. counted.Select(k => k.Indicator).Distinct()], cancellationToken);
        foreach (var own in OutcomeIndicators.Catalogue) indicators.TryAdd(own.Id, own);

        var groups = new Dictionary<(string Code, string Period), (ContractKpi Kpi, IndicatorPeriod Period, List<CountedCase> Cases)>();
        foreach (var outcome in outcomes.OrderBy(o => o.Completed))
        {
            var day = DateOnly.FromDateTime(outcome.Completed.UtcDateTime);
            foreach (var kpi in counted.Where(k => k.InForceOn(day)))
            {
                var need = NeedOf(kpi.Indicator);
                var line = linesOf[outcome.Case].FirstOrDefault(l => (need is null || l.Need == need) && (kpi.ServiceLine is null || string.Equals(lineOf[l.Service], kpi.ServiceLine, StringComparison.OrdinalIgnoreCase)));
                if (line is null || OutcomeIndicators.Counts(kpi.Indicator, outcome) is not { } met) continue;
                if (PeriodOf(indicators[kpi.Indicator].Frequency, day) is not { } period || period.End > asAt) continue;
                var key = (kpi.Code.ToUpperInvariant(), period.Label);
                if (!groups.TryGetValue(key, out var group)) groups[key] = group = (kpi, period, []);
                group.Cases.Add(new CountedCase(outcome.Case, outcome.Completed, line.Service, met));
            }
        }

        return [.. groups.Values.OrderBy(g => g.Kpi.Code, StringComparer.Ordinal).ThenBy(g => g.Period).Select(g => new OutcomeActual(g.Kpi, g.Period, g.Cases))];
    }

    /// <summary>The returns to read a contract's KPIs against: those submitted, and the outcomes' actuals of every KPI and period without one.</summary>
    public static IReadOnlyList<KpiReturn> Merge(IReadOnlyList<KpiReturn> submitted, IReadOnlyList<OutcomeActual> actuals)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(actuals);
        var held = submitted.Select(r => (r.Kpi.ToUpperInvariant(), r.Period)).ToHashSet();
        return [.. submitted, .. actuals.Where(a => !held.Contains((a.Kpi.Code.ToUpperInvariant(), a.Period.Label))).Select(a => a.AsReturn())];
    }

    /// <summary>The period of a frequency a day falls in: its month ("Apr-24"), financial quarter ("2024/25 Q1") or financial year ("2024/25").</summary>
    public static IndicatorPeriod? PeriodOf(ReportingFrequency frequency, DateOnly day) => frequency switch
    {
        ReportingFrequency.Monthly => IndicatorPeriod.Month(day.Year, day.Month),
        ReportingFrequency.Quarterly => OutcomeIndicators.Quarter(day),
        ReportingFrequency.Annual => IndicatorPeriod.Parse(PeriodLabels.Financial(day.Month >= 4 ? day.Year : day.Year - 1)),
        _ => null,
    };

    /// <summary>The need of the line a case must have had on the contract's service to count towards the measure (null: any line).</summary>
    private static Need? NeedOf(IndicatorId measure) =>
        measure == OutcomeIndicators.WeightLoss || measure == ContractMeasures.WeightLoss ? Need.Weight
        : measure == OutcomeIndicators.FourWeekQuits || measure == ContractMeasures.FourWeekQuits ? Need.Smoking
        : null;
}
