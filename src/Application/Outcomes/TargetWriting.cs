using System.Globalization;
using Commonweal.Core.Commissioning;
using Commonweal.Application.Access;
using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes;

/// <summary>A proposed target and where it came from (a file's line; 0 for a form or an API call), with any field its reader could not read.</summary>
public sealed record TargetInput(int Line, TargetDraft Draft, IReadOnlyList<TargetProblem> Unreadable)
{
    public TargetInput(TargetDraft draft)
        : this(0, draft, [])
    {
    }
}

/// <summary>A reason a proposed target is refused, with its line (0 for a form or an API call).</summary>
public sealed record TargetRefusal(int Line, TargetProblem Problem)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Problem}" : Problem.ToString();
}

/// <summary>What creating targets did: the new targets' ids, or every reason they were refused (then nothing was saved).</summary>
public sealed record TargetCreation(IReadOnlyList<int> Created, IReadOnlyList<TargetRefusal> Refusals)
{
    public bool Succeeded => Refusals.Count == 0;
}

/// <summary>What an edit did: the fields changed, or the reasons it was refused; <see cref="NotFound"/> when there is no such target.</summary>
public sealed record TargetEditing(Target? Target, IReadOnlyList<TargetChange> Changes, IReadOnlyList<TargetProblem> Problems)
{
    public bool NotFound => Target is null && Problems.Count == 0;

    public bool Succeeded => Target is not null && Problems.Count == 0;
}

/// <summary>
/// Creates and edits SMART targets (the form, the API and <c>targets import</c> alike). A target is checked against the
/// data (<see cref="TargetDraft.Check"/>): its baseline value is taken from the indicator's table, never typed in; every
/// reason it is not SMART is given at once; a batch is all-or-nothing. The owner is a partner organisation, by name,
/// created on first use. Every creation and every changed field is audited, and an edit keeps its history (who, what,
/// when, why) in <c>target_changes</c>.
/// </summary>
public sealed class TargetWriting(CommonwealDbContext db, IndicatorQueries indicators, AuditLog audit, TimeProvider clock)
{
    public const int OwnerLength = 200;
    public const int LeadLength = 200;
    public const int RationaleLength = 4000;
    public const int TrajectoryLength = 2000;
    public const int WhyLength = 2000;

    public async Task<TargetCreation> CreateAsync(IReadOnlyList<TargetInput> inputs, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var refusals = new List<TargetRefusal>();
        var accepted = new List<(TargetInput Input, Target Target)>();
        var existing = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var input in inputs)
        {
            var (target, problems) = await CheckAsync(input.Draft, input.Unreadable, cancellationToken);
            if (target is not null)
            {
                var twin = existing.Concat(accepted.Select(a => a.Target)).FirstOrDefault(t => SameTarget(t, target));
                if (twin is not null)
                {
                    var where = twin.Id > 0 ? $"target {twin.Id}" : $"line {accepted.First(a => a.Target == twin).Input.Line}";
                    problems.Add(new TargetProblem("deadline_period",
                        $"{where} already sets a target for indicator {target.Indicator} in {target.Area} ({Words(target)}) by {target.DeadlinePeriod}: edit that one instead"));
                }
            }

            refusals.AddRange(problems.Select(p => new TargetRefusal(input.Line, p)));
            if (problems.Count == 0 && target is not null) accepted.Add((input, target));
        }

