namespace Commonweal.Core.Commissioning;

/// <summary>A contract as it stood on one day: its value and end after the variations in force, and its service lines and KPIs in force.</summary>
/// <param name="InForce">Whether the day falls in the term (start to the end as varied by then).</param>
/// <param name="Variations">The variations in force by the day (effective on or before it), in number order.</param>
public sealed record ContractState(
    Contract Contract,
    DateOnly AsAt,
    bool InForce,
    long AnnualValuePence,
    DateOnly End,
    IReadOnlyList<ContractVariation> Variations,
    IReadOnlyList<ServiceLine> Lines,
    IReadOnlyList<ContractKpi> Kpis);

/// <summary>
/// A contract "as at" a day (docs/methods/contract-register.md): the variations effective on or before the day apply in
/// order of effective date then number, each setting the yearly value and the end of term it names; service lines and KPIs
/// are those whose effective range contains the day (none when the day is outside the term). So a KPI added by a variation effective 2023-04-01 is not in force on
/// 2023-03-31 and is from 2023-04-01.
/// </summary>
public static class ContractTimeline
{
    /// <summary>The last day of the term once every variation has applied (the end of the latest variation that names one, else the end as let).</summary>
    public static DateOnly FinalEnd(Contract contract, IEnumerable<ContractVariation> variations)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return variations.Where(v => v.Contract == contract.Id && v.End is not null)
            .OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Number).LastOrDefault()?.End ?? contract.End;
    }

    public static ContractState AsAt(
        Contract contract, IEnumerable<ContractVariation> variations, IEnumerable<ServiceLine> lines, IEnumerable<ContractKpi> kpis, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var applied = variations.Where(v => v.Contract == contract.Id && v.EffectiveFrom <= day)
            .OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Number).ToList();
        var value = contract.AnnualValuePence;
        var end = contract.End;
        foreach (var variation in applied)
        {
            if (variation.AnnualValuePence is { } v) value = v;
            if (variation.End is { } e) end = e;
        }

        var inForce = day >= contract.Start && day <= end;
        return new ContractState(
            contract,
            day,
            inForce,
            value,
            end,
            [.. applied.OrderBy(v => v.Number)],
            inForce ? [.. lines.Where(l => l.Contract == contract.Id && l.EffectiveFrom <= day && (l.EffectiveTo is not { } to || day <= to)).OrderBy(l => l.Code, StringComparer.Ordinal)] : [],
            inForce ? [.. kpis.Where(k => k.Contract == contract.Id && k.InForceOn(day)).OrderBy(k => k.Code, StringComparer.Ordinal)] : []);
    }

    /// <summary>
    /// What the contract is worth over a financial year: each day in its term counts its yearly value as varied by then,
    /// divided by the days of the year (so a whole year at £365,000 is £365,000, and half a year half that), to the penny.
    /// </summary>
    public static long ValueIn(Contract contract, IReadOnlyList<ContractVariation> variations, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(variations);
        var mine = variations.Where(v => v.Contract == contract.Id).ToList();
        var points = new SortedSet<DateOnly> { year.Start };
        foreach (var day in mine.Select(v => v.EffectiveFrom).Append(contract.Start).Append(contract.End.AddDays(1)).Concat(mine.Where(v => v.End is not null).Select(v => v.End!.Value.AddDays(1))))
            if (day > year.Start && day <= year.End) points.Add(day);
        var days = year.End.DayNumber - year.Start.DayNumber + 1;
        decimal total = 0;
        var list = points.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var from = list[i];
            var to = i + 1 < list.Count ? list[i + 1].AddDays(-1) : year.End;
            var state = AsAt(contract, mine, [], [], from);
            if (state.InForce) total += (decimal)state.AnnualValuePence * (to.DayNumber - from.DayNumber + 1);
        }

        return (long)Math.Round(total / days, MidpointRounding.AwayFromZero);
    }
}
