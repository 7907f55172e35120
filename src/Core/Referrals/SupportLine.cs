namespace Commonweal.Core.Referrals;

/// <summary>
/// One need of a case and the support planned for it: the tier and service triage chose, why, and whether the person
/// waits for a service that is full (<paramref name="WaitlistedFor"/>; meanwhile <paramref name="Service"/> gives interim
/// support). A case has a line for each need, so a person with several needs has one case, not several referrals. An
/// open case's lines with a service count against that service's capacity.
/// </summary>
/// <param name="Service">The directory code of the service giving support, or null when no service addresses the need.</param>
/// <param name="Provider">The partner organisation that provides the service (from its contract), if known.</param>
public sealed record SupportLine(
    Guid Id,
    Guid Case,
    Need Need,
    NeedLevel Level,
    SupportTier Tier,
    string? Service,
    int? Provider,
    bool Waitlisted,
    string? WaitlistedFor,
    string Why,
    DateTimeOffset Planned,
    string PlannedBy);
