namespace Commonweal.Core.Referrals;

/// <summary>
/// One support line of a case: the need and level found, the tier the rule chose, the service that will take it (null
/// when none can), whether the person is waiting for the chosen tier, and why — a full sentence naming the finding, the rule
/// and the capacity figures. When <paramref name="Waitlisted"/>, <see cref="WaitlistedFor"/> is the full service waited for
/// and <paramref name="ServiceCode"/>, if any, the interim support meanwhile.
/// </summary>
public sealed record SupportLinePlan(Need Need, NeedLevel Level, SupportTier Tier, string? ServiceCode, bool Waitlisted, string Why)
{
    /// <summary>The service the person waits for, when the line is waitlisted for one.</summary>
    public string? WaitlistedFor { get; init; }
}

/// <summary>
/// The routing of one referral: one case with a support line per need — never several referrals — and the decision's own
/// reasons (a summary, and what became of a service the referrer asked for).
/// </summary>
public sealed record TriageDecision(IReadOnlyList<SupportLinePlan> Lines, IReadOnlyList<string> Why);
