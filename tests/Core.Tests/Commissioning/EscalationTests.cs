using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class EscalationTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateOnly Yesterday = Today.AddDays(-1);

    private static RemedialPlan Plan(DateTimeOffset opened, DateTimeOffset? closed = null) =>
        new(1, 5, "WM5", "Mar-26", "Off track", opened, "commissioner", closed, closed is null ? null : "commissioner", "");

    private static RemedialPlan OpenedDaysAgo(int days) => Plan(new DateTimeOffset(Today.AddDays(-days), new TimeOnly(10, 0), TimeSpan.Zero));

    private static RemedialAction Action(DateOnly due, ActionStatus status = ActionStatus.Open, int plan = 1, int id = 1) =>
        new(id, plan, "Recovery plan", "Provider lead", due, status, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), "commissioner", null, null);

    [Fact]
    public void A_closed_plan_is_not_escalated_even_with_an_overdue_action()
    {
        var plan = Plan(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Null(Escalation.Since(plan, [Action(new DateOnly(2026, 4, 1))], Today));
        Assert.Null(Escalation.Since(plan, [], Today));
    }

    [Fact]
    public void An_open_action_due_yesterday_escalates_the_plan_from_the_day_after_its_due_date()
    {
        Assert.Equal(Today, Escalation.Since(OpenedDaysAgo(3), [Action(Yesterday)], Today));
    }

    [Fact]
    public void The_earliest_overdue_action_sets_the_day_of_escalation()
    {
        RemedialAction[] actions =
        [
            Action(new DateOnly(2026, 5, 15), id: 1),
            Action(new DateOnly(2026, 5, 10), id: 2),
            Action(new DateOnly(2026, 5, 5), ActionStatus.Done, id: 3),
            Action(new DateOnly(2026, 6, 1), id: 4),
        ];

        Assert.Equal(new DateOnly(2026, 5, 11), Escalation.Since(OpenedDaysAgo(30), actions, Today));
    }

    [Fact]
    public void An_open_action_due_today_is_not_yet_overdue()
    {
        Assert.Null(Escalation.Since(OpenedDaysAgo(30), [Action(Today)], Today));
        Assert.Equal(Today.AddDays(1), Escalation.Since(OpenedDaysAgo(30), [Action(Today)], Today.AddDays(1)));
    }

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Dropped)]
    public void An_action_past_its_due_date_that_is_done_or_dropped_does_not_escalate(ActionStatus status) =>
        Assert.Null(Escalation.Since(OpenedDaysAgo(30), [Action(new DateOnly(2026, 5, 1), status)], Today));

    [Fact]
    public void A_plan_with_no_action_is_escalated_fourteen_days_after_it_opened()
    {
        Assert.Equal(Today, Escalation.Since(OpenedDaysAgo(14), [], Today));
        Assert.Equal(Today.AddDays(-6), Escalation.Since(OpenedDaysAgo(20), [], Today));
    }

    [Fact]
    public void A_plan_opened_thirteen_days_ago_with_no_action_is_not_yet_escalated() =>
        Assert.Null(Escalation.Since(OpenedDaysAgo(13), [], Today));

    [Fact]
    public void A_plan_with_an_action_not_yet_due_is_not_escalated_however_long_it_has_been_open() =>
        Assert.Null(Escalation.Since(OpenedDaysAgo(60), [Action(Today.AddDays(7))], Today));

    [Fact]
    public void Actions_of_another_plan_are_ignored()
    {
        RemedialAction[] others = [Action(new DateOnly(2026, 5, 1), plan: 2)];

        Assert.Null(Escalation.Since(OpenedDaysAgo(3), others, Today));
        Assert.Equal(Today.AddDays(-6), Escalation.Since(OpenedDaysAgo(20), others, Today));
    }

    [Fact]
    public void The_day_a_plan_opened_is_its_day_in_utc()
    {
        // 23:30 on 6 May at UTC−2 is 01:30 on 7 May in UTC: 13 days before 20 May, so not yet escalated.
        var plan = Plan(new DateTimeOffset(2026, 5, 6, 23, 30, 0, TimeSpan.FromHours(-2)));

        Assert.Null(Escalation.Since(plan, [], Today));
        Assert.Equal(new DateOnly(2026, 5, 21), Escalation.Since(plan, [], Today.AddDays(1)));
    }
}
