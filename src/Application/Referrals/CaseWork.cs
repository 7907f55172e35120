using Commonweal.Application.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Moves a case on, as <see cref="CaseTransitions"/> allows: each move dated, by whom, with its reason or outcome; the
/// referral's Task rewritten to match (a new version, so a system referrer sees the change; one version for moves saved
/// together); a referrer who used the web told in the app (a system referrer reads the Task); the move audited.
/// Coordinators and administrators make any move; a provider's staff make the moves of the work (contacted, in support,
/// completed, closed) on cases their organisation holds, and may hand an assigned case back to triage — its support lines
/// then go, freeing their places. Two people moving one case at once: the second is refused.
/// </summary>
public sealed class CaseWork(CommonwealDbContext db, AuditLog audit, TimeProvider clock, OutcomeIndicators outcomeIndicators)
{
    public abstract record Result
    {
        public static readonly Result NotFound = new Missing();
        public static readonly Result Forbidden = new NotAllowed();

        public static Result Refused(string why) => new Refusal(why);

        public sealed record Missing : Result;

        public sealed record NotAllowed : Result;

        public sealed record Refusal(string Why) : Result;

        public sealed record Done(CaseChange Change) : Result;

        /// <summary>The outcome has problems (each naming its field); nothing was changed.</summary>
        public sealed record Invalid(IReadOnlyList<OutcomeProblem> Problems) : Result;
    }

    /// <summary>What completing a case calls for, or (<paramref name="Refused"/>) why the viewer may not complete it.</summary>
    public sealed record Completion(Result? Refused, ReferralCase Case, string Person, OutcomeLines Lines, IReadOnlyList<SupportLine> SupportLines, OutcomeBaseline Baseline);

    /// <summary>The moves a provider's staff may make on a case their organisation holds (coordinators and administrators make any).</summary>
    public static readonly IReadOnlyList<CaseStatus> ProviderMoves = [CaseStatus.Contacted, CaseStatus.InSupport, CaseStatus.Completed, CaseStatus.Closed, CaseStatus.Triaged];

    /// <param name="owner">The provider the work goes to, when the case is assigned.</param>
    /// <param name="save">False when the caller saves (a move made with other changes in one go).</param>
    /// <remarks>
    /// Completing here takes an outcome in words only; <see cref="CompleteAsync"/> completes with a structured outcome,
    /// the one that is counted in the indicators and the contracts' KPIs.
    /// </remarks>
    public async Task<Result> MoveAsync(Guid id, CaseStatus to, string? reason, ReferralViewer by, int? owner = null, bool save = true, CancellationToken cancellationToken = default)
    {
        var (found, refused) = await FindAsync(id, to, by, cancellationToken);
        if (refused is not null) return refused;
        return await ApplyAsync(found!.Value, to, reason, null, by, owner, save, cancellationToken);
    }

