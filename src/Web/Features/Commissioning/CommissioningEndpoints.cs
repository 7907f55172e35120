using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Commissioning;

/// <summary>
/// Joint commissioning over the API and as downloads (docs/commissioning-formats.md): the register as at a day (a
/// provider's staff see only their organisation's contracts — any other is 403, audited), a contract with its KPIs read
/// against the returns, provider returns (validated all or nothing, each problem with its row and field), remedial plans
/// and their actions, coverage, funds, value, the pipeline and plan alignment. Money is in whole pence; dates YYYY-MM-DD.
/// </summary>
public static class CommissioningEndpoints
{
    public static void MapCommissioningEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/commissioning").WithTags("Commissioning");
        api.MapGet("/contracts", ContractsAsync).RequireAuthorization(Policies.Contracts).WithSummary("The register as at a day (?asAt=YYYY-MM-DD, default today); a provider's staff see their organisation's contracts only");
        api.MapGet("/contracts/{reference}", ContractAsync).RequireAuthorization(Policies.Contracts).WithSummary("A contract as at a day: its terms, variations, service lines, KPIs with their status, funding, documents and remedial plans");
        api.MapPost("/contracts/{reference}/returns", ReturnAsync).RequireAuthorization(Policies.Contracts)
            .WithSummary("Submit a KPI return: rows of kpiId, period, numerator, denominator, value, note; all or nothing, every problem with its row and field; then each KPI's status");
        api.MapGet("/remedial-plans", PlansAsync).RequireAuthorization(Policies.Contracts).WithSummary("Remedial plans (?all=true for closed ones too), each with its actions and escalation");
        api.MapPost("/remedial-plans/{id:int}/actions", AddActionAsync).RequireAuthorization(Policies.Contracts).WithSummary("Add an action (what, owner, due) to an open remedial plan");
        api.MapPost("/remedial-actions/{id:int}/status", ActionStatusAsync).RequireAuthorization(Policies.Contracts).WithSummary("Set an action's status: open, done or dropped");
        api.MapPost("/remedial-plans/{id:int}/close", ClosePlanAsync).RequireAuthorization(Policies.Commissioning).WithSummary("Close a remedial plan with a note (commissioners)");
        api.MapGet("/coverage", CoverageAsync).RequireAuthorization(Policies.Register).WithSummary("Who delivers what as at a day (?asAt=, ?level=District): focus area × place × provider, covered, gap or overlap, with the pence behind each cell");
        api.MapGet("/funds/balance", BalanceAsync).RequireAuthorization(Policies.Register).WithSummary("Every partner's position in every pooled fund's year: contributed, committed, spent, balance (whole pence)");
        api.MapGet("/value", ValueAsync).RequireAuthorization(Policies.Contracts).WithSummary("Value for money per contract and service line in a financial year (?year=2025/26), against each contract's baseline");

