namespace Commonweal.Core.Commissioning;

/// <summary>
/// What a contract (or a service line) cost over a period and what it did: its value in pence, the people it supported
/// (its activity KPIs' returns) and the outcomes it achieved (its outcome KPIs' numerators); unit cost = value ÷ people
/// supported, cost per outcome = value ÷ outcomes achieved (docs/methods/value-for-money.md).
/// </summary>
public sealed record ValueFigures(long ValuePence, double PeopleSupported, double? OutcomesAchieved)
{
    /// <summary>Pence per person supported; null when nobody was.</summary>
    public double? UnitCostPence => PeopleSupported > 0 ? ValuePence / PeopleSupported : null;

    /// <summary>Pence per outcome achieved; null without outcomes.</summary>
    public double? CostPerOutcomePence => OutcomesAchieved is > 0 ? ValuePence / OutcomesAchieved.Value : null;
}

/// <summary>
/// A contract against its baseline (the traditional service it replaced): the changes in people supported, in value and in
/// unit cost, as fractions. The seeds' weight-management service: 30 % more people (+0.30) for half the value (−0.50),
/// so unit cost is 0.5 ÷ 1.3 = 0.385 of the baseline's, down 61.5 %.
/// </summary>
public sealed record ValueComparison(ValueFigures Current, ValueFigures Baseline)
{
    public double? PeopleChange => Baseline.PeopleSupported > 0 ? Current.PeopleSupported / Baseline.PeopleSupported - 1 : null;

    public double? ValueChange => Baseline.ValuePence > 0 ? (double)Current.ValuePence / Baseline.ValuePence - 1 : null;

    public double? UnitCostChange => Current.UnitCostPence is { } now && Baseline.UnitCostPence is { } then && then > 0 ? now / then - 1 : null;

    public double? CostPerOutcomeChange => Current.CostPerOutcomePence is { } now && Baseline.CostPerOutcomePence is { } then && then > 0 ? now / then - 1 : null;
}
