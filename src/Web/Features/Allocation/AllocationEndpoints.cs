using System.Globalization;
using Commonweal.Application.Allocation;
using Commonweal.Application.Places;
using Commonweal.Core.Allocation;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Api;
using Commonweal.Web.Features.Targeting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Allocation;

/// <summary>
/// Allocation over the API and as downloads: models (read by any signed-in user, defined by commissioners, analysts and
/// administrators), runs (made by the same roles, saved and audited; read by any signed-in user), comparisons, and every
/// run's table as CSV or Excel. Money is in pounds with two decimals; a run's allocations add up to its budget exactly.
/// </summary>
public static class AllocationEndpoints
{
    public static void MapAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/allocation").WithTags("Allocation");
        api.MapGet("/models", ModelsAsync).RequireAuthorization(Policies.SignedIn).WithSummary("The allocation models, latest version of each, with their configuration");
        api.MapPost("/models", DefineAsync).RequireAuthorization(Policies.Allocation)
            .WithSummary("Define a model, or a new version of one, from its JSON configuration (docs/methods/allocation.md); every problem named by field, nothing saved unless there are none");
        api.MapGet("/runs", RunsAsync).RequireAuthorization(Policies.SignedIn).WithSummary("Saved runs, newest first");
        api.MapPost("/runs", RunAsync).RequireAuthorization(Policies.Allocation)
            .WithSummary("Run a model with a budget (pounds), optionally another level, a date and last year's allocations (a list or a saved run); saved and audited unless save is false");
        api.MapGet("/runs/{id:long}", RunByIdAsync).RequireAuthorization(Policies.SignedIn).WithSummary("A saved run: every place's inputs, need index, target, limits, allocation and waterfall");
        api.MapGet("/compare", CompareAsync).RequireAuthorization(Policies.SignedIn).WithSummary("Two or more saved runs side by side (?run=1&run=2)");

