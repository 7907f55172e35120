using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>A case's moves, allowed and refused, and the contact service level on an injected day.</summary>
public sealed class CaseTransitionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Triaged, null)]
    [InlineData(CaseStatus.Triaged, CaseStatus.Assigned, null)]
    [InlineData(CaseStatus.Assigned, CaseStatus.Contacted, null)]
    [InlineData(CaseStatus.Assigned, CaseStatus.Triaged, null)] // the provider has no capacity: back to triage
    [InlineData(CaseStatus.Contacted, CaseStatus.InSupport, null)]
    [InlineData(CaseStatus.InSupport, CaseStatus.Completed, "goals met; ONS4 life satisfaction 4 → 7")]
    [InlineData(CaseStatus.Received, CaseStatus.Declined, "outside the ICS")]
    [InlineData(CaseStatus.Contacted, CaseStatus.Closed, "could not be reached after three attempts")]
    [InlineData(CaseStatus.InSupport, CaseStatus.Closed, "moved away")]
    public void Allowed_moves_are_dated_and_by_someone(CaseStatus from, CaseStatus to, string? reason)
    {
        Assert.True(CaseTransitions.TryMove(from, to, At, " coordinator-1 ", reason, out var change, out var error), error);
        Assert.Equal(new CaseChange(from, to, At, "coordinator-1", reason), change);
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Assigned, null, "cannot become assigned; it can become triaged, declined, closed")]
    [InlineData(CaseStatus.Received, CaseStatus.Completed, "done", "cannot become completed")]
    [InlineData(CaseStatus.Contacted, CaseStatus.Triaged, null, "cannot become triaged")]
    [InlineData(CaseStatus.InSupport, CaseStatus.Declined, "no", "cannot become declined; it can become completed, closed")]
    [InlineData(CaseStatus.Completed, CaseStatus.Closed, "tidy", "a final status does not change")]
    [InlineData(CaseStatus.Declined, CaseStatus.Triaged, null, "a final status does not change")]
    [InlineData(CaseStatus.Closed, CaseStatus.Received, null, "a final status does not change")]
    [InlineData(CaseStatus.Triaged, CaseStatus.Declined, " ", "a case declined needs the reason")]
    [InlineData(CaseStatus.Assigned, CaseStatus.Closed, null, "a case closed needs the reason")]
    [InlineData(CaseStatus.InSupport, CaseStatus.Completed, null, "completing a case needs its outcome")]
    public void Other_moves_are_refused_saying_why(CaseStatus from, CaseStatus to, string? reason, string why)
    {
        Assert.False(CaseTransitions.TryMove(from, to, At, "coordinator-1", reason, out var change, out var error));
        Assert.Null(change);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_needs_to_say_who_made_it()
    {
        Assert.False(CaseTransitions.TryMove(CaseStatus.Received, CaseStatus.Triaged, At, "", null, out _, out var error));
        Assert.Equal("say who made the change", error);
    }

    [Theory]
    // Received Monday 21 December 2026: five working days are 22, 23, 24, 29 and 30 December (25 and 28 are holidays).
    [InlineData("2026-12-30", null, false)]
    [InlineData("2026-12-31", null, true)]
    [InlineData("2027-01-04", "2026-12-30", false)] // contacted on the last day allowed
    [InlineData("2027-01-04", "2026-12-31", true)] // contacted a day late: still a breach
    public void Contact_within_five_working_days_is_breached_from_the_day_after_the_deadline(string today, string? contacted, bool breached)
    {
        var sla = CaseSla.ContactWithinFiveWorkingDays;
        static DateOnly Day(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Day("2026-12-30"), sla.Deadline(Day("2026-12-21")));
        Assert.Equal(breached, sla.IsBreached(Day("2026-12-21"), contacted is null ? null : Day(contacted), Day(today)));
    }
}
