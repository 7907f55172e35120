using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// The tables the command line, the API and the CSV downloads write for commissioning, with the exact columns the
/// documentation names: money in whole pence, dates as YYYY-MM-DD, codes as files write them.
/// </summary>
public static class CommissioningTables
{
    public static readonly IReadOnlyList<string> ContractColumns = ["contract_ref", "provider", "title", "start_date", "end_date", "annual_value_pence"];

    public static readonly IReadOnlyList<string> KpiColumns = ["contract_ref", "kpi_id", "indicator", "target_value", "deadline_period", "effective_from", "effective_to"];

    public static readonly IReadOnlyList<string> CoverageColumns = ["focus_area", "area_code", "provider", "contract_ref", "annual_value_pence", "status"];

    public static readonly IReadOnlyList<string> BalanceColumns = ["fund", "year", "partner", "contributed_pence", "committed_pence", "spent_pence", "balance_pence"];

    public static readonly IReadOnlyList<string> PartnerColumns = ["name", "type", "role", "ods_code", "gss_code", "charity_number", "company_number"];

    public static readonly IReadOnlyList<string> StatusColumns = ["contract_ref", "kpi_id", "period", "status", "exception", "remedial_plan", "why"];

    public static readonly IReadOnlyList<string> ValueColumns =
        ["contract_ref", "service_line", "provider", "name", "year", "value_pence", "people_supported", "unit_cost_pence", "outcomes_achieved", "cost_per_outcome_pence",
         "baseline_contract", "baseline_year", "people_change", "value_change", "unit_cost_change"];

    public static readonly IReadOnlyList<string> PlanColumns = ["plan_id", "remedial_contract", "kpi_id", "period", "opened", "status", "escalated_since", "open_actions", "reason"];

    public static TextTable Contracts(IEnumerable<ContractSummary> contracts) => new(ContractColumns,
        contracts.Select(c => (IReadOnlyList<string?>)[c.Ref, c.Provider, c.Title, Day(c.Start), Day(c.End), Whole(c.AnnualValuePence)]));

    /// <summary>One row per KPI in force on the day (<c>contracts show --as-at</c>).</summary>
    public static TextTable Kpis(ContractView view) => new(KpiColumns,
        view.State.Kpis.Select(k => (IReadOnlyList<string?>)[view.Contract.Ref, k.Code, k.Indicator.Value.ToString(CultureInfo.InvariantCulture), Number(k.TargetValue), k.DeadlinePeriod, Day(k.EffectiveFrom), k.EffectiveTo is { } to ? Day(to) : ""]));

    public static TextTable Coverage(CoverageView view) => new(CoverageColumns, view.Cells.SelectMany(cell =>
        cell.Contracts.Count == 0
            ? [(IReadOnlyList<string?>)[cell.FocusArea.ToString(), cell.Place.Value, "", "", "0", cell.Status.Code()]]
            : cell.Contracts.Select(c => (IReadOnlyList<string?>)[cell.FocusArea.ToString(), cell.Place.Value, c.Provider, c.ContractRef, Whole(c.AnnualValuePence), cell.Status.Code()])));

    public static TextTable Balances(IEnumerable<FundBalanceRow> rows) => new(BalanceColumns,
        rows.Select(r => (IReadOnlyList<string?>)[r.Fund, r.Year, r.Partner, Whole(r.Contributed), Whole(r.Committed), Whole(r.Spent), Whole(r.Balance)]));

    public static TextTable Partners(IEnumerable<Partner> partners) => new(PartnerColumns,
        partners.Select(p => (IReadOnlyList<string?>)[p.Name, p.Type?.Code() ?? "", p.Role?.Code() ?? "", p.OdsCode ?? "", p.GssCode?.Value ?? "", p.CharityNumber ?? "", p.CompanyNumber ?? ""]));

    public static TextTable Statuses(string contractRef, IEnumerable<KpiStatusLine> lines) => new(StatusColumns,
        lines.Select(l => (IReadOnlyList<string?>)[contractRef, l.Kpi, l.Period, l.Status.Code(), l.Exception ? "yes" : "no", l.Opened is null ? "" : "opened", l.Why]));

    public static TextTable Value(IEnumerable<ValueRow> rows) => new(ValueColumns, rows.Select(r => (IReadOnlyList<string?>)
    [
        r.ContractRef, r.Line ?? "", r.Provider, r.Name, r.Year.Label, Whole(r.Figures.ValuePence), Number(r.Figures.PeopleSupported),
        r.Figures.UnitCostPence is { } u ? Number(Math.Round(u, 2)) : "", r.Figures.OutcomesAchieved is { } o ? Number(o) : "",
        r.Figures.CostPerOutcomePence is { } c ? Number(Math.Round(c, 2)) : "", r.Baseline?.Ref ?? "", r.Baseline?.Year.Label ?? "",
        Fraction(r.Comparison?.PeopleChange), Fraction(r.Comparison?.ValueChange), Fraction(r.Comparison?.UnitCostChange),
    ]));

    public static TextTable Plans(IEnumerable<RemedialPlanView> plans) => new(PlanColumns, plans.Select(p => (IReadOnlyList<string?>)
    [
        p.Plan.Id.ToString(CultureInfo.InvariantCulture), p.Contract.Ref, p.Plan.Kpi, p.Plan.Period, p.Plan.Opened.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.Plan.IsOpen ? "open" : "closed", p.EscalatedSince is { } e ? Day(e) : "", p.Actions.Count(a => a.Status == ActionStatus.Open).ToString(CultureInfo.InvariantCulture), p.Plan.Reason,
    ]));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Whole(long pence) => pence.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A change as a fraction to four places (0.3 for +30 %), empty when there is none.</summary>
    public static string Fraction(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";
}