    /// <summary>
    /// What completing a case calls for: the person's name, the lines that ask for a figure (weight, smoking), every support
    /// line and the baseline from the assessment. Audited, as a read of the person's record. Null when there is no such case
    /// or the viewer sees no referrals at all (they are not told which); with <see cref="Completion.Refused"/> set when the
    /// viewer may see referrals but may not complete this one.
    /// </summary>
    public async Task<Completion?> CompletionAsync(Guid id, ReferralViewer by, CancellationToken cancellationToken = default)
    {
        var (found, refused) = await FindAsync(id, CaseStatus.Completed, by, cancellationToken);
        if (refused is not null) return refused == Result.NotFound ? null : new Completion(refused, null!, "", OutcomeLines.None, [], OutcomeBaseline.None);
        var (kase, _) = found!.Value;
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Person.GivenName, r.Person.FamilyName, r.Answers }).FirstAsync(cancellationToken);
        var lines = await db.SupportLines.AsNoTracking().Where(l => l.Case == id).OrderBy(l => l.Planned).ToListAsync(cancellationToken);
        audit.Record(by.Name, "case.read", "Referral", id.ToString(), "outcome form");
        await db.SaveChangesAsync(cancellationToken);
        return new Completion(null, kase, $"{referral.GivenName} {referral.FamilyName}", LinesOf(lines), lines, OutcomeBaseline.From(AssessmentAnswers.FromJson(referral.Answers)));
    }

    /// <summary>
    /// Completes the case with a structured outcome: the baseline is the referral's assessment (whatever the caller gave),
    /// the outcome is checked against the case's lines (a weight for a weight line, a quit status only for a smoking line),
    /// and then the case moves as <see cref="MoveAsync"/> moves it, with the outcome in words as its reason, the Task's
    /// typed outputs, the outcome kept, and the indicators it counts in brought up to date in the same save.
    /// </summary>
    public async Task<Result> CompleteAsync(Guid id, CaseOutcome outcome, ReferralViewer by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(by);
        var (found, refused) = await FindAsync(id, CaseStatus.Completed, by, cancellationToken);
        if (refused is not null) return refused;
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Answers, r.Person.Place }).FirstAsync(cancellationToken);
        var lines = LinesOf(await db.SupportLines.AsNoTracking().Where(l => l.Case == id).ToListAsync(cancellationToken));
        var complete = outcome with { Baseline = OutcomeBaseline.From(AssessmentAnswers.FromJson(referral.Answers)), Summary = outcome.Summary?.Trim() ?? "" };
        if (complete.Problems(lines) is { Count: > 0 } problems) return new Result.Invalid(problems);

        var now = clock.GetUtcNow();
        var district = await outcomeIndicators.DistrictAsync(referral.Place, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var recorded = new RecordedOutcome(id, now, by.Name, lines, district, complete);
        var words = complete.Words();
        var moved = await ApplyAsync(found!.Value, CaseStatus.Completed, words.Length > 2000 ? words[..2000] : words, complete, by, null, save: false, cancellationToken);
        if (moved is not Result.Done) return moved;
        db.CaseOutcomes.Add(recorded);
        await outcomeIndicators.CountAsync(recorded, cancellationToken);
        Result saved;
        try
        {
            saved = await SaveAsync(moved, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Completed by someone else meanwhile: their outcome is the case's one.
            db.ChangeTracker.Clear();
            return Result.Refused("someone else changed the case meanwhile: look at it again");
        }

        if (saved is Result.Done) outcomeIndicators.Refresh();
        return saved;
    }

    /// <summary>The case and its Task, or why the viewer may not make the move (not found, or forbidden).</summary>
    private async Task<((ReferralCase Case, StoredResource? Task)? Found, Result? Refused)> FindAsync(Guid id, CaseStatus to, ReferralViewer by, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return (null, Result.NotFound);
        var task = await db.FhirResources.FirstOrDefaultAsync(r => r.Referral == id && r.Type == "Task", cancellationToken);
        if (!by.SeesAll)
        {
            var holds = by.IsProvider && task?.Owner == by.OwnerReference;
            if (!holds) return (null, by.MaySeeAny ? Result.Forbidden : Result.NotFound);
            if (!ProviderMoves.Contains(to)) return (null, Result.Forbidden);
        }

        return ((kase, task), null);
    }

    /// <summary>The one path every move takes: the case's status, its event, its Task's new version, the referrer told, the audit.</summary>
    private async Task<Result> ApplyAsync(
        (ReferralCase Case, StoredResource? Task) found, CaseStatus to, string? reason, CaseOutcome? outcome, ReferralViewer by, int? owner, bool save, CancellationToken cancellationToken)
    {
        var (kase, task) = found;
        var id = kase.Id;
        var now = clock.GetUtcNow();
        if (!CaseTransitions.TryMove(kase.Status, to, now, by.Name, reason, out var change, out var error)) return Result.Refused(error);

        db.Entry(kase).CurrentValues.SetValues(kase with
        {
            Status = to,
            Updated = now,
            Reason = change!.Reason,
            Contacted = kase.Contacted ?? (to == CaseStatus.Contacted ? now : null),
        });
        db.CaseEvents.Add(new CaseEvent(0, id, change.From, to, now, by.Name, change.Reason));
        if (change.From == CaseStatus.Assigned && to == CaseStatus.Triaged)
            db.SupportLines.RemoveRange(await db.SupportLines.Where(l => l.Case == id).ToListAsync(cancellationToken));
        if (task is not null)
        {
            var ownerReference = to switch
            {
                CaseStatus.Assigned => owner is { } o ? $"Organization/{o}" : task.Owner,
                CaseStatus.Triaged => null,
                _ => task.Owner,
            };
            var ownerName = ownerReference is null ? null : await OwnerNameAsync(ownerReference, cancellationToken);
            // Moves saved together (triaged then assigned) make one new version, not one each.
            var version = db.Entry(task).State == EntityState.Modified ? task.Version : task.Version + 1;
            db.Entry(task).CurrentValues.SetValues(task with
            {
                Version = version,
                LastUpdated = now,
                Status = FhirTasks.StatusCode(to),
                Owner = ownerReference,
                Json = FhirTasks.Moved(task.Json, to, change.Reason, ownerReference, ownerName, version, now, outcome),
            });
        }
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.ReferredBy, r.Route }).FirstAsync(cancellationToken);
        if (referral.Route == ReferralRoute.Professional)
        {
            db.Notifications.Add(new Notification(0, referral.ReferredBy, id, now,
                $"Your referral is now {CaseTransitions.Words(to)}{(change.Reason is { } r ? ": " + r : "")}.", null));
        }

        audit.Record(by.Name, "case.move", "Referral", id.ToString(), $"{CaseTransitions.Words(change.From)} → {CaseTransitions.Words(to)}{(change.Reason is { } why ? ": " + why : "")}");
        return save ? await SaveAsync(new Result.Done(change), cancellationToken) : new Result.Done(change);
    }

    /// <summary>Saves the moves made, or refuses them all when someone else moved the case meanwhile.</summary>
    public async Task<Result> SaveAsync(Result done, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Refused("someone else changed the case meanwhile: look at it again");
        }
    }

    /// <summary>The lines of a case that call for a figure in its outcome.</summary>
    public static OutcomeLines LinesOf(IEnumerable<SupportLine> lines) =>
        lines.Aggregate(OutcomeLines.None, (all, l) => all | l.Need switch { Need.Weight => OutcomeLines.Weight, Need.Smoking => OutcomeLines.Smoking, _ => OutcomeLines.None });

    private async Task<string?> OwnerNameAsync(string reference, CancellationToken cancellationToken) =>
        int.TryParse(reference.AsSpan("Organization/".Length), out var partner)
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
}
