using Commonweal.Core.Places;

namespace Commonweal.Core.Referrals;

/// <summary>
/// A completed case's outcome as kept, one per case: when and by whom the case was completed, which of the lines that
/// call for a figure it had (weight, smoking), and the outcome with its baseline. Outcomes feed the indicators and the
/// contracts' KPIs (docs/methods/referral-outcomes.md); they are never changed once kept.
/// </summary>
/// <param name="Case">The case's (and its referral's) id.</param>
/// <param name="District">
/// The district (or unitary) of the ICS the person lived in on the day the case was completed, from the referral's place;
/// null when the referral gave no place or one outside the ICS. Outcomes are counted by it.
/// </param>
public sealed record RecordedOutcome(Guid Case, DateTimeOffset Completed, string CompletedBy, OutcomeLines Lines, AreaCode? District, CaseOutcome Outcome)
{
    // For the store: it cannot hand the outcome (a value stored in the row itself) to the constructor.
    private RecordedOutcome()
        : this(Guid.Empty, default, "", OutcomeLines.None, null, null!)
    {
    }
}
