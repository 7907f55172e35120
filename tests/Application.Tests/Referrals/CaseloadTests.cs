using Commonweal.Application.Referrals;
using Commonweal.Application.Tests.Allocation;
using Commonweal.Core.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Commonweal.Application.Tests.Referrals;

/// <summary>
/// Caseloads, the case page and referrers' notifications on the demo store, on SQLite and PostgreSQL: the service level
/// reckoned with an injected clock (a referral received on the Friday before the spring bank holiday is due on the
/// following Monday week, breached the day after, met when contacted in time, breached when contacted late); who sees
/// which cases (coordinators all, a provider its own, a referrer theirs, others none); an audit row for every case read.
/// Each test refers from a referrer of its own, so the tests do not see each other's cases through the referrer's eyes.
/// </summary>
public abstract class CaseloadTests(DemoStore store) : IAsyncLifetime
{
    /// <summary>Friday 22 May 2026, 10:00 in England; Monday 25 May is the spring bank holiday.</summary>
    private static readonly DateTimeOffset FridayBeforeHoliday = new(2026, 5, 22, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Due = new(2026, 6, 1);

    private readonly string referrer = "gp-" + Guid.NewGuid().ToString("N")[..8];
    private ApplicationScope app = null!;

    private static ReferralViewer Coordinator => new("coordinator", [Roles.VolunteerCoordinator], null);

    private ReferralViewer Referrer => new(referrer, [Roles.Referrer], null);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FakeTimeProvider Clock => (FakeTimeProvider)app.Get<TimeProvider>();

    public ValueTask InitializeAsync()
    {
        if (store.Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server, or set {TestDatabase.PostgresVariable}");
        app = new ApplicationScope(store.Database, now: FridayBeforeHoliday);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A professional's referral from this test's referrer, received at <paramref name="received"/>.</summary>
    private Task<Guid> ReferAsync(DateTimeOffset received, string family = "Okafor") =>
        TestReferrals.ReferAsync(app.Get<ReferralIntake>(), TestReferrals.Draft(received, referrer, family));

    private async Task<int> ProviderAsync() =>
        await app.Get<CommonwealDbContext>().Partners.Where(p => p.Name.StartsWith("Wellbeing Partnership")).Select(p => p.Id).FirstAsync(Token);

    /// <summary>Triaged and assigned to the provider by a coordinator, at the clock's time.</summary>
    private async Task AssignAsync(Guid id, int provider)
    {
        var work = app.Get<CaseWork>();
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Triaged, "test triage", Coordinator, cancellationToken: Token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Assigned, null, Coordinator, provider, cancellationToken: Token));
    }

    private async Task<CaseloadRow> RowAsync(Guid id, ReferralViewer viewer)
    {
        var caseload = await app.Get<Caseloads>().AllAsync(viewer, new CaseloadFilter(), Token);
        return Assert.Single(caseload!.Rows, r => r.Id == id);
    }

    [Fact]
    public async Task A_referral_received_on_the_Friday_before_a_bank_holiday_is_due_on_the_fifth_working_day_and_breached_the_day_after()
    {
        var id = await ReferAsync(FridayBeforeHoliday);

        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.Zero));
        var onTheDay = (await RowAsync(id, Referrer)).Sla;
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var dayAfter = (await RowAsync(id, Referrer)).Sla;
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 8, 8, 0, 0, TimeSpan.Zero));
        var weekAfter = await RowAsync(id, Referrer);

        Assert.Equal(new SlaState(Due, SlaStatus.Due, 0, null), onTheDay);
        Assert.Equal(new SlaState(Due, SlaStatus.Breached, 1, null), dayAfter);
        Assert.Equal(new SlaState(Due, SlaStatus.Breached, 5, null), weekAfter.Sla);
        Assert.Equal(17, weekAfter.DaysSinceReceived);
        Assert.Equal(58, weekAfter.Age);
        Assert.Equal(("Ada Okafor", "E07000066"), (weekAfter.Name, weekAfter.Place?.Value));
    }

    [Fact]
    public async Task Contact_on_the_last_day_meets_the_level_and_contact_a_day_later_breaches_it()
    {
        var provider = await ProviderAsync();
        var inTime = await ReferAsync(FridayBeforeHoliday);
        var late = await ReferAsync(FridayBeforeHoliday);
        await AssignAsync(inTime, provider);
        await AssignAsync(late, provider);
        var staff = new ReferralViewer("provider-staff", [Roles.Provider], provider);

        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero));
        Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().MoveAsync(inTime, CaseStatus.Contacted, null, staff, cancellationToken: Token));
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 2, 15, 0, 0, TimeSpan.Zero));
        Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().MoveAsync(late, CaseStatus.Contacted, null, staff, cancellationToken: Token));
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new SlaState(Due, SlaStatus.Met, 0, Due), (await RowAsync(inTime, Referrer)).Sla);
        var lateSla = (await RowAsync(late, Referrer)).Sla;
        Assert.Equal(new SlaState(Due, SlaStatus.Late, 1, new DateOnly(2026, 6, 2)), lateSla);
        Assert.True(lateSla.IsBreach);
        var breachedOnly = await app.Get<Caseloads>().AllAsync(Referrer, new CaseloadFilter(BreachedOnly: true), Token);
        Assert.Equal([late], breachedOnly!.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Breached_cases_come_first_most_overdue_first_then_those_due_and_the_summary_counts_every_status()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        var recent = await ReferAsync(new DateTimeOffset(2026, 6, 9, 9, 0, 0, TimeSpan.Zero));
        var older = await ReferAsync(new DateTimeOffset(2026, 5, 26, 9, 0, 0, TimeSpan.Zero));
        var oldest = await ReferAsync(FridayBeforeHoliday);
        var declined = await ReferAsync(new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.Zero));
        Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().MoveAsync(declined, CaseStatus.Declined, "moved away", Coordinator, cancellationToken: Token));

        var mine = await app.Get<Caseloads>().PageAsync(Referrer, new CaseloadFilter(), Token);
        var onlyReceived = await app.Get<Caseloads>().PageAsync(Referrer, new CaseloadFilter(Status: CaseStatus.Received), Token);

        Assert.Equal([oldest, older, recent, declined], mine!.Rows.Select(r => r.Id));
        Assert.Equal([SlaStatus.Breached, SlaStatus.Breached, SlaStatus.Due, SlaStatus.Ended], mine.Rows.Select(r => r.Sla.Status));
        Assert.Equal("moved away", mine.Rows[^1].Reason);
        Assert.False(mine.OpenOnly); // a referrer sees their closed referrals too
        Assert.Equal((4, 3, 1, 2), (mine.Total, mine.ByStatus[CaseStatus.Received], mine.ByStatus[CaseStatus.Declined], mine.Breached));
        Assert.Equal([oldest, older, recent], onlyReceived!.Rows.Select(r => r.Id));
        Assert.Equal((1, 1), (onlyReceived.Page, onlyReceived.Pages));
        var beyond = await app.Get<Caseloads>().PageAsync(Referrer, new CaseloadFilter(Page: 99), Token);
        Assert.Equal(1, beyond!.Page); // a page past the end shows the last
    }

    [Fact]
    public async Task A_coordinator_sees_every_open_case_a_provider_only_those_it_holds_a_referrer_only_theirs_and_others_none()
    {
        var provider = await ProviderAsync();
        var held = await ReferAsync(FridayBeforeHoliday);
        var notHeld = await ReferAsync(FridayBeforeHoliday);
        await AssignAsync(held, provider);
        var caseloads = app.Get<Caseloads>();
        var staff = new ReferralViewer("provider-staff", [Roles.Provider], provider);
        var otherStaff = new ReferralViewer("other-staff", [Roles.Provider], provider + 1000);
        var otherReferrer = new ReferralViewer("gp-other-" + Guid.NewGuid().ToString("N")[..6], [Roles.Referrer], null);

        var all = (await caseloads.AllAsync(Coordinator, new CaseloadFilter(), Token))!.Rows.Select(r => r.Id).ToList();
        var providers = (await caseloads.AllAsync(staff, new CaseloadFilter(), Token))!.Rows.Select(r => r.Id).ToList();

        Assert.Contains(held, all);
        Assert.Contains(notHeld, all);
        Assert.Contains(held, providers);
        Assert.DoesNotContain(notHeld, providers);
        Assert.Empty((await caseloads.AllAsync(otherStaff, new CaseloadFilter(), Token))!.Rows);
        Assert.Empty((await caseloads.AllAsync(otherReferrer, new CaseloadFilter(), Token))!.Rows);
        Assert.Equal(2, (await caseloads.AllAsync(Referrer, new CaseloadFilter(), Token))!.Rows.Count);
        Assert.Null(await caseloads.AllAsync(new ReferralViewer("analyst", [Roles.Analyst], null), new CaseloadFilter(), Token));
        Assert.Null(await caseloads.AllAsync(new ReferralViewer("unlinked", [Roles.Provider], null), new CaseloadFilter(), Token));

        var details = app.Get<CaseDetails>();
        Assert.NotNull(await details.ShowAsync(held, staff, Token));
        Assert.Null(await details.ShowAsync(notHeld, staff, Token));
        Assert.Null(await details.ShowAsync(held, otherReferrer, Token));
        Assert.Null(await details.ShowAsync(held, new ReferralViewer("commissioner", [Roles.Commissioner], null), Token));
        Assert.Null(await details.ShowAsync(Guid.NewGuid(), Coordinator, Token));
    }

    [Fact]
    public async Task Every_case_read_is_audited_one_row_per_case_listed_and_one_per_case_page()
    {
        var first = await ReferAsync(FridayBeforeHoliday);
        var second = await ReferAsync(FridayBeforeHoliday);
        var db = app.Get<CommonwealDbContext>();

        await app.Get<Caseloads>().PageAsync(Referrer, new CaseloadFilter(), Token);
        await app.Get<CaseDetails>().ShowAsync(first, Referrer, Token);
        await app.Get<Caseloads>().CountsAsync(Referrer, Token);

        var reads = await db.Audit.AsNoTracking().Where(a => a.Actor == referrer && a.Action == "case.read").ToListAsync(Token);
        Assert.Equal(3, reads.Count);
        Assert.Equal(2, reads.Count(a => a.EntityKey == "caseload"));
        Assert.Equal(new[] { first.ToString(), second.ToString() }.Order(), reads.Where(a => a.EntityKey == "caseload").Select(a => a.Detail).Order());
        Assert.Single(reads, a => a.EntityKey == first.ToString());
    }

    [Fact]
    public async Task The_case_page_shows_the_proposal_to_a_coordinator_and_offers_each_viewer_only_the_moves_they_may_make()
    {
        var provider = await ProviderAsync();
        var id = await ReferAsync(FridayBeforeHoliday);
        var details = app.Get<CaseDetails>();

        var received = await details.ShowAsync(id, Coordinator, Token);
        var referrersView = await details.ShowAsync(id, Referrer, Token);
        await AssignAsync(id, provider);
        var assigned = await details.ShowAsync(id, Coordinator, Token);
        var providersView = await details.ShowAsync(id, new ReferralViewer("provider-staff", [Roles.Provider], provider), Token);

        Assert.NotNull(received!.Proposal);
        Assert.True(received.MayTriage);
        Assert.All(received.Proposal.Decision.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Why)));
        Assert.Equal([CaseStatus.Declined, CaseStatus.Closed], received.Moves);
        Assert.Null(referrersView!.Proposal);
        Assert.Empty(referrersView.Moves);
        Assert.Null(assigned!.Proposal);
        Assert.Equal([CaseStatus.Contacted, CaseStatus.Triaged, CaseStatus.Declined, CaseStatus.Closed], assigned.Moves);
        Assert.Equal([CaseStatus.Contacted, CaseStatus.Triaged, CaseStatus.Closed], providersView!.Moves);
        Assert.False(providersView.MayComplete);
        Assert.StartsWith("Wellbeing Partnership", providersView.Holder, StringComparison.Ordinal);
        Assert.Equal([CaseStatus.Received, CaseStatus.Triaged, CaseStatus.Assigned], providersView.Events.Select(e => e.To));
        Assert.Equal([referrer, "coordinator", "coordinator"], providersView.Events.Select(e => e.By));
    }

    [Fact]
    public async Task A_referrer_reads_their_notifications_and_marks_one_or_all_read_but_never_another_users()
    {
        var id = await ReferAsync(FridayBeforeHoliday);
        await AssignAsync(id, await ProviderAsync());
        var inbox = app.Get<NotificationsInbox>();

        var before = await inbox.ForAsync(Referrer, Token);
        var newest = before.Latest[0];
        var strangers = await inbox.MarkReadAsync(new ReferralViewer("someone-else", [Roles.Referrer], null), newest.Id, Token);
        var one = await inbox.MarkReadAsync(Referrer, newest.Id, Token);
        var again = await inbox.MarkReadAsync(Referrer, newest.Id, Token);
        var middle = await inbox.ForAsync(Referrer, Token);
        var rest = await inbox.MarkReadAsync(Referrer, null, Token);
        var after = await inbox.ForAsync(Referrer, Token);

        Assert.Equal(2, before.Unread);
        Assert.Equal(["Your referral is now assigned.", "Your referral is now triaged: test triage."], before.Latest.Select(n => n.Text));
        Assert.Equal((0, 1, 0), (strangers, one, again));
        Assert.Equal(1, middle.Unread);
        Assert.NotNull(middle.Latest[0].Read);
        Assert.Equal((1, 0), (rest, after.Unread));
    }
}

public sealed class SqliteCaseloadTests(SqliteDemoStore store) : CaseloadTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresCaseloadTests(PostgresDemoStore store) : CaseloadTests(store), IClassFixture<PostgresDemoStore>;
