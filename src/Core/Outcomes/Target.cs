using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Core.Outcomes;

/// <summary>
/// A SMART target as stored: the indicator, place and breakdown, the baseline (period and the value the data gave when
/// the target was set), the target value and deadline, the trajectory as written (<c>linear</c> or
/// <c>profile:PERIOD=VALUE;…</c>), the owner (a partner organisation) and lead officer, and why. Its status is never
/// stored: it is worked out from the data (<see cref="TargetStatusRule"/>).
/// </summary>
public sealed record Target(
    int Id,
    IndicatorId Indicator,
    AreaCode Area,
    Sex Sex,
    string Age,
    string Category,
    string BaselinePeriod,
    double BaselineValue,
    double TargetValue,
    string DeadlinePeriod,
    string Trajectory,
    int Owner,
    string Lead,
    string Rationale,
    DateTimeOffset Created,
    string CreatedBy);

/// <summary>One field of a target changed: who, when, why, from what to what.</summary>
public sealed record TargetChange(long Id, int Target, string Field, string Before, string After, string Why, DateTimeOffset At, string By);

/// <summary>A commentary on a target, as the exception pack shows the latest.</summary>
public sealed record TargetCommentary(long Id, int Target, string Text, DateTimeOffset At, string Author);

/// <summary>An agreed action on a target: what, who, by when, and its status (open, done, dropped).</summary>
public sealed record TargetAction(long Id, int Target, string What, string Who, DateOnly ByWhen, string Status, DateTimeOffset At, string Author);

public static class TargetDrafting
{
    /// <summary>The target as a draft (to check an edit of it against the data, as a new one is checked).</summary>
    public static TargetDraft ToDraft(this Target target, string owner)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new TargetDraft(target.Indicator.Value, target.Area.Value, target.Sex.ToString(), target.Age, target.Category, target.BaselinePeriod,
            target.TargetValue, target.DeadlinePeriod, target.Trajectory, owner, target.Lead, target.Rationale);
    }
}
