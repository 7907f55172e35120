namespace Commonweal.Core.Referrals;

/// <summary>
/// Where a referral's case stands, beyond accepted or declined: received, triaged, assigned (to a provider or a
/// volunteer), contacted, in support, then completed (with an outcome), closed (with a reason) or declined (with a
/// reason). The last three are final.
/// </summary>
public enum CaseStatus
{
    Received,
    Triaged,
    Assigned,
    Contacted,
    InSupport,
    Completed,
    Closed,
    Declined,
}

/// <summary>A change of a case's status: when, by whom, and the reason or outcome the change needs.</summary>
public sealed record CaseChange(CaseStatus From, CaseStatus To, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// The moves a case may make, each dated and by someone. A case goes forward one step at a time (received → triaged →
/// assigned → contacted → in support → completed); an assigned case may go back to triage (the provider has no capacity,
/// or the person is better served elsewhere); any open case may be declined or closed, with a reason; completing needs
/// the outcome. Final cases do not move.
/// </summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Forward = new()
    {
        [CaseStatus.Received] = [CaseStatus.Triaged],
        [CaseStatus.Triaged] = [CaseStatus.Assigned],
        [CaseStatus.Assigned] = [CaseStatus.Contacted, CaseStatus.Triaged],
        [CaseStatus.Contacted] = [CaseStatus.InSupport],
        [CaseStatus.InSupport] = [CaseStatus.Completed],
    };

    public static bool IsFinal(CaseStatus status) => status is CaseStatus.Completed or CaseStatus.Closed or CaseStatus.Declined;

    /// <summary>The statuses a case may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseStatus> From(CaseStatus from)
    {
        if (IsFinal(from)) return [];
        var ending = from == CaseStatus.InSupport ? new[] { CaseStatus.Closed } : [CaseStatus.Declined, CaseStatus.Closed];
        return [.. Forward[from], .. ending];
    }

    /// <summary>The change, or why it may not be made.</summary>
    public static bool TryMove(CaseStatus from, CaseStatus to, DateTimeOffset at, string by, string? reason, out CaseChange? change, out string error)
    {
        change = null;
        if (IsFinal(from))
        {
            error = $"the case is {Words(from)}: a final status does not change";
            return false;
        }

        if (!From(from).Contains(to))
        {
            error = $"a case that is {Words(from)} cannot become {Words(to)}; it can become {string.Join(", ", From(from).Select(Words))}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            error = "say who made the change";
            return false;
        }

        if (to is CaseStatus.Closed or CaseStatus.Declined or CaseStatus.Completed && string.IsNullOrWhiteSpace(reason))
        {
            error = to == CaseStatus.Completed ? "completing a case needs its outcome" : $"a case {Words(to)} needs the reason";
            return false;
        }

        change = new CaseChange(from, to, at, by.Trim(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        error = "";
        return true;
    }

    public static string Words(CaseStatus status) => status switch
    {
        CaseStatus.InSupport => "in support",
        _ => status.ToString().ToLowerInvariant(),
    };
}