        var files = app.MapGroup("/allocation").WithTags("Downloads");
        files.MapGet("/runs." + Downloads.FormatRoute, RunsFileAsync).RequireAuthorization(Policies.SignedIn).WithSummary("Saved runs, as commonweal allocation runs");
        files.MapGet("/runs/{id:long}." + Downloads.FormatRoute, RunFileAsync).RequireAuthorization(Policies.SignedIn).WithSummary("A run, one row per place, as commonweal allocate");
        files.MapGet("/runs/{id:long}/detail." + Downloads.FormatRoute, DetailFileAsync).RequireAuthorization(Policies.SignedIn).WithSummary("A run with every input and intermediate column and the waterfall steps");
        files.MapGet("/runs/{id:long}/places/{code}." + Downloads.FormatRoute, WaterfallFileAsync).RequireAuthorization(Policies.SignedIn).WithSummary("A place's waterfall from the equal per-head share to its allocation");
        files.MapGet("/compare." + Downloads.FormatRoute, CompareFileAsync).RequireAuthorization(Policies.SignedIn).WithSummary("Runs side by side, as commonweal allocation compare");
    }

    public sealed record ModelDto(string Name, int Version, string Description, string Level, string Configuration);

    public sealed record BaselineRowDto(string? PlaceCode, decimal? Baseline);

    /// <param name="Budget">Pounds, at most two decimals.</param>
    /// <param name="Baseline">Last year's allocation of every place (pounds), or use <paramref name="BaselineRun"/>.</param>
    public sealed record RunRequestDto(string? Model, decimal? Budget, string? Level, string? AsAt, string? Vintage, long? BaselineRun, IReadOnlyList<BaselineRowDto>? Baseline, string? Label, bool Save = true);

    public sealed record NeedValueDto(string Source, double Value, string From);

    public sealed record StepsDto(decimal EqualPerHead, decimal AgeCost, decimal Need, decimal Uplift, decimal UnitCost, decimal LimitsAndPace);

    public sealed record RunPlaceDto(string PlaceCode, string PlaceName, long Population, double WeightedPopulation, IReadOnlyList<NeedValueDto> Need, double NeedIndex, double Uplift,
        double UnitCost, double TargetShare, decimal EqualShare, decimal TargetAllocation, decimal? Baseline, double? DistanceFromTarget, decimal? Floor, decimal? Cap,
        decimal Allocation, double? AllocationPerHead, StepsDto Steps);

    public sealed record RunDto(long? Id, string Model, int ModelVersion, string Level, decimal Budget, string Label, string AsAt, string Lsoas, string? Deprivation,
        string Population, string? BaselineSource, bool PaceApplied, bool Reproduced, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<RunPlaceDto> Places);

    public sealed record RunSummaryDto(long Id, string Model, int ModelVersion, string Level, decimal Budget, string AsAt, string Label, DateTimeOffset CreatedAt, string CreatedBy);

    public static decimal Pounds(long pence) => pence / 100m;

    public static RunDto Dto(AllocationRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Model.Name, run.Model.Version, run.Model.Level.ToString(), Pounds(run.Budget), run.Label, run.Used.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            run.Used.Lsoas, run.Used.Deprivation, run.Population, run.BaselineSource, run.Outcome.PaceApplied, run.Reproduced, run.CreatedAt, run.CreatedBy,
            [.. run.Lines.Select((l, i) => new RunPlaceDto(l.Place.Code.Value, l.Place.Name, l.Place.Population, l.Place.WeightedPopulation,
                [.. run.Model.Need.Select((n, k) => new NeedValueDto(n.Source, l.Place.Need[k], run.Sources[i][k]))], l.NeedIndex, l.Place.Uplift, l.Place.UnitCost, l.TargetShare,
                Pounds(l.EqualShare), Pounds(l.TargetAllocation), l.Baseline is { } b ? Pounds(b) : null, l.DistanceFromTarget, l.Floor is { } f ? Pounds(f) : null,
                l.Cap is { } c ? Pounds(c) : null, Pounds(l.Allocation), l.PerHead,
                new StepsDto(Pounds(l.Steps.EqualPerHead), Pounds(l.Steps.AgeCost), Pounds(l.Steps.Need), Pounds(l.Steps.Uplift), Pounds(l.Steps.UnitCost), Pounds(l.Steps.Limits))))]);
    }

    /// <summary>The request as the use case takes it, or the first problem with it (400, naming the field).</summary>
    public static (AllocationRequest? Request, ProblemHttpResult? Problem) Read(RunRequestDto body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Budget is not { } budget || budget < 0 || decimal.Round(budget, 2) != budget || budget > AllocationEngine.MostPence / 100m)
            return (null, ApiProblems.BadParameter("budget", "not a budget", $"budget must be an amount in pounds from 0 to 1,000,000,000,000 with at most two decimals (given: {body.Budget?.ToString(CultureInfo.InvariantCulture) ?? "none"})."));
        AreaType? level = null;
        if (!string.IsNullOrWhiteSpace(body.Level))
        {
            if (!AreaTypeNames.TryParse(body.Level, out var parsed))
                return (null, ApiProblems.BadParameter("level", "not a place type", $"'{body.Level}' is not a place type ({string.Join(", ", Enum.GetNames<AreaType>())})."));
            level = parsed;
        }

        var view = ViewParameters.Parse(body.AsAt, body.Vintage);
        if (view.Problems.Count > 0) return (null, ApiProblems.BadParameter(view.Problems[0]));
        Dictionary<AreaCode, long>? baseline = null;
        if (body.Baseline is { } rows)
        {
            if (body.BaselineRun is not null) return (null, ApiProblems.BadParameter("baseline", "two baselines", "Give baseline or baselineRun, not both."));
            baseline = [];
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is null) return (null, ApiProblems.BadParameter($"baseline[{i}]", "no row", "Each baseline row is { \"placeCode\": …, \"baseline\": … }."));
                if (!AreaCode.TryParse(rows[i].PlaceCode, out var code, out var problem))
                    return (null, ApiProblems.BadParameter($"baseline[{i}].placeCode", "not a place code", problem));
                if (rows[i].Baseline is not { } money || money < 0 || decimal.Round(money, 2) != money || money > AllocationEngine.MostPence / 100m)
                    return (null, ApiProblems.BadParameter($"baseline[{i}].baseline", "not an amount", "baseline must be pounds of 0 or more with at most two decimals."));
                if (!baseline.TryAdd(code, (long)(money * 100)))
                    return (null, ApiProblems.BadParameter($"baseline[{i}].placeCode", "repeated place", $"{code} is given twice."));
            }
        }

        return (new AllocationRequest(body.Model, (long)(budget * 100), level, view.AsAt, view.Vintage, baseline, body.BaselineRun, body.Label, baseline is null ? null : "given with the request"), null);
    }

    /// <summary>Makes the demo's person-level population first where the run needs it (places counted by registration, cohorts).</summary>
    public static async Task PrepareAsync(IServiceProvider services, AllocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        var model = (await services.GetRequiredService<AllocationModels>().FindAsync(request.Model, cancellationToken)).Value;
        if (model is null) return;
        if ((request.Level ?? model.Level) is AreaType.Pcn or AreaType.Practice or AreaType.Neighbourhood || model.Need.Any(n => n.Source.StartsWith("cohort:", StringComparison.Ordinal)))
            await services.GetRequiredService<DemoPopulation>().EnsureAsync(cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<ModelDto>>> ModelsAsync(AllocationModels models, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ModelDto>>([.. (await models.ListAsync(cancellationToken)).Select(m => new ModelDto(m.Name, m.Version, m.Description, m.Level.ToString(), ModelFile.Write(m)))]);

    private static async Task<Results<Created<ModelDto>, ProblemHttpResult>> DefineAsync(HttpContext context, AllocationModels models, CancellationToken cancellationToken)
    {
        // JSON only: a plain form post (text/plain) from another page cannot define a model.
        if (!context.Request.HasJsonContentType())
            return TypedResults.Problem(title: "not JSON", detail: "Send the model's file as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var answer = await models.DefineAsync(json, context.User.Identity?.Name ?? "unknown", cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, "model");
        var m = answer.Value!;
        return TypedResults.Created($"/api/allocation/models", new ModelDto(m.Name, m.Version, m.Description, m.Level.ToString(), ModelFile.Write(m)));
    }

    private static async Task<Ok<IReadOnlyList<RunSummaryDto>>> RunsAsync(AllocationRuns runs, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RunSummaryDto>>([.. (await runs.ListAsync(cancellationToken)).Select(r =>
            new RunSummaryDto(r.Id, r.Model, r.ModelVersion, r.Level.ToString(), Pounds(r.Budget), r.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Label, r.CreatedAt, r.CreatedBy))]);

    private static async Task<Results<Created<RunDto>, Ok<RunDto>, ProblemHttpResult>> RunAsync(HttpContext context, RunRequestDto body, AllocationRuns runs, CancellationToken cancellationToken)
    {
        var (request, problem) = Read(body);
        if (request is null) return problem!;
        await PrepareAsync(context.RequestServices, request, cancellationToken);
        var answer = await runs.RunAsync(request, context.User.Identity?.Name ?? "unknown", body.Save, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var run = answer.Value!;
        return run.Id is { } id ? TypedResults.Created($"/api/allocation/runs/{id}", Dto(run)) : TypedResults.Ok(Dto(run));
    }

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> RunByIdAsync(long id, AllocationRuns runs, CancellationToken cancellationToken)
    {
        var answer = await runs.GetAsync(id, cancellationToken);
        return answer.Value is { } run ? TypedResults.Ok(Dto(run)) : ApiProblems.Refused(answer.Refusal!);
    }

    private static async Task<Results<Ok<IReadOnlyList<RunDto>>, ProblemHttpResult>> CompareAsync(long[]? run, AllocationRuns runs, CancellationToken cancellationToken)
    {
        var answer = await runs.CompareAsync(run ?? [], cancellationToken);
        return answer.Value is { } found ? TypedResults.Ok<IReadOnlyList<RunDto>>([.. found.Select(Dto)]) : ApiProblems.Refused(answer.Refusal!, "run");
    }

    private static DownloadAbout About(string title, AllocationRunView run) =>
        new($"{title}: {run.Label} ({run.Model.Label}, {AllocationEngine.Money(run.Budget)}, {run.Model.Level.ToString().ToLowerInvariant()})",
            $"Commonweal allocation run {run.Id}; {run.Used.Deprivation ?? "no deprivation"}; {run.Population}", Period: $"as at {run.Used.AsAt:yyyy-MM-dd}");

    private static async Task<FileContentHttpResult> RunsFileAsync(string format, AllocationRuns runs, TimeProvider clock, CancellationToken cancellationToken) =>
        Downloads.File(format, "Runs", AllocationTables.Runs(await runs.ListAsync(cancellationToken)), new DownloadAbout("Saved allocation runs"), clock.GetUtcNow(), "allocation", "runs");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RunFileAsync(long id, string format, AllocationRuns runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var answer = await runs.GetAsync(id, cancellationToken);
        if (answer.Value is not { } run) return ApiProblems.Refused(answer.Refusal!);
        return Downloads.File(format, "Allocation", AllocationTables.Places(run), About("Allocation by place", run), clock.GetUtcNow(), "allocation", "run", id.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DetailFileAsync(long id, string format, AllocationRuns runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var answer = await runs.GetAsync(id, cancellationToken);
        if (answer.Value is not { } run) return ApiProblems.Refused(answer.Refusal!);
        return Downloads.File(format, "Detail", AllocationTables.Detail(run), About("Every input, intermediate column and waterfall step", run), clock.GetUtcNow(), "allocation", "run", id.ToString(CultureInfo.InvariantCulture), "detail");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WaterfallFileAsync(long id, string code, string format, AllocationRuns runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var answer = await runs.GetAsync(id, cancellationToken);
        if (answer.Value is not { } run) return ApiProblems.Refused(answer.Refusal!);
        if (run.Lines.FirstOrDefault(l => l.Place.Code.Value == code) is not { } line)
            return ApiProblems.Refused(new Refusal("place not in the run", $"Run {id} has no place {code}.", RefusalKind.NotFound), "code");
        return Downloads.File(format, "Waterfall", AllocationTables.Waterfall(line), About($"Waterfall of {line.Place.Name}", run), clock.GetUtcNow(), "allocation", "run", id.ToString(CultureInfo.InvariantCulture), code);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompareFileAsync(long[]? run, string format, AllocationRuns runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var answer = await runs.CompareAsync(run ?? [], cancellationToken);
        if (answer.Value is not { } found) return ApiProblems.Refused(answer.Refusal!, "run");
        return Downloads.File(format, "Comparison", AllocationTables.Compare(found), new DownloadAbout("Allocation runs compared: " + string.Join(" vs ", found.Select(r => $"run {r.Id} ({r.Label})"))),
            clock.GetUtcNow(), "allocation", "compare", string.Join("-", found.Select(r => r.Id)));
    }
}
