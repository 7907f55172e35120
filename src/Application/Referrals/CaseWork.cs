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
public sealed class CaseWork(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
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
    }

    private static readonly CaseStatus[] ProviderMoves = [CaseStatus.Contacted, CaseStatus.InSupport, CaseStatus.Completed, CaseStatus.Closed, CaseStatus.Triaged];

    /// <param name="owner">The provider the work goes to, when the case is assigned.</param>
    /// <param name="save">False when the caller saves (a move made with other changes in one go).</param>
    public async Task<Result> MoveAsync(Guid id, CaseStatus to, string? reason, ReferralViewer by, int? owner = null, bool save = true, CancellationToken cancellationToken = default)
    {
        var kase = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return Result.NotFound;
        var task = await db.FhirResources.FirstOrDefaultAsync(r => r.Referral == id && r.Type == "Task", cancellationToken);
        if (!by.SeesAll)
        {
            var holds = by.IsProvider && task?.Owner == by.OwnerReference;
            if (!holds) return by.MaySeeAny ? Result.Forbidden : Result.NotFound;
            if (!ProviderMoves.Contains(to)) return Result.Forbidden;
        }

        var now = clock.GetUtcNow();
        if (!CaseTransitions.TryMove(kase.Status, to, now, by.Name, reason, out var change, out var error)) return Result.Refused(error);

        db.Entry(kase).CurrentValues.SetValues(kase with { Status = to, Updated = now, Reason = change!.Reason });
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
                Json = FhirTasks.Moved(task.Json, to, change.Reason, ownerReference, ownerName, version, now),
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

    private async Task<string?> OwnerNameAsync(string reference, CancellationToken cancellationToken) =>
        int.TryParse(reference.AsSpan("Organization/".Length), out var partner)
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
}
