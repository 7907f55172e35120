using Commonweal.Application.Indicators;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// A KPI read against its provider's returns by the outcomes framework's machinery (docs/methods/contract-performance.md):
/// the returns become the values of the KPI's measure for its place (counts worked out by the method the indicator's value
/// type fixes, with confidence intervals), and <see cref="TargetReporting"/> gives the status of every period, why, and the
/// Making Data Count chart and icons — exactly as for a target of the framework. The returns stay apart from the
/// indicator's published values: only those who may see the contract see them.
/// </summary>
public static class KpiReporting
{
    /// <summary>The KPI as a target: its measure, place, baseline, target, deadline and trajectory, owned by the provider.</summary>
    public static Target AsTarget(ContractKpi kpi, Contract contract)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(contract);
        return new Target(kpi.Id, kpi.Indicator, kpi.Area, Sex.Persons, IndicatorValue.AllAges, "", kpi.BaselinePeriod, kpi.BaselineValue, kpi.TargetValue,
            kpi.DeadlinePeriod, kpi.Trajectory, contract.Provider, kpi.Lead, $"KPI {kpi.Code} of contract {contract.Ref}", contract.Created, contract.CreatedBy);
    }

    /// <summary>The KPI's report from the returns of its code (those of other KPIs and contracts are passed over).</summary>
    public static TargetReport Report(ContractKpi kpi, Contract contract, string provider, Indicator indicator, IEnumerable<KpiReturn> returns, PlaceTimeline places)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(places);
        var area = places.Find(kpi.Area);
        var values = returns
            .Where(r => r.Contract == kpi.Contract && string.Equals(r.Kpi, kpi.Code, StringComparison.OrdinalIgnoreCase))
            .Select(r => Value(r, kpi, area, indicator))
            .ToList();
        // The returns are all of the KPI's place, and its report reads only that place: nothing to add up to the other levels.
        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), places, addUp: false);
        return TargetReporting.Report(AsTarget(kpi, contract), provider, table);
    }

    /// <summary>A return as a value of the measure: from its counts (worked out again by the engine) or as given.</summary>
    private static IndicatorValue Value(KpiReturn r, ContractKpi kpi, Area? area, Indicator indicator)
    {
        var fromCounts = r.Count is not null && (r.Denominator is not null || !ValueMethods.NeedsDenominator(indicator.ValueType));
        return new IndicatorValue(kpi.Indicator, kpi.Area, area?.Type ?? AreaType.Ics, area?.Name ?? kpi.Area.Value, r.Period, r.PeriodStart, r.PeriodEnd,
            Sex.Persons, IndicatorValue.AllAges, "", "", r.Count, r.Denominator, fromCounts ? null : r.Value, null, null, null, null,
            r.Note.Length == 0 ? null : r.Note, null, null, fromCounts ? ValueSource.Computed : ValueSource.Published);
    }
}
