using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Triage of a received referral: the rules' decision for this person today — their assessment, age, places (the place
/// given and every place it lies in), cohorts (Core20 from their LSOA's deprivation, carers from the assessment) and the
/// services' free places — proposed with every reason, then confirmed by a coordinator, which plans the support lines and
/// assigns the case (its Task owned by the lead line's provider).
/// </summary>
public sealed class CaseTriage(CommonwealDbContext db, PlaceQueries places, ServiceDirectory directory, CaseWork work, TimeProvider clock)
{
    /// <summary>The rules in force (the defaults until an ICS configures its own).</summary>
    public IReadOnlyList<TriageRule> Rules { get; init; } = TriageRules.Default;

    public sealed record Proposal(Referral Referral, ReferralCase Case, AssessmentResult Assessment, TriagePerson Person, TriageDecision Decision, IReadOnlyList<ReferralService> Services);

    /// <summary>The decision triage would make now, or null when there is no such case or the viewer may not triage.</summary>
    public async Task<Proposal?> ProposeAsync(Guid id, ReferralViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.SeesAll) return null;
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (referral is null || kase is null) return null;

        var answers = AssessmentAnswers.FromJson(referral.Answers);
        var check = HolisticAssessment.Check(answers, includeSwemwbs: true);
        var assessment = check.IsValid ? HolisticAssessment.Score(answers, includeSwemwbs: true) : new AssessmentResult([], null, null, null, null);
        var person = await PersonAsync(referral, answers, cancellationToken);
        var services = await directory.ListAsync(cancellationToken);
        var open = await directory.OpenLinesAsync(cancellationToken);
        var decision = Triage.Decide(assessment, person, Rules, services, open, referral.RequestedService);
        return new Proposal(referral, kase, assessment, person, decision, services);
    }

    /// <summary>
    /// Confirms the decision as it stands now: the case becomes triaged, its support lines are planned, and when a line
    /// has a service the case is assigned, its Task owned by the lead line's provider (the first professional line's, else
    /// the first line's). A case handed back to triage is confirmed again the same way. Refused for a case in any other status.
    /// </summary>
    public async Task<CaseWork.Result> ConfirmAsync(Guid id, ReferralViewer viewer, CancellationToken cancellationToken = default)
    {
        var proposal = await ProposeAsync(id, viewer, cancellationToken);
        if (proposal is null) return viewer.SeesAll ? CaseWork.Result.NotFound : CaseWork.Result.Forbidden;
        if (proposal.Case.Status is not (CaseStatus.Received or CaseStatus.Triaged))
            return CaseWork.Result.Refused($"the case is {CaseTransitions.Words(proposal.Case.Status)}: only a received case, or one handed back, is triaged");

        var now = clock.GetUtcNow();
        var providers = await ProvidersAsync(proposal.Services, cancellationToken);
        var lines = proposal.Decision.Lines.Select(l => new SupportLine(Guid.CreateVersion7(now), id, l.Need, l.Level, l.Tier, l.ServiceCode,
            l.ServiceCode is { } code ? providers.GetValueOrDefault(code) : null, l.Waitlisted, l.WaitlistedFor, l.Why, now, viewer.Name)).ToList();
        var lead = lines.FirstOrDefault(l => l.Tier == SupportTier.Professional && l.Provider is not null) ?? lines.FirstOrDefault(l => l.Provider is not null);
        var summary = string.Join("; ", proposal.Decision.Lines.Select(l => $"{Needs.Words(l.Need)}: {l.ServiceCode ?? "no service"}{(l.Waitlisted ? " (waitlisted)" : "")}"));
        CaseWork.Result? moved = null;
        if (proposal.Case.Status == CaseStatus.Received)
        {
            moved = await work.MoveAsync(id, CaseStatus.Triaged, summary, viewer, save: false, cancellationToken: cancellationToken);
            if (moved is not CaseWork.Result.Done) return moved;
        }

        if (lead is not null)
        {
            moved = await work.MoveAsync(id, CaseStatus.Assigned, null, viewer, lead.Provider, save: false, cancellationToken: cancellationToken);
            if (moved is not CaseWork.Result.Done) return moved;
        }

        return moved is null
            ? CaseWork.Result.Refused("no provider's service takes any of the person's needs: the case stays with triage")
            : await SaveWithAsync(lines, moved, cancellationToken);
    }

    private Task<CaseWork.Result> SaveWithAsync(List<SupportLine> lines, CaseWork.Result moved, CancellationToken cancellationToken)
    {
        db.SupportLines.AddRange(lines);
        return work.SaveAsync(moved, cancellationToken);
    }

    private async Task<TriagePerson> PersonAsync(Referral referral, IReadOnlyDictionary<string, AssessmentValue> answers, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cohorts = new List<string>();
        var within = new List<AreaCode>();
        if (referral.Person.Place is { } place)
        {
            var graph = await places.GraphAsync(null, cancellationToken);
            within.Add(place);
            within.AddRange(graph.Ancestors(place).Select(a => a.Code));

            if (graph.Deprivation(place)?.IsCore20 == true) cohorts.Add(TriageRules.Core20);
        }

        if (answers.TryGetValue("caring", out var caring) && caring.Boolean == true) cohorts.Add("carers");
        return new TriagePerson(referral.Person.AgeOn(today), within, cohorts);
    }

    /// <summary>Each service's provider, through its contract.</summary>
    private async Task<Dictionary<string, int?>> ProvidersAsync(IReadOnlyList<ReferralService> services, CancellationToken cancellationToken)
    {
        var refs = services.Where(s => s.ContractRef is not null).Select(s => s.ContractRef!).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => refs.Contains(c.Ref)).Select(c => new { c.Ref, c.Provider }).ToListAsync(cancellationToken);
        var byRef = contracts.ToDictionary(c => c.Ref, c => c.Provider);
        return services.ToDictionary(s => s.Code, s => s.ContractRef is { } r && byRef.TryGetValue(r, out var p) ? p : (int?)null, StringComparer.Ordinal);
    }
}
