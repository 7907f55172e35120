using System.Text;
using Commonweal.Application.Referrals;
using Commonweal.Application.Tests.Allocation;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Referrals;

/// <summary>
/// A referral from receipt to outcome on the demo store, on SQLite and PostgreSQL: triage proposes one case with a line
/// per need, each saying why, taking the directory's free places into account; a coordinator confirms it (triaged, then
/// assigned to the lead line's provider, the Task owned by it); the provider makes the moves of the work and completes it
/// with its outcome; every move is an event, a new Task version, a notification to the referrer and an audit entry; a
/// provider without the case and a referrer cannot move it; a full service sends the next person elsewhere.
/// </summary>
public abstract class CaseWorkTests(DemoStore store) : IAsyncLifetime
{
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");
    private ApplicationScope app = null!;

    /// <summary>The specialist weight management service's code, new for each test: the store is shared, so earlier tests' cases hold places in the others.</summary>
    private readonly string swm = $"T-SWM-{Guid.NewGuid():N}"[..14];

    public ValueTask InitializeAsync()
    {
        if (store.Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server, or set {TestDatabase.PostgresVariable}");
        app = new ApplicationScope(store.Database);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static ReferralViewer Coordinator => new("coordinator", [Roles.VolunteerCoordinator], null);

    private static Dictionary<string, AssessmentValue> Answers(params (string LinkId, AssessmentValue Value)[] changes)
    {
        var answers = new Dictionary<string, AssessmentValue>(StringComparer.Ordinal)
        {
            ["smoking"] = AssessmentValue.OfCode("never"),
            ["activity-days"] = AssessmentValue.Of(5),
            ["alcohol-units"] = AssessmentValue.Of(0),
            ["money"] = AssessmentValue.OfCode("managing"),
            ["debt"] = AssessmentValue.OfCode("none"),
            ["employment"] = AssessmentValue.OfCode("working"),
            ["housing"] = AssessmentValue.OfCode("settled"),
            ["loneliness"] = AssessmentValue.OfCode("hardly-ever"),
            ["caring"] = AssessmentValue.Of(false),
            ["long-term-conditions"] = AssessmentValue.OfCode("none"),
            ["frailty"] = AssessmentValue.OfCode("none"),
            ["home-environment"] = AssessmentValue.OfCode("fine"),
        };
        foreach (var (linkId, value) in changes) answers[linkId] = value;
        return answers;
    }

    /// <summary>A referral sent by "gp-referrer" for a Basildon resident with these answers, stored through the intake.</summary>
    private Task<Guid> ReferAsync(Dictionary<string, AssessmentValue> answers, string? requested = null) =>
        TestReferrals.ReferAsync(app.Get<ReferralIntake>(), TestReferrals.Draft(app.Get<TimeProvider>().GetUtcNow(), requested: requested, answers: answers));

    private async Task<int> WellbeingProviderAsync() =>
        await app.Get<CommonwealDbContext>().Partners.Where(p => p.Name.StartsWith("Wellbeing Partnership")).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);

    /// <summary>A directory for Basildon: specialist weight management (IWS-2021, a code of its own, 1 place), a community walking group, a stop smoking service, befriending.</summary>
    private async Task DirectoryAsync(int weightPlaces = 1)
    {
        ReferralService Service(string code, string name, SupportKind kind, Need[] needs, int? capacity, string? contract = null) =>
            new(code, name, kind, needs, [Basildon], 18, null, [], capacity, contract, contract is null ? null : "WM");
        await app.Get<ServiceDirectory>().ReplaceAsync(
        [
            Service(swm, "Specialist weight management", SupportKind.Professional, [Need.Weight], weightPlaces, "IWS-2021"),
            Service("T-WALK", "Walking group", SupportKind.CommunityAsset, [Need.Weight, Need.PhysicalActivity], 50),
            Service("T-QUIT", "Stop smoking service", SupportKind.Professional, [Need.Smoking], 10, "IWS-2021"),
            Service("T-BEFRIEND", "Befriending", SupportKind.Volunteer, [Need.Loneliness, Need.Wellbeing], null),
        ], "tester", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_referral_with_several_needs_becomes_one_case_triaged_assigned_and_completed_with_its_outcome()
    {
        await DirectoryAsync(weightPlaces: 5);
        var id = await ReferAsync(Answers(("smoking", AssessmentValue.OfCode("yes-want-to-quit")), ("weight-kg", AssessmentValue.Of(96m)), ("height-cm", AssessmentValue.Of(170m)),
            ("loneliness", AssessmentValue.OfCode("often-always"))));
        var triage = app.Get<CaseTriage>();
        var token = TestContext.Current.CancellationToken;

        var proposal = await triage.ProposeAsync(id, Coordinator, token);

        Assert.NotNull(proposal);
        Assert.Equal([(Need.Smoking, "T-QUIT"), (Need.Weight, swm), (Need.Loneliness, "T-BEFRIEND")],
            proposal.Decision.Lines.Select(l => (l.Need, l.ServiceCode)).OrderBy(l => l.Need).ToList());
        Assert.All(proposal.Decision.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Why)));
        Assert.Contains("BMI 33.2", proposal.Decision.Lines.Single(l => l.Need == Need.Weight).Why, StringComparison.Ordinal);
        Assert.Null(await triage.ProposeAsync(id, new ReferralViewer("gp-referrer", [Roles.Referrer], null), token));

        Assert.IsType<CaseWork.Result.Done>(await triage.ConfirmAsync(id, Coordinator, token));

        var db = app.Get<CommonwealDbContext>();
        var person = (await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id, token)).Person;
        Assert.Equal(("Ada", "Okafor", "SS14 1AB", Basildon, new DateOnly(1968, 4, 12)), (person.GivenName, person.FamilyName, person.Postcode, person.Place, person.BirthDate));
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "referral.create" && a.EntityKey == id.ToString(), token));
        var provider = await WellbeingProviderAsync();
        Assert.Equal(CaseStatus.Assigned, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, token)).Status);
        Assert.Equal(3, await db.SupportLines.CountAsync(l => l.Case == id, token));
        var task = await db.FhirResources.AsNoTracking().SingleAsync(r => r.Referral == id && r.Type == "Task", token);
        Assert.Equal((2, "accepted", $"Organization/{provider}"), (task.Version, task.Status, task.Owner));
        Assert.Contains($"\"owner\":{{\"reference\":\"Organization/{provider}\"", Encoding.UTF8.GetString(task.Json), StringComparison.Ordinal);

        var theirs = new ReferralViewer("provider-staff", [Roles.Provider], provider);
        var stranger = new ReferralViewer("other-staff", [Roles.Provider], provider + 1000);
        var work = app.Get<CaseWork>();
        Assert.Equal(CaseWork.Result.Forbidden, await work.MoveAsync(id, CaseStatus.Contacted, null, stranger, cancellationToken: token));
        Assert.Equal(CaseWork.Result.Forbidden, await work.MoveAsync(id, CaseStatus.Contacted, null, new ReferralViewer("gp-referrer", [Roles.Referrer], null), cancellationToken: token));
        Assert.IsType<CaseWork.Result.Refusal>(await work.MoveAsync(id, CaseStatus.Completed, "quit", theirs, cancellationToken: token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Contacted, null, theirs, cancellationToken: token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.InSupport, null, theirs, cancellationToken: token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Completed, "quit at 4 weeks; lost 6 % of weight", theirs, cancellationToken: token));

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.Case == id).OrderBy(e => e.Id).Select(e => e.To).ToListAsync(token);
        Assert.Equal([CaseStatus.Received, CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.Contacted, CaseStatus.InSupport, CaseStatus.Completed], events);
        task = await db.FhirResources.AsNoTracking().SingleAsync(r => r.Referral == id && r.Type == "Task", token);
        Assert.Equal((5, "completed"), (task.Version, task.Status));
        var json = Encoding.UTF8.GetString(task.Json);
        Assert.Contains("quit at 4 weeks", json, StringComparison.Ordinal);
        Assert.Contains("\"requester\":{\"reference\":\"Practitioner/gp-1\"}", json, StringComparison.Ordinal);
        Assert.Contains($"\"focus\":{{\"reference\":\"ServiceRequest/{id}\"}}", json, StringComparison.Ordinal);
        var told = await db.Notifications.AsNoTracking().Where(n => n.Referral == id).Select(n => n.Text).ToListAsync(token);
        Assert.Equal(5, told.Count);
        Assert.All(told, t => Assert.StartsWith("Your referral is now", t, StringComparison.Ordinal));
        Assert.Equal(5, await db.Audit.CountAsync(a => a.Action == "case.move" && a.EntityKey == id.ToString(), token));
    }

    [Fact]
    public async Task A_full_professional_service_sends_the_next_person_to_community_support_waitlisted()
    {
        await DirectoryAsync(weightPlaces: 1);
        var heavy = Answers(("weight-kg", AssessmentValue.Of(110m)), ("height-cm", AssessmentValue.Of(165m)));
        var triage = app.Get<CaseTriage>();
        var token = TestContext.Current.CancellationToken;
        var first = await ReferAsync(heavy);
        var second = await ReferAsync(heavy);

        Assert.IsType<CaseWork.Result.Done>(await triage.ConfirmAsync(first, Coordinator, token));
        var next = (await triage.ProposeAsync(second, Coordinator, token))!.Decision.Lines.Single(l => l.Need == Need.Weight);

        Assert.Equal(("T-WALK", true, swm), (next.ServiceCode, next.Waitlisted, next.WaitlistedFor));
        Assert.Contains(swm, next.Why, StringComparison.Ordinal);
        Assert.IsType<CaseWork.Result.Refusal>(await triage.ConfirmAsync(first, Coordinator, token));
    }

    [Fact]
    public async Task A_case_handed_back_to_triage_frees_its_places_and_is_confirmed_again()
    {
        await DirectoryAsync(weightPlaces: 1);
        var heavy = Answers(("weight-kg", AssessmentValue.Of(110m)), ("height-cm", AssessmentValue.Of(165m)));
        var triage = app.Get<CaseTriage>();
        var work = app.Get<CaseWork>();
        var db = app.Get<CommonwealDbContext>();
        var token = TestContext.Current.CancellationToken;
        var first = await ReferAsync(heavy);
        var second = await ReferAsync(heavy);
        Assert.IsType<CaseWork.Result.Done>(await triage.ConfirmAsync(first, Coordinator, token));
        var provider = new ReferralViewer("provider-staff", [Roles.Provider], await WellbeingProviderAsync());

        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(first, CaseStatus.Triaged, "not ready to start", provider, cancellationToken: token));

        Assert.Equal(0, await db.SupportLines.CountAsync(l => l.Case == first, token));
        var next = (await triage.ProposeAsync(second, Coordinator, token))!.Decision.Lines.Single(l => l.Need == Need.Weight);
        Assert.Equal((swm, false), (next.ServiceCode, next.Waitlisted));
        Assert.IsType<CaseWork.Result.Done>(await triage.ConfirmAsync(first, Coordinator, token));
        Assert.Equal(CaseStatus.Assigned, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == first, token)).Status);
        Assert.Equal(1, await db.SupportLines.CountAsync(l => l.Case == first, token));
    }

    [Fact]
    public async Task Of_two_people_moving_one_case_at_once_the_second_is_refused_and_nothing_of_theirs_is_saved()
    {
        await DirectoryAsync();
        var id = await ReferAsync(Answers(("loneliness", AssessmentValue.OfCode("often-always"))));
        var token = TestContext.Current.CancellationToken;
        await using var other = new ApplicationScope(store.Database!);
        var mine = app.Get<CaseWork>();
        var theirs = other.Get<CaseWork>();

        var first = await mine.MoveAsync(id, CaseStatus.Declined, "moved away", Coordinator, save: false, cancellationToken: token);
        var second = await theirs.MoveAsync(id, CaseStatus.Closed, "duplicate", Coordinator, cancellationToken: token);
        Assert.IsType<CaseWork.Result.Done>(second);
        var refused = await mine.SaveAsync(first, token);

        var refusal = Assert.IsType<CaseWork.Result.Refusal>(refused);
        Assert.Contains("someone else", refusal.Why, StringComparison.Ordinal);
        var db = other.Get<CommonwealDbContext>();
        Assert.Equal(CaseStatus.Closed, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, token)).Status);
        Assert.Equal([CaseStatus.Received, CaseStatus.Closed], await db.CaseEvents.AsNoTracking().Where(e => e.Case == id).OrderBy(e => e.Id).Select(e => e.To).ToListAsync(token));
    }
}

public sealed class SqliteCaseWorkTests(SqliteDemoStore store) : CaseWorkTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresCaseWorkTests(PostgresDemoStore store) : CaseWorkTests(store), IClassFixture<PostgresDemoStore>;
