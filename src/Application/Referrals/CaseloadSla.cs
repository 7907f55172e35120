using Commonweal.Core;
using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals;

/// <summary>Where a case stands against its service level (contact within 5 working days of receipt).</summary>
public enum SlaStatus
{
    /// <summary>Not contacted yet, and the deadline has not passed.</summary>
    Due,

    /// <summary>Not contacted and the deadline has passed (or the case ended without contact after it had).</summary>
    Breached,

    /// <summary>Contacted on or before the deadline.</summary>
    Met,

    /// <summary>Contacted, but after the deadline: a breach that has ended.</summary>
    Late,

    /// <summary>Closed or declined before the deadline without contact: the level no longer applies.</summary>
    Ended,
}

/// <summary>
/// A case's service level: the day contact is due by, where it stands, how many working days over the deadline it is
/// (or was, when contact came late), and the day of contact if there was one.
/// </summary>
public sealed record SlaState(DateOnly Due, SlaStatus Status, int WorkingDaysOver, DateOnly? Contacted)
{
    /// <summary>Breached now, or contacted late.</summary>
    public bool IsBreach => Status is SlaStatus.Breached or SlaStatus.Late;

    /// <summary>In plain words, e.g. "breached: 3 working days over (due 5 December 2026)".</summary>
    public string Words(Func<DateOnly, string> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        var over = WorkingDaysOver == 1 ? "1 working day" : $"{WorkingDaysOver} working days";
        return Status switch
        {
            SlaStatus.Due => $"contact due by {date(Due)}",
            SlaStatus.Breached => WorkingDaysOver > 0 ? $"breached: {over} over (due {date(Due)})" : $"breached: contact was due by {date(Due)}",
            SlaStatus.Met => $"met: contacted {date(Contacted!.Value)} (due {date(Due)})",
            SlaStatus.Late => $"breached: contacted {date(Contacted!.Value)}, {over} late (due {date(Due)})",
            _ => $"ended without contact before {date(Due)}",
        };
    }
}

/// <summary>
/// Reckons cases' service levels on one day by <see cref="CaseSla.ContactWithinFiveWorkingDays"/>, in England's calendar
/// (the day a referral came in is the day it was in England). Deadlines and working-day counts are kept per day, so a
/// caseload of thousands of cases received on a few hundred days costs a few hundred calendar walks.
/// </summary>
public sealed class CaseloadSla(DateOnly today)
{
    private static readonly CaseSla Level = CaseSla.ContactWithinFiveWorkingDays;

    private readonly Dictionary<DateOnly, DateOnly> deadlines = [];
    private readonly Dictionary<(DateOnly, DateOnly), int> over = [];

    public DateOnly Today => today;


    /// <param name="received">When the referral came in.</param>
    /// <param name="contacted">When the case first became contacted, if it has.</param>
    /// <param name="status">The case's status now.</param>
    /// <param name="updated">When the status last changed (the day a final case ended).</param>
    public SlaState Of(DateTimeOffset received, DateTimeOffset? contacted, CaseStatus status, DateTimeOffset updated)
    {
        var started = EnglandDate.On(received);
        if (!deadlines.TryGetValue(started, out var due)) deadlines[started] = due = Level.Deadline(started);
        if (contacted is { } c)
        {
            var reached = EnglandDate.On(c);
            return Level.IsBreached(started, reached, today)
                ? new SlaState(due, SlaStatus.Late, Over(due, reached), reached)
                : new SlaState(due, SlaStatus.Met, 0, reached);
        }

        // A case that ended without contact is judged on the day it ended.
        var until = CaseTransitions.IsFinal(status) ? EnglandDate.On(updated) : today;
        if (!Level.IsBreached(started, null, until))
            return new SlaState(due, CaseTransitions.IsFinal(status) ? SlaStatus.Ended : SlaStatus.Due, 0, null);
        return new SlaState(due, SlaStatus.Breached, Over(due, until), null);
    }

    /// <summary>Working days after <paramref name="due"/> up to and including <paramref name="day"/>.</summary>
    private int Over(DateOnly due, DateOnly day)
    {
        if (over.TryGetValue((due, day), out var count)) return count;
        for (var d = due.AddDays(1); d <= day; d = d.AddDays(1))
        {
            if (WorkingDays.IsWorkingDay(d)) count++;
        }

        return over[(due, day)] = count;
    }
}
