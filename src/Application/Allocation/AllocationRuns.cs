using System.Text.Json;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Allocation;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Allocation;

/// <summary>What to run: a model (name or name@version), a budget in pence, and optionally another level, a date, an edition, last year's allocations (a file's or a saved run's) and a label.</summary>
public sealed record AllocationRequest(
    string? Model,
    long Budget,
    AreaType? Level = null,
    DateOnly? AsAt = null,
    IodVintage? Vintage = null,
    IReadOnlyDictionary<AreaCode, long>? Baseline = null,
    long? BaselineRun = null,
    string? Label = null,
    string? BaselineSource = null);

/// <summary>
/// A run as shown: the model, what it ran on, every place's line (re-computed from the saved inputs) and the sources of
/// each need value. <see cref="Reproduced"/> says a saved run's inputs give the pence it saved.
/// </summary>
public sealed record AllocationRunView(
    long? Id,
    AllocationModel Model,
    long Budget,
    string Label,
    VintagesUsed Used,
    string Population,
    string? BaselineSource,
    AllocationOutcome Outcome,
    IReadOnlyList<IReadOnlyList<string>> Sources,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    bool Reproduced)
{
    public IReadOnlyList<AllocationLine> Lines => Outcome.Lines;

    public long People => Lines.Sum(l => l.Place.Population);

    /// <summary>Pounds a head if the budget were shared equally.</summary>
    public double EqualPerHead => People > 0 ? Budget / 100.0 / People : 0;

    public bool HasBaseline => Lines.Count > 0 && Lines.All(l => l.Baseline is not null);
}

