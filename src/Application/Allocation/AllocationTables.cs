using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Core.Allocation;

namespace Commonweal.Application.Allocation;

/// <summary>The tables of a run that the command line prints and the web platform downloads (CSV and Excel), defined once. Money is in pounds to two decimals.</summary>
public static class AllocationTables
{
    /// <summary>The columns of <c>commonweal allocate --format csv</c>, exactly.</summary>
    public static readonly IReadOnlyList<string> PlaceColumns =
        ["place_code", "place_name", "population", "need_index", "target_share", "target_allocation", "baseline", "allocation", "allocation_per_head"];

    /// <summary>One row per place: <see cref="PlaceColumns"/>; the allocation column adds up to the budget exactly.</summary>
    public static TextTable Places(AllocationRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(PlaceColumns, run.Lines.Select(l => (IReadOnlyList<string?>)
        [
            l.Place.Code.Value, l.Place.Name, Whole(l.Place.Population), Fixed(l.NeedIndex, 6), Fixed(l.TargetShare, 8), Pounds(l.TargetAllocation),
            l.Baseline is { } b ? Pounds(b) : "", Pounds(l.Allocation), l.PerHead is { } h ? Fixed(h, 2) : "",
        ]));
    }

    /// <summary>Every input and intermediate column of a run, after the fair-shares "waterfall" publications: one row per place.</summary>
    public static TextTable Detail(AllocationRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var needColumns = run.Model.Need.Select(n => "need_" + Column(n.Source)).ToList();
        return new(
        [
            "place_code", "place_name", "population", "weighted_population", .. needColumns, "need_index", "uplift", "unit_cost", "target_share",
            "equal_per_head_share", "target_allocation", "baseline", "distance_from_target", "floor", "cap", "allocation", "allocation_per_head",
            "shift_from_equal", "change_from_baseline", "step_age_cost", "step_need", "step_uplift", "step_unit_cost", "step_limits_and_pace",
        ],
        run.Lines.Select(l => (IReadOnlyList<string?>)
        [
            l.Place.Code.Value, l.Place.Name, Whole(l.Place.Population), Fixed(l.Place.WeightedPopulation, 2), .. l.Place.Need.Select(v => Fixed(v, 6)),
            Fixed(l.NeedIndex, 6), Fixed(l.Place.Uplift, 6), Fixed(l.Place.UnitCost, 6), Fixed(l.TargetShare, 8),
            Pounds(l.EqualShare), Pounds(l.TargetAllocation), Optional(l.Baseline), l.DistanceFromTarget is { } d ? Fixed(d, 6) : "",
            Optional(l.Floor), Optional(l.Cap), Pounds(l.Allocation), l.PerHead is { } h ? Fixed(h, 2) : "",
            Pounds(l.ShiftFromEqual), Optional(l.ChangeFromBaseline), Pounds(l.Steps.AgeCost), Pounds(l.Steps.Need), Pounds(l.Steps.Uplift),
            Pounds(l.Steps.UnitCost), Pounds(l.Steps.Limits),
        ]));
    }

    /// <summary>A place's waterfall: step, amount, running total (pounds).</summary>
    public static TextTable Waterfall(AllocationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rows = new List<IReadOnlyList<string?>> { new[] { "Equal per-head share", Pounds(line.Steps.EqualPerHead), Pounds(line.Steps.EqualPerHead) } };
        var running = line.Steps.EqualPerHead;
        foreach (var (step, pence) in line.Steps.Changes)
        {
            running += pence;
            rows.Add([step, Pounds(pence), Pounds(running)]);
        }

        return new(["step", "amount", "running_total"], rows);
    }

    /// <summary>Runs side by side: each place's allocation in each run and its change from the first, with the need index of each.</summary>
    public static TextTable Compare(IReadOnlyList<AllocationRunView> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var first = runs[0];
        var header = new List<string> { "place_code", "place_name" };
        foreach (var run in runs) header.AddRange([$"run_{run.Id}_allocation", $"run_{run.Id}_need_index"]);
        foreach (var run in runs.Skip(1)) header.Add($"run_{run.Id}_change");
        var byCode = runs.Select(r => r.Lines.ToDictionary(l => l.Place.Code)).ToList();
        return new(header, first.Lines.Select(l =>
        {
            var row = new List<string?> { l.Place.Code.Value, l.Place.Name };
            foreach (var lines in byCode)
                row.AddRange(lines.TryGetValue(l.Place.Code, out var other) ? [Pounds(other.Allocation), Fixed(other.NeedIndex, 6)] : ["", ""]);
            foreach (var lines in byCode.Skip(1))
                row.Add(lines.TryGetValue(l.Place.Code, out var other) ? Pounds(other.Allocation - l.Allocation) : "");
            return (IReadOnlyList<string?>)row;
        }));
    }

    /// <summary>Saved runs: id, model, version, level, budget, as_at, label, created_at, created_by.</summary>
    public static TextTable Runs(IReadOnlyList<AllocationRunSummary> runs) => new(
        ["id", "model", "version", "level", "budget", "as_at", "label", "created_at", "created_by"],
        runs.Select(r => (IReadOnlyList<string?>)
        [
            r.Id.ToString(CultureInfo.InvariantCulture), r.Model, r.ModelVersion.ToString(CultureInfo.InvariantCulture), r.Level.ToString(), Pounds(r.Budget),
            r.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Label, r.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.CreatedBy,
        ]));

    /// <summary>Models: name, version, level, population, need, description.</summary>
    public static TextTable Models(IReadOnlyList<AllocationModel> models) => new(
        ["name", "version", "level", "population", "need", "description"],
        models.Select(m => (IReadOnlyList<string?>)
        [
            m.Name, m.Version.ToString(CultureInfo.InvariantCulture), m.Level.ToString(), m.Population.ToString().ToLowerInvariant(),
            string.Join(m.Combination == NeedCombination.Product ? " × " : " + ", m.Need.Select(n => m.Combination == NeedCombination.Product ? $"{n.Source}^{Fixed(n.Weight, 3)}" : $"{Fixed(n.Weight, 3)}·{n.Source}")),
            m.Description,
        ]));

    public static string Pounds(long pence) => BaselineFile.Pounds(pence);

    private static string Optional(long? pence) => pence is { } p ? Pounds(p) : "";

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Column(string source) => source.Replace(':', '_').Replace('-', '_');
}
