using Commonweal.Core;
using Commonweal.Application.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Everything the case page shows: the referral as received (the person, who sent it and why, consent), the needs the
/// assessment found, triage's proposal with each line's why (for a coordinator, while the case awaits triage), the support
/// lines planned, every change dated and by whom, the service level, the provider holding the case, and what the viewer
/// may do next: the moves they may make, whether they may confirm triage, whether they may complete the case.
/// </summary>
/// <param name="Age">The person's age today.</param>
/// <param name="Holder">The name of the provider whose Task it is, once assigned.</param>
public sealed record CaseDetail(
    Referral Referral,
    ReferralCase Case,
    int Age,
    SlaState Sla,
    IReadOnlyList<NeedFinding> Needs,
    CaseTriage.Proposal? Proposal,
    IReadOnlyList<SupportLine> Lines,
    IReadOnlyList<CaseEvent> Events,
    string? Holder,
    IReadOnlyList<CaseStatus> Moves,
    bool MayTriage,
    bool MayComplete);

/// <summary>
/// One case for its page, for a viewer who may see it (null otherwise, whether or not it exists: they are not told which);
/// each read audited. The moves offered are those <see cref="CaseWork"/> would make for the viewer, less the ones made
/// another way: triage (confirming it triages and assigns) and completion (its own page, with the outcome).
/// </summary>
public sealed class CaseDetails(CommonwealDbContext db, AuditLog audit, CaseTriage triage, TimeProvider clock)
{
    public async Task<CaseDetail?> ShowAsync(Guid id, ReferralViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var kase = await CaseloadAccess.Visible(db, viewer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return null;
        var referral = await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.Case == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var lines = await db.SupportLines.AsNoTracking().Where(l => l.Case == id).ToListAsync(cancellationToken);
        var owner = await db.FhirResources.AsNoTracking().Where(r => r.Referral == id && r.Type == "Task").Select(r => r.Owner).FirstOrDefaultAsync(cancellationToken);
        var holder = await HolderAsync(owner, cancellationToken);

        var today = EnglandDate.On(clock.GetUtcNow());
        var contacted = events.FirstOrDefault(e => e.To == CaseStatus.Contacted)?.At;
        var sla = new CaseloadSla(today).Of(kase.Opened, contacted, kase.Status, kase.Updated);
        var proposal = viewer.SeesAll && kase.Status is CaseStatus.Received or CaseStatus.Triaged ? await triage.ProposeAsync(id, viewer, cancellationToken) : null;
        var needs = proposal?.Assessment.Findings ?? Findings(referral);

        var holds = viewer.SeesAll || (viewer.IsProvider && owner == viewer.OwnerReference);
        var possible = CaseTransitions.From(kase.Status);
        var moves = holds
            ? possible.Where(to => to is not (CaseStatus.Assigned or CaseStatus.Completed) && !(to == CaseStatus.Triaged && kase.Status == CaseStatus.Received)
                && (viewer.SeesAll || CaseWork.ProviderMoves.Contains(to))).ToList()
            : [];

        audit.Record(viewer.Name, "case.read", "Referral", id.ToString(), "case page");
        await db.SaveChangesAsync(cancellationToken);
        return new CaseDetail(referral, kase, referral.Person.AgeOn(today), sla, needs, proposal,
            [.. lines.OrderByDescending(l => l.Tier).ThenBy(l => l.Need)], events, holder, moves,
            MayTriage: proposal is not null, MayComplete: holds && possible.Contains(CaseStatus.Completed));
    }

    /// <summary>What the assessment found, when the referral carried one that checks.</summary>
    private static IReadOnlyList<NeedFinding> Findings(Referral referral)
    {
        var answers = AssessmentAnswers.FromJson(referral.Answers);
        return answers.Count > 0 && HolisticAssessment.Check(answers, includeSwemwbs: true).IsValid ? HolisticAssessment.Score(answers, includeSwemwbs: true).Findings : [];
    }

    private async Task<string?> HolderAsync(string? owner, CancellationToken cancellationToken) =>
        owner is not null && owner.StartsWith("Organization/", StringComparison.Ordinal) && int.TryParse(owner.AsSpan("Organization/".Length), out var partner)
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
}
