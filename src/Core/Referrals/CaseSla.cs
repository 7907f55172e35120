namespace Commonweal.Core.Referrals;

/// <summary>
/// A service level on a case: a status to reach within a number of working days (England and Wales) of another — by
/// default, contact within 5 working days of receipt. The day it came in is not counted; the deadline is the end of the
/// last working day allowed, so a case is breached from the day after it while the status has not been reached.
/// </summary>
public sealed record CaseSla(string Name, CaseStatus Start, CaseStatus Reach, int WorkingDaysAllowed)
{
    public static readonly CaseSla ContactWithinFiveWorkingDays = new("Contact within 5 working days", CaseStatus.Received, CaseStatus.Contacted, 5);

    /// <summary>The last day on which reaching the status is in time.</summary>
    public DateOnly Deadline(DateOnly started) => WorkingDays.Add(started, WorkingDaysAllowed);

    /// <summary>
    /// Whether the case has breached the level on <paramref name="today"/>: not reached (or reached late) and the deadline
    /// passed. <paramref name="reached"/> is the day the status was reached, if it has been.
    /// </summary>
    public bool IsBreached(DateOnly started, DateOnly? reached, DateOnly today)
    {
        var deadline = Deadline(started);
        return reached is { } r ? r > deadline : today > deadline;
    }
}