/// <summary>A saved run as listed.</summary>
public sealed record AllocationRunSummary(long Id, string Model, int ModelVersion, AreaType Level, long Budget, DateOnly AsAt, string Label, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Runs allocation models (docs/methods/allocation.md): gathers the inputs, runs <see cref="AllocationEngine"/>, and saves
/// the run with its model, inputs, data vintages and results so it can be read back, compared and reproduced. Every
/// saved run is audited, in the same transaction as the run.
/// </summary>
public sealed class AllocationRuns(AllocationModels models, AllocationInputs inputs, CommonwealDbContext db, AuditLog audit, TimeProvider clock, AllocationRunCache cache)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Runs a model; saved (and audited) when <paramref name="save"/> is true. Nothing is saved on any refusal.</summary>
    public async Task<Answer<AllocationRunView>> RunAsync(AllocationRequest request, string actor, bool save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Checked before any input is read; the engine would refuse it too.
        if (AllocationEngine.BudgetProblem(request.Budget) is { } bad) return new Refusal("not a budget", bad, RefusalKind.Invalid);
        if (request.Label is { } text && (text.Length > 200 || text.TrimStart() is [('=' or '+' or '-' or '@'), ..]))
            return new Refusal("not a label", "A label is at most 200 characters and cannot start with = + - or @.", RefusalKind.Invalid);
        var found = await models.FindAsync(request.Model, cancellationToken);
        if (found.Value is not { } model) return found.Refusal!;
        if (request.Level is { } level) model = model.At(level);
        var gathered = await inputs.GatherAsync(model, request.AsAt, request.Vintage, cancellationToken);
        if (gathered.Value is not { } given) return gathered.Refusal!;

        var baseline = request.Baseline;
        var baselineSource = request.BaselineSource;
        if (request.BaselineRun is { } runId)
        {
            var previous = await GetAsync(runId, cancellationToken);
            if (previous.Value is not { } earlier) return previous.Refusal!;
            baseline = earlier.Lines.ToDictionary(l => l.Place.Code, l => l.Allocation);
            baselineSource = $"run {runId} ({earlier.Label})";
        }

        var placesIn = given.Places;
        if (baseline is not null)
        {
            var codes = placesIn.Select(p => p.Code).ToHashSet();
            if (baseline.Keys.Where(c => !codes.Contains(c)).Select(c => (AreaCode?)c).FirstOrDefault() is { } stray)
                return new Refusal("baseline for another place", $"The baseline has {stray}, which is not a {model.Level.Label().ToLowerInvariant()} of the ICS as at {given.Used.AsAt:yyyy-MM-dd}.", RefusalKind.Invalid);
            var missing = placesIn.Where(p => !baseline.ContainsKey(p.Code)).ToList();
            if (missing.Count > 0)
                return new Refusal("baseline incomplete", $"The baseline has no row for {missing.Count} of the {placesIn.Count} places, e.g. {string.Join(", ", missing.Take(3).Select(p => $"{p.Code} {p.Name}"))}: give every place last year's allocation (0 for none).", RefusalKind.Invalid);
            placesIn = [.. placesIn.Select(p => p with { Baseline = baseline[p.Code] })];
        }

        var outcome = AllocationEngine.Run(model, placesIn, request.Budget, given.England);
        if (outcome.Problem is { } problem) return new Refusal("the allocation cannot be made", problem, RefusalKind.Invalid);
        var label = string.IsNullOrWhiteSpace(request.Label) ? $"{model.Label}, {AllocationEngine.Money(request.Budget)} by {model.Level.Label().ToLowerInvariant()}" : request.Label.Trim();
        var view = new AllocationRunView(null, model, request.Budget, label, given.Used, given.Population, baselineSource, outcome, given.Sources, clock.GetUtcNow(), actor, true);
        if (!save) return view;

        var document = JsonSerializer.Serialize(RunDocument.Of(view, given.England), Json);
        var saved = new SavedAllocationRun(0, model.Name, model.Version, model.Level, request.Budget, given.Used.AsAt, label, document, view.CreatedAt, actor);
        // The run and its audit entry are written together or not at all.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.AllocationRuns.Add(saved);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "allocation.run", "AllocationRun", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{model.Label} at {model.Level}: {AllocationEngine.Money(request.Budget)} to {outcome.Lines.Count} places{(baselineSource is null ? "" : ", baseline " + baselineSource)}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return view with { Id = saved.Id };
    }

    /// <summary>Saved runs, newest first.</summary>
    public async Task<IReadOnlyList<AllocationRunSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.AllocationRuns.AsNoTracking()
            .Select(r => new AllocationRunSummary(r.Id, r.Model, r.ModelVersion, r.Level, r.Budget, r.AsAt, r.Label, r.CreatedAt, r.CreatedBy))
            .ToListAsync(cancellationToken)).OrderByDescending(r => r.Id)];

    /// <summary>A saved run, its lines worked out again from its saved inputs and checked against the saved pence (once per process: <see cref="AllocationRunCache"/>).</summary>
    public async Task<Answer<AllocationRunView>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var run = await db.AllocationRuns.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.CreatedAt, r.ModelVersion, r.Budget, r.AsAt, r.Label, r.CreatedBy }).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return new Refusal("no such run", $"There is no allocation run {id}.", RefusalKind.NotFound);
        if (cache.Find(id, run.CreatedAt) is { } kept) return kept;
        var document = await db.AllocationRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Document).FirstAsync(cancellationToken);
        return cache.Add(id, run.CreatedAt, Read(id, run.CreatedAt, run.ModelVersion, run.Budget, run.AsAt, run.Label, run.CreatedBy, document));
    }

    private static AllocationRunView Read(long id, DateTimeOffset createdAt, int version, long budget, DateOnly asAt, string label, string createdBy, string json)
    {
        var document = JsonSerializer.Deserialize<RunDocument>(json, Json)!;
        var model = ModelFile.Parse(document.Model, version).Model
            ?? throw new InvalidOperationException($"Run {id}'s model can no longer be read.");
        var places = document.Places.Select(p => p.ToPlace()).ToList();
        var outcome = AllocationEngine.Run(model, places, budget, document.England);
        var reproduced = outcome.Problem is null && outcome.Lines.Select(l => l.Allocation).SequenceEqual(document.Allocations);
        var used = new VintagesUsed(asAt, document.Lsoas, document.Deprivation, document.Residents, document.ResidentsPeriod);
        return new AllocationRunView(id, model, budget, label, used, document.Population, document.BaselineSource, outcome,
            [.. document.Places.Select(p => (IReadOnlyList<string>)p.Sources)], createdAt, createdBy, reproduced);
    }

    /// <summary>Two or more saved runs side by side (the first is the reference).</summary>
    public async Task<Answer<IReadOnlyList<AllocationRunView>>> CompareAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count < 2) return new Refusal("two runs", "Choose two or more runs to compare.", RefusalKind.Invalid);
        var runs = new List<AllocationRunView>();
        foreach (var id in ids.Distinct())
        {
            var run = await GetAsync(id, cancellationToken);
            if (run.Value is not { } found) return run.Refusal!;
            runs.Add(found);
        }

        if (runs.Select(r => r.Model.Level).Distinct().Count() > 1)
            return new Refusal("different levels", $"Runs at different levels of place cannot be compared place by place ({string.Join(", ", runs.Select(r => $"run {r.Id}: {r.Model.Level}"))}).", RefusalKind.Invalid);
        return runs;
    }

    /// <summary>What a saved run holds, as JSON: the model file, the data vintages, each place's inputs and sources, and the allocations.</summary>
    private sealed record RunDocument(
        string Model, string Lsoas, string? Deprivation, string? Residents, DateOnly? ResidentsPeriod, string Population, string? BaselineSource,
        IReadOnlyList<double?> England, IReadOnlyList<RunPlace> Places, IReadOnlyList<long> Allocations)
    {
        public static RunDocument Of(AllocationRunView view, IReadOnlyList<double?> england) => new(
            ModelFile.Write(view.Model), view.Used.Lsoas, view.Used.Deprivation, view.Used.Residents, view.Used.ResidentsPeriod, view.Population, view.BaselineSource,
            england, [.. view.Lines.Select((l, i) => RunPlace.Of(l.Place, view.Sources[i]))], [.. view.Lines.Select(l => l.Allocation)]);
    }

    private sealed record RunPlace(string Code, string Name, long Population, double WeightedPopulation, IReadOnlyList<double> Need, IReadOnlyList<string> Sources, double Uplift, double UnitCost, long? Baseline)
    {
        public static RunPlace Of(AllocationPlace p, IReadOnlyList<string> sources) => new(p.Code.Value, p.Name, p.Population, p.WeightedPopulation, p.Need, sources, p.Uplift, p.UnitCost, p.Baseline);

        public AllocationPlace ToPlace() => new(AreaCode.Parse(Code), Name, Population, WeightedPopulation, Need, Uplift, UnitCost, Baseline);
    }
}
