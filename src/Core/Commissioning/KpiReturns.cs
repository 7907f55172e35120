namespace Commonweal.Core.Commissioning;

/// <summary>
/// One value a provider returned for one KPI of a contract and one period: a count and a denominator (worked out by the
/// method the KPI's indicator fixes, with its confidence interval), or a value where the measure is not worked out from
/// counts. A later return of the same KPI and period replaces it (the audit trail keeps what it replaced).
/// </summary>
/// <param name="Kpi">The KPI's code in the contract.</param>
/// <param name="Period">The period's label as the indicator catalogue writes periods ("Apr-23", "2023/24 Q1", "2023/24").</param>
/// <param name="Batch">The return (file or API call) it came in.</param>
public sealed record KpiReturn(
    long Id,
    int Contract,
    string Kpi,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Count,
    double? Denominator,
    double? Value,
    string Note,
    int Batch);

/// <summary>A return as submitted: the contract, the file (or "api"), how many rows, when and by whom.</summary>
public sealed record ReturnBatch(int Id, int Contract, string FileName, int Rows, DateTimeOffset At, string By);
