namespace Commonweal.Core.Referrals;

/// <summary>
/// A message to a referrer about their referral (its case changed: triaged, assigned, completed with its outcome…), shown
/// in the app until read. A system referrer is told by the referral's Task instead, which changes with the case.
/// </summary>
/// <param name="Recipient">The user name of the referrer.</param>
public sealed record Notification(long Id, string Recipient, Guid Referral, DateTimeOffset At, string Text, DateTimeOffset? Read);