        var files = app.MapGroup("/commissioning").WithTags("Downloads");
        files.MapGet("/contracts." + Downloads.FormatRoute, ContractsFileAsync).RequireAuthorization(Policies.Contracts).WithSummary("The register as at a day, as commonweal contracts list");
        files.MapGet("/contracts/{reference}/kpis." + Downloads.FormatRoute, KpisFileAsync).RequireAuthorization(Policies.Contracts).WithSummary("A contract's KPIs in force on a day, as commonweal contracts show");
        files.MapGet("/coverage." + Downloads.FormatRoute, CoverageFileAsync).RequireAuthorization(Policies.Register).WithSummary("The coverage matrix as at a day, as commonweal coverage");
        files.MapGet("/funds." + Downloads.FormatRoute, BalanceFileAsync).RequireAuthorization(Policies.Register).WithSummary("Fund balances, as commonweal funds balance");
        files.MapGet("/value." + Downloads.FormatRoute, ValueFileAsync).RequireAuthorization(Policies.Contracts).WithSummary("Value for money in a financial year, as commonweal value");
        files.MapGet("/remedial." + Downloads.FormatRoute, PlansFileAsync).RequireAuthorization(Policies.Contracts).WithSummary("Remedial plans, as commonweal remedial list");
        files.MapGet("/contracts/{reference}/documents/{id:int}", DocumentAsync).RequireAuthorization(Policies.Contracts).WithSummary("A contract's document, as a download");
    }

    public sealed record ContractSummaryDto(string Ref, string Provider, string Title, string StartDate, string EndDate, long AnnualValuePence, string Commissioner, string Route, bool InForce, int OpenPlans);

    public sealed record VariationDto(int Number, string EffectiveFrom, string Summary, long? AnnualValuePence, string? EndDate);

    public sealed record LineDto(string Code, string Name, string FocusArea, string AreaCode, long AnnualValuePence, string EffectiveFrom, string? EffectiveTo);

    public sealed record KpiDto(string KpiId, int Indicator, string Measure, string Role, string AreaCode, string BaselinePeriod, double BaselineValue, double TargetValue,
        string DeadlinePeriod, string EffectiveFrom, string? EffectiveTo, string? ServiceLine, string Status, string Why, string? LatestPeriod, double? LatestValue, string Variation, string Assurance);

    public sealed record FundingDto(string Fund, string Year, string Partner, long AmountPence, long SpentPence);

    public sealed record DocumentDto(int Id, string FileName, string ContentType, long Size, string Url);

    public sealed record ActionDto(int Id, string What, string Owner, string Due, string Status);

    public sealed record PlanDto(int Id, string ContractRef, string Provider, string KpiId, string Period, string Reason, DateTimeOffset Opened, bool Open, string? EscalatedSince, IReadOnlyList<ActionDto> Actions);

    public sealed record ContractDto(string Ref, string Title, string Provider, string Commissioner, string Route, string StartDate, string EndDate, long AnnualValuePence,
        string AsAt, bool InForce, string? BaselineContract, IReadOnlyList<VariationDto> Variations, IReadOnlyList<LineDto> ServiceLines, IReadOnlyList<KpiDto> Kpis,
        IReadOnlyList<FundingDto> Funding, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<PlanDto> RemedialPlans);

    /// <param name="Numerator">A number (or its text); the problem names a row and field that is not one.</param>
    public sealed record ReturnRowDto(string? KpiId, string? Period, JsonElement? Numerator, JsonElement? Denominator, JsonElement? Value, string? Note);

    public sealed record ReturnRequestDto(IReadOnlyList<ReturnRowDto>? Rows);

    public sealed record KpiStatusDto(string KpiId, string Period, string Status, bool Exception, int? RemedialPlan, string Why);

    public sealed record ReturnResultDto(int Stored, int Replaced, IReadOnlyList<KpiStatusDto> Kpis);

    public sealed record ActionRequestDto(string? What, string? Owner, string? Due);

    public sealed record StatusRequestDto(string? Status);

    public sealed record CloseRequestDto(string? Note);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static bool TryDay(string? text, TimeProvider clock, out DateOnly day)
    {
        day = Today(clock);
        return text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static ProblemHttpResult BadDay(string? text) => ApiProblems.BadParameter("asAt", "invalid date", $"'{text}' is not a date (YYYY-MM-DD).");

    public static PlanDto Dto(RemedialPlanView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Plan.Id, p.Contract.Ref, p.Provider, p.Plan.Kpi, p.Plan.Period, p.Plan.Reason, p.Plan.Opened, p.Plan.IsOpen, p.EscalatedSince is { } e ? Day(e) : null,
            [.. p.Actions.Select(a => new ActionDto(a.Id, a.What, a.Owner, Day(a.Due), a.Status.Code()))]);
    }

    public static ContractDto Dto(ContractView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view.State;
        var reports = view.Kpis.ToDictionary(k => k.Kpi.Id);
        return new(view.Contract.Ref, view.Contract.Title, view.Provider.Name, view.Commissioner.Name, view.Contract.Route.Code(), Day(view.Contract.Start), Day(state.End),
            state.AnnualValuePence, Day(state.AsAt), state.InForce, view.Baseline?.Ref,
            [.. view.AllVariations.Select(v => new VariationDto(v.Number, Day(v.EffectiveFrom), v.Summary, v.AnnualValuePence, v.End is { } e ? Day(e) : null))],
            [.. state.Lines.Select(l => new LineDto(l.Code, l.Name, l.FocusArea.ToString(), l.Area.Value, l.AnnualValuePence, Day(l.EffectiveFrom), l.EffectiveTo is { } t ? Day(t) : null))],
            [.. view.Kpis.Select(r => Kpi(r))],
            [.. view.Funding.Select(f => new FundingDto(f.Fund, new FinancialYear(f.Commitment.Year).Label, f.Partner, f.Commitment.AmountPence, f.Spent))],
            [.. view.Documents.Select(d => new DocumentDto(d.Id, d.FileName, d.ContentType, d.Size, $"/commissioning/contracts/{Uri.EscapeDataString(view.Contract.Ref)}/documents/{d.Id}"))],
            [.. view.Plans.Select(Dto)]);
    }

    private static KpiDto Kpi(KpiReport r)
    {
        var k = r.Kpi;
        var latest = r.Report.Latest;
        return new KpiDto(k.Code, k.Indicator.Value, r.Indicator.Name, k.Role.Code(), k.Area.Value, k.BaselinePeriod, k.BaselineValue, k.TargetValue, k.DeadlinePeriod,
            Day(k.EffectiveFrom), k.EffectiveTo is { } t ? Day(t) : null, k.ServiceLine, r.Report.Status.Code(), r.Report.Why, latest?.Period.Label, latest?.Assessment.Value,
            r.Report.Variation.ToString(), r.Report.Assurance.ToString());
    }

    private static async Task<Results<Ok<IReadOnlyList<ContractSummaryDto>>, ProblemHttpResult>> ContractsAsync(
        string? asAt, ClaimsPrincipal user, ViewerResolver viewers, ContractRegister register, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var list = await register.ListAsync(day, await viewers.OfAsync(user), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ContractSummaryDto>>([.. list.Select(c => new ContractSummaryDto(c.Ref, c.Provider, c.Title, Day(c.Start), Day(c.End), c.AnnualValuePence, c.Commissioner, c.Route.Code(), c.InForce, c.OpenPlans))]);
    }

    private static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> ContractAsync(
        string reference, string? asAt, ClaimsPrincipal user, ViewerResolver viewers, ContractRegister register, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var answer = await register.ShowAsync(reference, day, await viewers.OfAsync(user), cancellationToken);
        return answer.Value is { } view ? TypedResults.Ok(Dto(view)) : ApiProblems.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<ReturnResultDto>, ProblemHttpResult>> ReturnAsync(
        string reference, ReturnRequestDto body, ClaimsPrincipal user, ViewerResolver viewers, ReturnsImport returns, CancellationToken cancellationToken)
    {
        if (body.Rows is not { Count: > 0 } rows) return ApiProblems.BadParameter("rows", "no rows", "A return needs at least one row (kpiId, period, numerator, denominator, value, note).");
        if (rows.Count > 100_000) return ApiProblems.BadParameter("rows", "too many rows", "A return has at most 100,000 rows; split it.");
        var empty = rows.Select((r, i) => (Row: r, Number: i + 1)).Where(r => r.Row is null).Select(r => (r.Number, (string?)null, "the row is null: a row is an object of kpiId, period, numerator, denominator, value, note")).ToList();
        if (empty.Count > 0) return ReturnRefused(empty);
        static string Text(JsonElement? e) => e is not { } v ? "" : v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => v.GetRawText(),
        };
        var read = rows.Select((r, i) => new ReturnRow(i + 1, (r.KpiId ?? "").Trim(), (r.Period ?? "").Trim(), Text(r.Numerator).Trim(), Text(r.Denominator).Trim(), Text(r.Value).Trim(), (r.Note ?? "").Trim())).ToList();
        var outcome = await returns.ImportAsync(reference, "request", ReturnRows.Columns, read, await viewers.OfAsync(user), cancellationToken);
        if (outcome.Refused is { } kind) return ApiProblems.Refused(new Refusal(kind == RefusalKind.Forbidden ? "forbidden" : "contract not found", outcome.Problems[0].Rule, kind));
        if (!outcome.Succeeded) return ReturnRefused([.. outcome.Problems.Select(p => (p.Line, p.Field, p.Rule))]);

        return TypedResults.Ok(new ReturnResultDto(outcome.Stored, outcome.Replaced,
            [.. outcome.Statuses.Select(s => new KpiStatusDto(s.Kpi, s.Period, s.Status.Code(), s.Exception, s.Opened?.Id, s.Why))]));
    }

    /// <summary>A refused return: 400 with every problem's row (its position in <c>rows</c>, from 1) and field; nothing was saved.</summary>
    private static ProblemHttpResult ReturnRefused(IReadOnlyList<(int Row, string? Field, string Rule)> problems) =>
        TypedResults.Problem(title: "the return is refused", detail: $"{problems.Count} problem(s): nothing was saved.", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { row = p.Row, field = p.Field, rule = p.Rule }).ToList() });

    private static async Task<Ok<IReadOnlyList<PlanDto>>> PlansAsync(bool? all, ClaimsPrincipal user, ViewerResolver viewers, RemedialPlanning planning, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PlanDto>>([.. (await planning.ListAsync(await viewers.OfAsync(user), all != true, cancellationToken: cancellationToken)).Select(Dto)]);

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> AddActionAsync(
        int id, ActionRequestDto body, ClaimsPrincipal user, ViewerResolver viewers, RemedialPlanning planning, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(body.Due ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            return ApiProblems.BadParameter("due", "invalid date", $"'{body.Due}' is not a date (YYYY-MM-DD).");
        var answer = await planning.AddActionAsync(id, body.What ?? "", body.Owner ?? "", due, await viewers.OfAsync(user), cancellationToken);
        return answer.Value is { } a ? TypedResults.Ok(new ActionDto(a.Id, a.What, a.Owner, Day(a.Due), a.Status.Code())) : ApiProblems.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> ActionStatusAsync(
        int id, StatusRequestDto body, ClaimsPrincipal user, ViewerResolver viewers, RemedialPlanning planning, CancellationToken cancellationToken)
    {
        if (!Escalation.TryParse(body.Status, out var status)) return ApiProblems.BadParameter("status", "invalid status", $"'{body.Status}' is not a status (open, done or dropped).");
        var answer = await planning.SetActionStatusAsync(id, status, await viewers.OfAsync(user), cancellationToken);
        return answer.Value is { } a ? TypedResults.Ok(new ActionDto(a.Id, a.What, a.Owner, Day(a.Due), a.Status.Code())) : ApiProblems.Refused(answer.Refusal!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ClosePlanAsync(
        int id, CloseRequestDto body, ClaimsPrincipal user, ViewerResolver viewers, RemedialPlanning planning, CancellationToken cancellationToken)
    {
        var answer = await planning.CloseAsync(id, body.Note ?? "", await viewers.OfAsync(user), cancellationToken);
        return answer.Value is not null ? TypedResults.NoContent() : ApiProblems.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<IReadOnlyList<CoverageRowDto>>, ProblemHttpResult>> CoverageAsync(
        string? asAt, string? level, CoverageQueries coverage, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var type = AreaType.District;
        if (level is not null && !AreaTypeNames.TryParse(level, out type)) return ApiProblems.BadParameter("level", "invalid level", $"'{level}' is not a type of place.");
        var answer = await coverage.MatrixAsync(day, type, cancellationToken);
        if (answer.Value is not { } view) return ApiProblems.Refused(answer.Refusal!);
        return TypedResults.Ok<IReadOnlyList<CoverageRowDto>>([.. view.Cells.Select(c => new CoverageRowDto(c.FocusArea.ToString(), c.Place.Value, view.PlaceName(c.Place), c.Status.Code(),
            c.AnnualValuePence, [.. c.Contracts.Select(x => new CoverageContractDto(x.Provider, x.ContractRef, x.AnnualValuePence))], c.Needs))]);
    }

    public sealed record CoverageContractDto(string Provider, string ContractRef, long AnnualValuePence);

    public sealed record CoverageRowDto(string FocusArea, string AreaCode, string AreaName, string Status, long AnnualValuePence, IReadOnlyList<CoverageContractDto> Contracts, IReadOnlyList<string> Needs);

    public sealed record BalanceDto(string Fund, string Year, string Partner, long ContributedPence, long CommittedPence, long SpentPence, long BalancePence);

    private static async Task<Ok<IReadOnlyList<BalanceDto>>> BalanceAsync(FundBook funds, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<BalanceDto>>([.. (await funds.BalancesAsync(cancellationToken)).Select(b => new BalanceDto(b.Fund, b.Year, b.Partner, b.Contributed, b.Committed, b.Spent, b.Balance))]);

    public sealed record ValueDto(string ContractRef, string? ServiceLine, string Provider, string Name, string Year, long ValuePence, double PeopleSupported, double? UnitCostPence,
        double? OutcomesAchieved, double? CostPerOutcomePence, string? BaselineContract, string? BaselineYear, double? PeopleChange, double? ValueChange, double? UnitCostChange);

    private static async Task<Results<Ok<IReadOnlyList<ValueDto>>, ProblemHttpResult>> ValueAsync(
        string? year, ClaimsPrincipal user, ViewerResolver viewers, ValueQueries value, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = new FinancialYear(FinancialYear.Of(Today(clock)).StartYear - 1);
        if (year is not null && !FinancialYear.TryParse(year, out chosen, out var error)) return ApiProblems.BadParameter("year", "invalid year", error);
        var rows = await value.ValueAsync(chosen, await viewers.OfAsync(user), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ValueDto>>([.. rows.Select(r => new ValueDto(r.ContractRef, r.Line, r.Provider, r.Name, r.Year.Label, r.Figures.ValuePence, r.Figures.PeopleSupported,
            r.Figures.UnitCostPence, r.Figures.OutcomesAchieved, r.Figures.CostPerOutcomePence, r.Baseline?.Ref, r.Baseline?.Year.Label, r.Comparison?.PeopleChange, r.Comparison?.ValueChange,
            r.Comparison?.UnitCostChange))]);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ContractsFileAsync(
        string format, string? asAt, ClaimsPrincipal user, ViewerResolver viewers, ContractRegister register, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var list = await register.ListAsync(day, await viewers.OfAsync(user), cancellationToken);
        return Downloads.File(format, "Contracts", CommissioningTables.Contracts(list), new DownloadAbout($"The contract register as at {Day(day)}"), clock.GetUtcNow(), "contracts", Day(day));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> KpisFileAsync(
        string format, string reference, string? asAt, ClaimsPrincipal user, ViewerResolver viewers, ContractRegister register, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var answer = await register.ShowAsync(reference, day, await viewers.OfAsync(user), cancellationToken);
        if (answer.Value is not { } view) return ApiProblems.Refused(answer.Refusal!);
        return Downloads.File(format, "KPIs", CommissioningTables.Kpis(view), new DownloadAbout($"{view.Contract.Ref}: KPIs in force on {Day(day)}"), clock.GetUtcNow(), "contract", view.Contract.Ref, Day(day));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CoverageFileAsync(
        string format, string? asAt, string? level, CoverageQueries coverage, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryDay(asAt, clock, out var day)) return BadDay(asAt);
        var type = AreaType.District;
        if (level is not null && !AreaTypeNames.TryParse(level, out type)) return ApiProblems.BadParameter("level", "invalid level", $"'{level}' is not a type of place.");
        var answer = await coverage.MatrixAsync(day, type, cancellationToken);
        if (answer.Value is not { } view) return ApiProblems.Refused(answer.Refusal!);
        return Downloads.File(format, "Coverage", CommissioningTables.Coverage(view), new DownloadAbout($"Who delivers what as at {Day(day)}"), clock.GetUtcNow(), "coverage", Day(day));
    }

    private static async Task<FileContentHttpResult> BalanceFileAsync(string format, FundBook funds, TimeProvider clock, CancellationToken cancellationToken) =>
        Downloads.File(format, "Funds", CommissioningTables.Balances(await funds.BalancesAsync(cancellationToken)), new DownloadAbout("Pooled fund balances"), clock.GetUtcNow(), "funds", "balance");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ValueFileAsync(
        string format, string? year, ClaimsPrincipal user, ViewerResolver viewers, ValueQueries value, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = new FinancialYear(FinancialYear.Of(Today(clock)).StartYear - 1);
        if (year is not null && !FinancialYear.TryParse(year, out chosen, out var error)) return ApiProblems.BadParameter("year", "invalid year", error);
        var rows = await value.ValueAsync(chosen, await viewers.OfAsync(user), cancellationToken);
        return Downloads.File(format, "Value", CommissioningTables.Value(rows), new DownloadAbout($"Value for money in {chosen}"), clock.GetUtcNow(), "value", chosen.Label.Replace('/', '-'));
    }

    private static async Task<FileContentHttpResult> PlansFileAsync(string format, bool? all, ClaimsPrincipal user, ViewerResolver viewers, RemedialPlanning planning, TimeProvider clock, CancellationToken cancellationToken) =>
        Downloads.File(format, "Remedial plans", CommissioningTables.Plans(await planning.ListAsync(await viewers.OfAsync(user), all != true, cancellationToken: cancellationToken)),
            new DownloadAbout("Remedial plans"), clock.GetUtcNow(), "remedial", "plans");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(
        string reference, int id, ClaimsPrincipal user, ViewerResolver viewers, ContractDocuments documents, CancellationToken cancellationToken)
    {
        var answer = await documents.GetAsync(reference, id, await viewers.OfAsync(user), cancellationToken);
        return answer.Value is { } d ? TypedResults.File(d.Content, d.ContentType, d.FileName) : ApiProblems.Refused(answer.Refusal!);
    }

    /// <summary>Status words for pages: the KPI's status as the outcomes framework labels it.</summary>
    public static string Label(TargetStatus status) => status.Label();
}
