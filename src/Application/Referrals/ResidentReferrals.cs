using Commonweal.Application.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// How a resident's own referral is going, for the resident who referred themselves: found only by the reference they were
/// given and their date of birth together (neither alone finds anything, and a miss says no more than that), and telling
/// only what they told us and what has happened since — where it stands, each change's date, the outcome or reason at the
/// end; nothing of who holds it. Every look, found or not, is audited with the address it came from.
/// </summary>
public sealed class ResidentReferrals(CommonwealDbContext db, AuditLog audit)
{
    /// <summary>One change, as the resident sees it.</summary>
    public sealed record Step(CaseStatus Status, DateTimeOffset At);

    /// <param name="Outcome">The outcome (completed) or the reason (closed, declined), once the case has ended.</param>
    public sealed record Status(string GivenName, DateTimeOffset Received, CaseStatus Now, IReadOnlyList<Step> Steps, string? Outcome);

    /// <param name="identifierSystem">The system the web form's referrals are identified in; the value is <c>self/</c> and the reference.</param>
    public async Task<Status?> FindAsync(string identifierSystem, string reference, DateOnly birthDate, CancellationToken cancellationToken = default)
    {
        var value = "self/" + reference;
        var found = await db.Referrals.AsNoTracking()
            .Where(r => r.IdentifierSystem == identifierSystem && r.IdentifierValue == value && r.Route == ReferralRoute.SelfReferral && r.Person.BirthDate == birthDate)
            .Select(r => new { r.Id, r.Person.GivenName, r.Received })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            audit.Record("resident", "referral.status-miss", "Referral", "(none)", "no self-referral with that reference and date of birth");
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var kase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == found.Id, cancellationToken);
        var steps = await db.CaseEvents.AsNoTracking().Where(e => e.Case == found.Id).OrderBy(e => e.Id)
            .Select(e => new Step(e.To, e.At)).ToListAsync(cancellationToken);
        audit.Record("resident", "referral.status-read", "Referral", found.Id.ToString(), "the resident's own self-referral, by its reference and date of birth");
        await db.SaveChangesAsync(cancellationToken);
        return new Status(found.GivenName, found.Received, kase.Status, steps, CaseTransitions.IsFinal(kase.Status) ? kase.Reason : null);
    }
}
