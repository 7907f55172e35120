namespace Commonweal.Application.Commissioning;

/// <summary>
/// The files of one <c>contracts import</c> (docs/commissioning-formats.md), each optional but at least one given; CSV or
/// xlsx (first sheet). Rows of the later files may name contracts of the first file or contracts already in the register.
/// </summary>
/// <param name="Contracts"><c>contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description</c>.</param>
/// <param name="Variations"><c>contract_ref,number,effective_from,summary,annual_value_pence,end_date</c>.</param>
/// <param name="Lines"><c>contract_ref,code,name,focus_area,area_code,annual_value_pence,effective_from,effective_to</c>.</param>
/// <param name="Kpis"><c>contract_ref,kpi_id,indicator,area_code,role,baseline_period,baseline_value,target_value,deadline_period,trajectory,lead,effective_from,effective_to,service_line</c> (service_line may be left out).</param>
/// <param name="Funding"><c>contract_ref,fund,year,partner,earmark,amount_pence</c>.</param>
public sealed record ContractFiles(string? Contracts, string? Variations = null, string? Lines = null, string? Kpis = null, string? Funding = null)
{
    public static readonly IReadOnlyList<string> ContractColumns =
        ["contract_ref", "provider", "title", "start_date", "end_date", "annual_value_pence", "commissioner", "route", "baseline_contract", "description"];

    public static readonly IReadOnlyList<string> VariationColumns = ["contract_ref", "number", "effective_from", "summary", "annual_value_pence", "end_date"];

    public static readonly IReadOnlyList<string> LineColumns =
        ["contract_ref", "code", "name", "focus_area", "area_code", "annual_value_pence", "effective_from", "effective_to"];

    public static readonly IReadOnlyList<string> KpiColumns =
        ["contract_ref", "kpi_id", "indicator", "area_code", "role", "baseline_period", "baseline_value", "target_value", "deadline_period", "trajectory", "lead", "effective_from", "effective_to", "service_line"];

    public static readonly IReadOnlyList<string> FundingColumns = ["contract_ref", "fund", "year", "partner", "earmark", "amount_pence"];

    public bool IsEmpty => Contracts is null && Variations is null && Lines is null && Kpis is null && Funding is null;
}