        if (refusals.Count > 0) return new TargetCreation([], refusals);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partners = await PartnersAsync(accepted.Select(a => a.Input.Draft.Owner!.Trim()), actor, cancellationToken);
        var saved = new List<Target>();
        var now = clock.GetUtcNow();
        foreach (var (input, proposed) in accepted)
        {
            var target = proposed with { Owner = partners[input.Draft.Owner!.Trim()].Id, Created = now, CreatedBy = actor };
            db.Targets.Add(target);
            saved.Add(target);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var target in saved)
            audit.Record(actor, "target.create", "Target", target.Id.ToString(CultureInfo.InvariantCulture), Describe(target));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TargetCreation([.. saved.Select(t => t.Id)], []);
    }

    /// <summary>Edits a target: checked as a new one is (its baseline value taken from the data again), each changed field recorded with why.</summary>
    public async Task<TargetEditing> EditAsync(int id, TargetDraft draft, string? why, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var stored = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (stored is null) return new TargetEditing(null, [], []);
        var (proposed, problems) = await CheckAsync(draft, [], cancellationToken);
        if (string.IsNullOrWhiteSpace(why)) problems.Add(new TargetProblem("why", "say why the target is changed (the history records it)"));
        else if (why.Trim().Length > WhyLength) problems.Add(new TargetProblem("why", $"the reason is longer than {WhyLength} characters"));
        if (proposed is not null)
        {
            var others = await db.Targets.AsNoTracking().Where(t => t.Id != id).ToListAsync(cancellationToken);
            if (others.FirstOrDefault(t => SameTarget(t, proposed)) is { } twin)
                problems.Add(new TargetProblem("deadline_period", $"target {twin.Id} already sets a target for indicator {proposed.Indicator} in {proposed.Area} ({Words(proposed)}) by {proposed.DeadlinePeriod}"));
        }

        if (problems.Count > 0 || proposed is null) return new TargetEditing(stored, [], problems);

        var ownerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partners = await PartnersAsync([draft.Owner!.Trim()], actor, cancellationToken);
        var updated = proposed with { Id = stored.Id, Owner = partners[draft.Owner!.Trim()].Id, Created = stored.Created, CreatedBy = stored.CreatedBy };
        var now = clock.GetUtcNow();
        var changes = Fields
            .Select(f => (f.Name, Before: f.Read(stored, ownerNames.GetValueOrDefault(stored.Owner, "?")), After: f.Read(updated, draft.Owner!.Trim())))
            .Where(f => f.Before != f.After)
            .Select(f => new TargetChange(0, id, f.Name, f.Before, f.After, why!.Trim(), now, actor))
            .ToList();
        if (changes.Count == 0) return new TargetEditing(stored, [], []);

        db.Entry(stored).CurrentValues.SetValues(updated);
        db.TargetChanges.AddRange(changes);
        foreach (var change in changes)
            audit.Record(actor, "target.edit", "Target", id.ToString(CultureInfo.InvariantCulture), $"{change.Field}: {change.Before} → {change.After} (why: {change.Why})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TargetEditing(updated, changes, []);
    }

    /// <summary>The target a draft would be (owner still unset), or every reason it is not SMART.</summary>
    private async Task<(Target? Target, List<TargetProblem> Problems)> CheckAsync(TargetDraft draft, IReadOnlyList<TargetProblem> unreadable, CancellationToken cancellationToken)
    {
        IndicatorTable? table = null;
        if (draft.IndicatorId is { } indicatorId)
            table = (await indicators.TableAsync(new IndicatorId(indicatorId), cancellationToken)).Value;
        var placeExists = false;
        if (AreaCode.TryParse(draft.AreaCode?.Trim(), out var area, out _))
            placeExists = table?.OfArea(area).Count > 0 || table?.Places.Find(area) is not null || await db.Areas.AnyAsync(a => a.Code == area, cancellationToken);
        var facts = TargetEvaluation.Facts(draft, table, placeExists);
        var check = draft.Check(facts);
        var unreadFields = unreadable.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        var problems = unreadable.Concat(check.Problems.Where(p => !unreadFields.Contains(p.Field))).ToList();
        Length(problems, "owner", draft.Owner, OwnerLength);
        Length(problems, "lead", draft.Lead, LeadLength);
        Length(problems, "rationale", draft.Rationale, RationaleLength);
        Length(problems, "trajectory", draft.Trajectory, TrajectoryLength);
        if (string.IsNullOrWhiteSpace(draft.Lead)) problems.Add(new TargetProblem("lead", "no lead officer (the person who answers for the target)"));
        if (problems.Count > 0 || !check.IsSmart || table is null) return (null, problems);

        var series = TargetEvaluation.Series(draft, table);
        var first = series[0].Value;
        var target = new Target(0, table.Indicator.Id, table.Resolve(area), first.Sex, first.Age, first.Category, draft.BaselinePeriod!.Trim(),
            facts.BaselineValue!.Value, draft.TargetValue!.Value, draft.DeadlinePeriod!.Trim(), Trajectory(draft.Trajectory), 0, draft.Lead!.Trim(),
            draft.Rationale?.Trim() ?? string.Empty, default, string.Empty);
        return (target, problems);
    }

    /// <summary>The partners of these names, created (with an audit entry) where there is none yet.</summary>
    private async Task<Dictionary<string, Partner>> PartnersAsync(IEnumerable<string> names, string actor, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Partners.Where(p => wanted.Contains(p.Name)).ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        var added = wanted.Where(n => !known.ContainsKey(n)).Select(n => new Partner(0, n)).ToList();
        if (added.Count == 0) return known;
        db.Partners.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var partner in added)
        {
            known[partner.Name] = partner;
            audit.Record(actor, "partner.create", "Partner", partner.Id.ToString(CultureInfo.InvariantCulture), $"{partner.Name} (created as the owner of a target)");
        }

        return known;
    }

    private static readonly (string Name, Func<Target, string, string> Read)[] Fields =
    [
        ("indicator_id", (t, _) => t.Indicator.ToString()),
        ("area_code", (t, _) => t.Area.Value),
        ("sex", (t, _) => t.Sex.ToString()),
        ("age", (t, _) => t.Age),
        ("category", (t, _) => t.Category),
        ("baseline_period", (t, _) => t.BaselinePeriod),
        ("baseline_value", (t, _) => Number(t.BaselineValue)),
        ("target_value", (t, _) => Number(t.TargetValue)),
        ("deadline_period", (t, _) => t.DeadlinePeriod),
        ("trajectory", (t, _) => t.Trajectory),
        ("owner", (_, owner) => owner),
        ("lead", (t, _) => t.Lead),
        ("rationale", (t, _) => t.Rationale),
    ];

    private static bool SameTarget(Target a, Target b) =>
        a.Indicator == b.Indicator && a.Area == b.Area && a.Sex == b.Sex && a.Age == b.Age && a.Category == b.Category && a.DeadlinePeriod == b.DeadlinePeriod;

    private static string Trajectory(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("linear", StringComparison.OrdinalIgnoreCase) ? "linear" : text.Trim();

    private static void Length(List<TargetProblem> problems, string field, string? text, int most)
    {
        if (text is not null && text.Trim().Length > most) problems.Add(new TargetProblem(field, $"longer than {most} characters"));
    }

    private static string Words(Target t) => string.Join(", ", new[] { t.Sex.ToString(), t.Age, t.Category }.Where(s => s.Length > 0));

    private static string Describe(Target t) =>
        $"indicator {t.Indicator}, {t.Area} ({Words(t)}): from {Number(t.BaselineValue)} in {t.BaselinePeriod} to {Number(t.TargetValue)} by {t.DeadlinePeriod}, {t.Trajectory}";

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

}
