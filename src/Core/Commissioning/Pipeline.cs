namespace Commonweal.Core.Commissioning;

/// <summary>The steps of the one commissioning pipeline, in order; <see cref="Withdrawn"/> ends it at any step before a contract.</summary>
public enum CommissioningStage
{
    /// <summary>An intention to commission, linked to its evidence of need, targets and allocation.</summary>
    Intention,

    /// <summary>The service specification is written.</summary>
    Specification,

    /// <summary>The procurement route is chosen and run (a PSR process, a Procurement Act procedure, a grant round).</summary>
    Procurement,

    /// <summary>A provider is awarded it.</summary>
    Award,

    /// <summary>The contract (or grant agreement) is in the register.</summary>
    Contract,

    /// <summary>Not going ahead.</summary>
    Withdrawn,
}

/// <summary>What an intention's evidence link points at.</summary>
public enum EvidenceKind
{
    /// <summary>An indicator of need (by id).</summary>
    Indicator,

    /// <summary>A cohort of the targeting library (by name).</summary>
    Cohort,

    /// <summary>A SMART target of the outcomes framework (by id).</summary>
    Target,

    /// <summary>A need-based allocation run (by id).</summary>
    AllocationRun,
}

/// <summary>
/// A commissioning intention: what the partners mean to commission and why, led by one partner with co-commissioners
/// sharing it (<see cref="IntentionPartner"/>), moving through the pipeline one dated, owned step at a time
/// (<see cref="IntentionStep"/>) whichever partner leads.
/// </summary>
/// <param name="FocusArea">The County Health Rankings focus area it addresses (its code), if one.</param>
/// <param name="Route">The procurement route, chosen by the procurement step.</param>
/// <param name="Provider">The partner awarded it, from the award step.</param>
/// <param name="Contract">The contract let from it, at the contract step.</param>
public sealed record Intention(
    int Id,
    string Title,
    string Summary,
    int Lead,
    string? FocusArea,
    long EstimatedAnnualValuePence,
    CommissioningStage Stage,
    ProcurementRoute? Route,
    int? Provider,
    int? Contract,
    DateTimeOffset Created,
    string CreatedBy);

/// <summary>A partner sharing an intention, with its share in basis points (the lead's share included; the shares add up to 10,000).</summary>
public sealed record IntentionPartner(int Intention, int Partner, int ShareBasisPoints);

/// <summary>A link from an intention to its evidence: an indicator, a cohort, a target or an allocation run.</summary>
public sealed record IntentionEvidence(int Id, int Intention, EvidenceKind Kind, string Reference, string Note);

/// <summary>One step of the pipeline taken: the stage reached, the day, who owns it, why; who recorded it and when.</summary>
public sealed record IntentionStep(int Id, int Intention, CommissioningStage Stage, DateOnly On, string Owner, string Note, DateTimeOffset At, string By);

/// <summary>The rules of moving an intention through the pipeline (docs/methods/commissioning-pipeline.md).</summary>
public static class PipelineRules
{
    public const int WholeShare = 10_000;

    public static string Code(this CommissioningStage stage) => stage.ToString().ToLowerInvariant();

    public static string Label(this CommissioningStage stage) => stage switch
    {
        CommissioningStage.Intention => "Intention",
        CommissioningStage.Specification => "Specification",
        CommissioningStage.Procurement => "Procurement",
        CommissioningStage.Award => "Award",
        CommissioningStage.Contract => "Contract",
        _ => "Withdrawn",
    };

    public static bool TryParse(string? text, out CommissioningStage stage) => EnumNames.TryParseCode(text, Code, out stage);

    /// <summary>The stage after this one (null at the contract step or once withdrawn).</summary>
    public static CommissioningStage? Next(this CommissioningStage stage) =>
        stage < CommissioningStage.Contract ? stage + 1 : null;

    /// <summary>
    /// Why the intention cannot move to <paramref name="to"/> on <paramref name="on"/>, or null: one step forward at a
    /// time (or withdrawn before a contract); never dated before the step before it; the procurement step names its
    /// route; the award step names a provider the route allows; the contract step names the contract let.
    /// </summary>
    public static string? StepProblem(
        Intention intention, CommissioningStage to, DateOnly on, DateOnly? lastStep, ProcurementRoute? route, Partner? provider, int? contract)
    {
        ArgumentNullException.ThrowIfNull(intention);
        if (intention.Stage is CommissioningStage.Contract or CommissioningStage.Withdrawn)
            return $"The intention is at its last step ({intention.Stage.Label()}): nothing follows it.";
        if (to != CommissioningStage.Withdrawn && to != intention.Stage.Next())
            return $"The intention is at {intention.Stage.Label()}: its next step is {intention.Stage.Next()!.Value.Label()} (or withdrawn), not {to.Label()}.";
        if (lastStep is { } last && on < last)
            return $"The step is dated {on:yyyy-MM-dd}, before the step before it ({last:yyyy-MM-dd}).";
        switch (to)
        {
            case CommissioningStage.Procurement when route is null:
                return "The procurement step names its route (e.g. psr-competitive, open, grant).";
            case CommissioningStage.Award when provider is null:
                return "The award step names the provider awarded it.";
            case CommissioningStage.Award when !provider!.Provides:
                return $"{provider.Name} is not recorded as a provider (its role is {provider.Role?.Code() ?? "not recorded"}).";
            case CommissioningStage.Award when (intention.Route ?? route)?.Problem(provider!) is { } problem:
                return problem;
            case CommissioningStage.Contract when contract is null:
                return "The contract step names the contract let (its reference in the register).";
        }

        return null;
    }

    /// <summary>Why the co-commissioners' shares do not work, or null: each more than 0, the lead among them, adding up to 10,000 basis points.</summary>
    public static string? SharesProblem(int lead, IReadOnlyList<IntentionPartner> partners, Func<int, string> name)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(name);
        if (partners.Count == 0) return null;
        if (partners.FirstOrDefault(p => p.ShareBasisPoints <= 0) is { } none) return $"{name(none.Partner)}'s share must be more than 0.";
        if (partners.GroupBy(p => p.Partner).FirstOrDefault(g => g.Count() > 1) is { } twice) return $"{name(twice.Key)} is listed twice.";
        if (partners.All(p => p.Partner != lead)) return $"The lead, {name(lead)}, must have a share too.";
        var total = partners.Sum(p => (long)p.ShareBasisPoints);
        return total == WholeShare ? null : $"The shares add up to {total / 100.0:0.##} %, not 100 %.";
    }
}
