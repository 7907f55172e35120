using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A new intention as proposed: its partners' shares by name, its evidence by kind and reference.</summary>
public sealed record IntentionDraft(
    string Title,
    string Summary,
    string Lead,
    string? FocusArea,
    long EstimatedAnnualValuePence,
    IReadOnlyList<(string Partner, int ShareBasisPoints)> Partners,
    IReadOnlyList<(EvidenceKind Kind, string Reference, string Note)> Evidence,
    DateOnly On,
    string Owner);

/// <summary>An intention with its partners, evidence and steps, for its page.</summary>
public sealed record IntentionView(
    Intention Intention,
    string Lead,
    string? Provider,
    string? ContractRef,
    IReadOnlyList<(string Partner, int ShareBasisPoints)> Partners,
    IReadOnlyList<IntentionEvidence> Evidence,
    IReadOnlyList<IntentionStep> Steps);

/// <summary>
/// The one commissioning pipeline (docs/methods/commissioning-pipeline.md): an intention linked to its evidence — need
/// (indicators, cohorts), the outcomes framework's targets and an allocation run, each checked to exist — moves through
/// specification, procurement (its route), award (its provider) and contract (its reference in the register), one dated,
/// owned step at a time by <see cref="PipelineRules"/>, whichever partner leads; co-commissioners' shares add up to 100 %.
/// Every step is audited.
/// </summary>
public sealed class CommissioningPipeline(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<IReadOnlyList<IntentionView>> ListAsync(CancellationToken cancellationToken = default) => ViewsAsync(null, cancellationToken);

    public async Task<IntentionView?> ViewAsync(int id, CancellationToken cancellationToken = default) => (await ViewsAsync(id, cancellationToken)).SingleOrDefault();

    /// <summary>Every intention (or one) with its partners, evidence and steps, each table read once.</summary>
    private async Task<IReadOnlyList<IntentionView>> ViewsAsync(int? id, CancellationToken cancellationToken)
    {
        var intentions = await db.Intentions.AsNoTracking().Where(i => id == null || i.Id == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        if (intentions.Count == 0) return [];
        var ids = intentions.Select(i => i.Id).ToList();
        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var contractIds = intentions.Select(i => i.Contract).OfType<int>().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Ref, cancellationToken);
        var partners = (await db.IntentionPartners.AsNoTracking().Where(p => ids.Contains(p.Intention)).ToListAsync(cancellationToken)).ToLookup(p => p.Intention);
        var evidence = (await db.IntentionEvidence.AsNoTracking().Where(e => ids.Contains(e.Intention)).OrderBy(e => e.Id).ToListAsync(cancellationToken)).ToLookup(e => e.Intention);
        var steps = (await db.IntentionSteps.AsNoTracking().Where(s => ids.Contains(s.Intention)).OrderBy(s => s.On).ThenBy(s => s.Id).ToListAsync(cancellationToken)).ToLookup(s => s.Intention);
        return [.. intentions.Select(i => new IntentionView(
            i,
            names[i.Lead],
            i.Provider is { } p ? names[p] : null,
            i.Contract is { } c ? contracts.GetValueOrDefault(c) : null,
            [.. partners[i.Id].OrderByDescending(x => x.ShareBasisPoints).Select(x => (names[x.Partner], x.ShareBasisPoints))],
            [.. evidence[i.Id]],
            [.. steps[i.Id]]))];
    }

    public async Task<Answer<Intention>> CreateAsync(IntentionDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > 300) problems.Add("title: a title of up to 300 characters is required");
        if ((draft.Summary ?? "").Length > 8000) problems.Add("summary: the summary is longer than 8,000 characters");
        var lead = PartnerRegister.Find(partners, draft.Lead);
        if (lead is null) problems.Add($"lead: no partner is called '{draft.Lead}'");
        else if (!lead.Commissions) problems.Add($"lead: {lead.Name} is not recorded as a commissioner");
        string? focus = null;
        if (!string.IsNullOrWhiteSpace(draft.FocusArea))
        {
            if (EnumNames.TryParse<FocusArea>(draft.FocusArea, out var area)) focus = area.ToString();
            else problems.Add($"focus_area: '{draft.FocusArea}' is not a focus area of the County Health Rankings model");
        }

        if (draft.EstimatedAnnualValuePence is < 0 or > Pence.Most) problems.Add($"value: the estimated yearly value must be from £0.00 to {Pence.Format(Pence.Most)}");
        if (string.IsNullOrWhiteSpace(draft.Owner) || draft.Owner.Trim().Length > 200) problems.Add("owner: name who owns the intention (up to 200 characters)");
        var shares = new List<IntentionPartner>();
        foreach (var (name, share) in draft.Partners)
        {
            if (PartnerRegister.Find(partners, name) is { } p) shares.Add(new IntentionPartner(0, p.Id, share));
            else problems.Add($"partners: no partner is called '{name}'");
        }

        if (lead is not null && shares.Count > 0 && PipelineRules.SharesProblem(lead.Id, shares, id => partners.First(p => p.Id == id).Name) is { } sharing)
            problems.Add("partners: " + sharing);
        foreach (var (kind, reference, _) in draft.Evidence)
        {
            if (await EvidenceProblemAsync(kind, reference, cancellationToken) is { } missing) problems.Add("evidence: " + missing);
        }

        if (problems.Count > 0) return new Refusal("the intention is refused", string.Join("; ", problems));
        var intention = new Intention(0, draft.Title.Trim(), (draft.Summary ?? "").Trim(), lead!.Id, focus, draft.EstimatedAnnualValuePence,
            CommissioningStage.Intention, null, null, null, clock.GetUtcNow(), actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Intentions.Add(intention);
        await db.SaveChangesAsync(cancellationToken);
        db.IntentionPartners.AddRange(shares.Count > 0 ? shares.Select(s => s with { Intention = intention.Id }) : [new IntentionPartner(intention.Id, lead.Id, PipelineRules.WholeShare)]);
        db.IntentionEvidence.AddRange(draft.Evidence.Select(e => new IntentionEvidence(0, intention.Id, e.Kind, e.Reference.Trim(), (e.Note ?? "").Trim())));
        db.IntentionSteps.Add(new IntentionStep(0, intention.Id, CommissioningStage.Intention, draft.On, draft.Owner.Trim(), "Intention recorded", clock.GetUtcNow(), actor));
        audit.Record(actor, "intention.create", "intention", intention.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{intention.Title}; led by {lead.Name}; {draft.Evidence.Count} evidence links");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return intention;
    }

    /// <summary>Moves an intention one step on (or withdraws it), dated and owned; the route, provider or contract as the step needs.</summary>
    public async Task<Answer<Intention>> StepAsync(
        int id, CommissioningStage to, DateOnly on, string owner, string note, string? route, string? provider, string? contractRef, string actor, CancellationToken cancellationToken = default)
    {
        var intention = await db.Intentions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intention is null) return new Refusal("intention not found", $"There is no intention {id}.", RefusalKind.NotFound);
        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > 200) return new Refusal("invalid owner", "Name who owns the step (up to 200 characters).");
        ProcurementRoute? chosen = null;
        if (!string.IsNullOrWhiteSpace(route))
        {
            if (!ProcurementRoutes.TryParse(route, out var r)) return new Refusal("invalid route", $"'{route}' is not a procurement route ({string.Join(", ", Enum.GetValues<ProcurementRoute>().Select(x => x.Code()))}).");
            chosen = r;
        }

        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        var awarded = string.IsNullOrWhiteSpace(provider) ? null : PartnerRegister.Find(partners, provider);
        if (!string.IsNullOrWhiteSpace(provider) && awarded is null) return new Refusal("invalid provider", $"No partner is called '{provider}'.");
        Contract? contract = null;
        if (!string.IsNullOrWhiteSpace(contractRef))
        {
            contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Ref == contractRef.Trim(), cancellationToken);
            if (contract is null) return new Refusal("invalid contract", $"No contract {contractRef} is in the register (contracts import adds it).");
            if (intention.Provider is { } p && contract.Provider != p) return new Refusal("invalid contract", $"{contract.Ref} is not with the provider the intention was awarded to.");
        }

        var last = await db.IntentionSteps.Where(s => s.Intention == id).MaxAsync(s => (DateOnly?)s.On, cancellationToken);
        if (PipelineRules.StepProblem(intention, to, on, last, chosen, awarded, contract?.Id) is { } problem) return new Refusal("the step is refused", problem);
        var moved = intention with
        {
            Stage = to,
            Route = to == CommissioningStage.Procurement ? chosen : intention.Route,
            Provider = to == CommissioningStage.Award ? awarded!.Id : intention.Provider,
            Contract = to == CommissioningStage.Contract ? contract!.Id : intention.Contract,
        };
        db.Entry(intention).CurrentValues.SetValues(moved);
        db.IntentionSteps.Add(new IntentionStep(0, id, to, on, owner.Trim(), (note ?? "").Trim(), clock.GetUtcNow(), actor));
        audit.Record(actor, "intention.step", "intention", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{intention.Stage.Label()} → {to.Label()} on {on:yyyy-MM-dd} ({owner.Trim()}){(chosen is { } c ? "; " + c.Code() : "")}{(awarded is not null ? "; " + awarded.Name : "")}{(contract is not null ? "; " + contract.Ref : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    private async Task<string?> EvidenceProblemAsync(EvidenceKind kind, string reference, CancellationToken cancellationToken)
    {
        var r = (reference ?? "").Trim();
        switch (kind)
        {
            case EvidenceKind.Indicator:
                return int.TryParse(r, out var indicator) && await db.Indicators.AnyAsync(i => i.Id == new IndicatorId(indicator), cancellationToken) ? null : $"no indicator {r} is in the catalogue";
            case EvidenceKind.Target:
                return int.TryParse(r, out var target) && await db.Targets.AnyAsync(t => t.Id == target, cancellationToken) ? null : $"there is no target {r}";
            case EvidenceKind.AllocationRun:
                return long.TryParse(r, out var run) && await db.AllocationRuns.AnyAsync(x => x.Id == run, cancellationToken) ? null : $"there is no saved allocation run {r}";
            default:
                var name = VersionedNames.Split(r).Name;
                return await db.CohortDefinitions.AnyAsync(c => c.Name == name, cancellationToken) || Core.Targeting.BuiltInCohorts.All.Any(c => c.Name == name) ? null : $"there is no cohort '{r}'";
        }
    }
}
