using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Core.Commissioning;

/// <summary>
/// A contract or grant in the register, as let: its provider, the partner that leads on it, how it was procured, its
/// term and yearly value (whole pence). Variations (<see cref="ContractVariation"/>) change the value, term, service lines
/// and KPIs from their effective dates; <see cref="ContractTimeline"/> gives the contract as at any day.
/// </summary>
/// <param name="Ref">The register's reference, unique, e.g. "ECC-IWS-2022".</param>
/// <param name="Commissioner">The lead commissioning partner.</param>
/// <param name="End">The last day of the term as let (inclusive).</param>
/// <param name="Intention">The commissioning intention it was let from, if it went through the pipeline.</param>
/// <param name="Baseline">The contract it is compared with for value (the traditional service it replaced), if any.</param>
public sealed record Contract(
    int Id,
    string Ref,
    string Title,
    int Provider,
    int Commissioner,
    ProcurementRoute Route,
    DateOnly Start,
    DateOnly End,
    long AnnualValuePence,
    int? Intention,
    int? Baseline,
    string Description,
    DateTimeOffset Created,
    string CreatedBy);

/// <summary>
/// A variation of a contract, numbered from 1, agreed on a day and in force from <paramref name="EffectiveFrom"/>: a new
/// yearly value, a new end of term, or neither (a variation of service lines or KPIs only, which name it).
/// </summary>
public sealed record ContractVariation(
    int Id,
    int Contract,
    int Number,
    DateOnly EffectiveFrom,
    string Summary,
    long? AnnualValuePence,
    DateOnly? End,
    DateTimeOffset Created,
    string CreatedBy);

/// <summary>
/// What a contract delivers, where: a focus area of the County Health Rankings model, in a place, for a yearly value
/// (the part of the contract's value it accounts for). In force from <paramref name="EffectiveFrom"/> to
/// <paramref name="EffectiveTo"/> (inclusive; null while it runs to the end of the contract).
/// </summary>
/// <param name="Code">Its code within the contract, e.g. "WM" (unique there).</param>
public sealed record ServiceLine(
    int Id,
    int Contract,
    string Code,
    string Name,
    FocusArea FocusArea,
    AreaCode Area,
    long AnnualValuePence,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo);

/// <summary>What a KPI counts towards value for money.</summary>
public enum KpiRole
{
    /// <summary>People supported (a count per period): the denominator of unit cost.</summary>
    Activity,

    /// <summary>Outcomes achieved (the numerator of a proportion, or a count): the denominator of cost per outcome.</summary>
    Outcome,

    /// <summary>Any other measure of the service (waiting times, satisfaction).</summary>
    Quality,
}

/// <summary>
/// A KPI: a SMART target (the outcomes framework's machinery: baseline, target, deadline, trajectory, status from the data)
/// scoped to a contract. Its values are the provider's returns under its <paramref name="Code"/>. In force from
/// <paramref name="EffectiveFrom"/> to <paramref name="EffectiveTo"/> (inclusive; null while open): a variation that
/// changes a KPI ends the old one the day before and starts the new one under the same code, so its returns carry on.
/// </summary>
/// <param name="Code">The KPI's id in the contract and its returns, e.g. "WM1".</param>
/// <param name="Indicator">The measure, from the indicator catalogue (its value type fixes how returns are worked out).</param>
/// <param name="Area">The place the KPI measures.</param>
/// <param name="Lead">The provider's officer responsible for it.</param>
/// <param name="ServiceLine">The service line it measures (its code), or null for the whole contract.</param>
public sealed record ContractKpi(
    int Id,
    int Contract,
    string Code,
    IndicatorId Indicator,
    AreaCode Area,
    KpiRole Role,
    string BaselinePeriod,
    double BaselineValue,
    double TargetValue,
    string DeadlinePeriod,
    string Trajectory,
    string Lead,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string? ServiceLine = null)
{
    public bool InForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is not { } to || day <= to);
}

public static class KpiRoles
{
    public static string Code(this KpiRole role) => role switch
    {
        KpiRole.Activity => "activity",
        KpiRole.Outcome => "outcome",
        _ => "quality",
    };

    public static bool TryParse(string? text, out KpiRole role) => EnumNames.TryParseCode(text, Code, out role);
}
