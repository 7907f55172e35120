namespace Commonweal.Core.Commissioning;

/// <summary>
/// A remedial action plan, opened when a return puts a KPI off track or shows special-cause variation of concern, and
/// closed by the commissioner when performance is restored. At most one plan per KPI is open at a time.
/// </summary>
/// <param name="Kpi">The KPI's code in the contract.</param>
/// <param name="Period">The period whose value opened it.</param>
/// <param name="Reason">Why, in words ("Off track: …", "special-cause concern (SPC)").</param>
public sealed record RemedialPlan(
    int Id,
    int Contract,
    string Kpi,
    string Period,
    string Reason,
    DateTimeOffset Opened,
    string OpenedBy,
    DateTimeOffset? Closed,
    string? ClosedBy,
    string ClosingNote)
{
    public bool IsOpen => Closed is null;
}

/// <summary>Where an action of a remedial plan stands.</summary>
public enum ActionStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>An action of a remedial plan: what, who owns it, by when, and where it stands.</summary>
public sealed record RemedialAction(
    int Id,
    int Plan,
    string What,
    string Owner,
    DateOnly Due,
    ActionStatus Status,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset? Updated,
    string? UpdatedBy);

/// <summary>
/// When an open remedial plan goes to the senior officers' group (docs/methods/contract-performance.md): from the day
/// after the earliest open action's due date, or — a plan nobody has acted on — from <see cref="DaysWithoutAction"/> days
/// after it opened with no action at all.
/// </summary>
public static class Escalation
{
    /// <summary>Days a plan may stay open with no action before it is escalated.</summary>
    public const int DaysWithoutAction = 14;

    /// <summary>The day the plan was escalated from, or null while it is not (or is closed).</summary>
    public static DateOnly? Since(RemedialPlan plan, IReadOnlyList<RemedialAction> actions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actions);
        if (!plan.IsOpen) return null;
        var overdue = actions.Where(a => a.Plan == plan.Id && a.Status == ActionStatus.Open && a.Due < today).Select(a => (DateOnly?)a.Due.AddDays(1)).Min();
        if (overdue is not null) return overdue;
        var opened = DateOnly.FromDateTime(plan.Opened.UtcDateTime);
        var idle = opened.AddDays(DaysWithoutAction);
        return actions.All(a => a.Plan != plan.Id) && today >= idle ? idle : null;
    }

    public static string Code(this ActionStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ActionStatus status) => EnumNames.TryParseCode(text, Code, out status);
}
