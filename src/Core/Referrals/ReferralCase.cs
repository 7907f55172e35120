namespace Commonweal.Core.Referrals;

/// <summary>
/// What is happening with a referral: one case per referral, however many needs it has (each need is a support line of
/// the case). Its status moves only by <see cref="CaseTransitions"/>; every move is a <see cref="CaseEvent"/>.
/// </summary>
/// <param name="Id">The referral's id: a referral has exactly one case.</param>
/// <param name="Updated">When the status last changed.</param>
/// <param name="Reason">The outcome (completed) or reason (closed, declined) of the last change, when it needed one.</param>
/// <param name="Contacted">When the person was first contacted (the first move to contacted), if they have been: the service
/// level's clock stops there. Kept on the case, not looked for among its events, so that a caseload of thousands reckons
/// every case's service level from one read of the cases.</param>
public sealed record ReferralCase(Guid Id, CaseStatus Status, DateTimeOffset Opened, DateTimeOffset Updated, string? Reason, DateTimeOffset? Contacted = null);

/// <summary>One dated change of a case's status, by whom, kept for ever.</summary>
public sealed record CaseEvent(long Id, Guid Case, CaseStatus? From, CaseStatus To, DateTimeOffset At, string By, string? Reason);
