using System.Text.Json;
using Commonweal.Application.Referrals;
using Commonweal.Application.Referrals.Demo;
using Commonweal.Application.Targeting;
using Commonweal.Application.Tests.Allocation;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Referrals;

/// <summary>
/// The demo's referral traffic on the seeded demo store, on SQLite and PostgreSQL: referrals of every route in every case
/// status, more per head from Core20 places, answers that say what the person's characteristics say and pass the
/// assessment's checks, triage lines with their reasons within each service's places, contacts late enough to breach the
/// service level, moves dated in order in the past with the Task to match, every FHIR resource parsed by Firely, nothing
/// twice, and the same referrals from the same seed.
/// </summary>
public abstract class DemoReferralsTests(DemoStore store) : IAsyncLifetime
{
    private ApplicationScope app = null!;

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

    private async Task<List<Referral>> DemoReferralsAsync() =>
        await app.Get<CommonwealDbContext>().Referrals.AsNoTracking().Where(r => r.IdentifierValue.StartsWith("demo-") || r.IdentifierValue.Contains("/demo-"))
            .ToListAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_demo_has_a_few_thousand_referrals_by_every_route_in_every_status_each_once()
    {
        var token = TestContext.Current.CancellationToken;
        var db = app.Get<CommonwealDbContext>();
        var referrals = await DemoReferralsAsync();
        var ids = referrals.Select(r => r.Id).ToHashSet();
        var cases = (await db.Cases.AsNoTracking().ToListAsync(token)).Where(c => ids.Contains(c.Id)).ToList();

        Assert.InRange(referrals.Count, 3000, DemoReferrals.Count);
        Assert.Equal(Enum.GetValues<ReferralRoute>(), referrals.Select(r => r.Route).Distinct().Order());
        Assert.Equal(Enum.GetValues<CaseStatus>(), cases.Select(c => c.Status).Distinct().Order());
        Assert.Equal(referrals.Count, cases.Count);
        Assert.Equal(referrals.Count, referrals.Select(r => (r.IdentifierSystem, r.IdentifierValue)).Distinct().Count());
        Assert.Equal(referrals.Count, referrals.Select(r => r.Person.NhsNumber ?? r.Id.ToString()).Distinct().Count());
        var completed = cases.Where(c => c.Status == CaseStatus.Completed).ToList();
        Assert.True(completed.Count > referrals.Count / 4, $"{completed.Count} completed");
        Assert.All(cases.Where(c => c.Status is CaseStatus.Completed or CaseStatus.Closed or CaseStatus.Declined), c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        var now = app.Get<TimeProvider>().GetUtcNow();
        Assert.All(referrals, r => Assert.InRange(r.Received, now.AddDays(-DemoReferrals.Days - 1), now));
    }

    [Fact]
    public async Task Every_stored_resource_of_the_demo_parses_with_Firely_and_each_Task_says_its_case_status()
    {
        var token = TestContext.Current.CancellationToken;
        var db = app.Get<CommonwealDbContext>();
        var ids = (await DemoReferralsAsync()).Select(r => r.Id).ToHashSet();
        var resources = (await db.FhirResources.AsNoTracking().ToListAsync(token)).Where(r => ids.Contains(r.Referral)).ToList();
        var statuses = (await db.Cases.AsNoTracking().ToListAsync(token)).Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id, c => c.Status);

        Assert.Equal(ids.Count * 5, resources.Count);
        foreach (var resource in resources)
        {
            var reader = new Utf8JsonReader(resource.Json);
            var parsed = FhirJsonDeserializer.DEFAULT.DeserializeResource(ref reader);
            Assert.Equal((resource.Type, resource.Id), (parsed.TypeName, parsed.Id));
            if (parsed is Hl7.Fhir.Model.Task task)
            {
                Assert.Equal(FhirTasks.StatusCode(statuses[resource.Referral]), resource.Status);
                Assert.Equal(resource.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), task.Meta?.VersionId);
                Assert.Equal(resource.Owner, task.Owner?.Reference);
            }
        }
    }

    [Fact]
    public async Task Moves_are_dated_in_order_in_the_past_triage_gives_reasons_within_the_places_and_some_contacts_breach_the_service_level()
    {
        var token = TestContext.Current.CancellationToken;
        var db = app.Get<CommonwealDbContext>();
        var referrals = (await DemoReferralsAsync()).ToDictionary(r => r.Id);
        var events = (await db.CaseEvents.AsNoTracking().ToListAsync(token)).Where(e => referrals.ContainsKey(e.Case)).OrderBy(e => e.Id).ToLookup(e => e.Case);
        var now = app.Get<TimeProvider>().GetUtcNow();

        var (breached, inTime) = (0, 0);
        var firstContacts = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Contacted }).ToDictionaryAsync(c => c.Id, c => c.Contacted, token);
        foreach (var history in events)
        {
            var moves = history.ToList();
            Assert.Equal((null, CaseStatus.Received), (moves[0].From, moves[0].To));
            for (var k = 1; k < moves.Count; k++)
            {
                Assert.Equal(moves[k - 1].To, moves[k].From);
                Assert.InRange(moves[k].At, moves[k - 1].At, now);
                Assert.Contains(moves[k].To, CaseTransitions.From(moves[k].From!.Value));
            }

            // The case keeps its first contact, which the caseload's service levels read.
            Assert.Equal(moves.FirstOrDefault(m => m.To == CaseStatus.Contacted)?.At, firstContacts[history.Key]);
            var received = DateOnly.FromDateTime(referrals[history.Key].Received.UtcDateTime);
            DateOnly? contacted = moves.FirstOrDefault(m => m.To == CaseStatus.Contacted) is { } c ? DateOnly.FromDateTime(c.At.UtcDateTime) : null;
            if (contacted is null) continue;
            if (CaseSla.ContactWithinFiveWorkingDays.IsBreached(received, contacted, DateOnly.FromDateTime(now.UtcDateTime))) breached++;
            else inTime++;
        }

        Assert.InRange(breached, inTime / 20, inTime / 3);
        var lines = (await db.SupportLines.AsNoTracking().ToListAsync(token)).Where(l => referrals.ContainsKey(l.Case)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Why)));
        Assert.Contains(lines, l => l.Waitlisted);
        Assert.Contains(lines, l => l.Tier == SupportTier.Professional && l.Provider is not null);
        var triaged = events.Where(h => h.Any(m => m.To == CaseStatus.Triaged)).Select(h => h.Key).ToHashSet();
        Assert.Equal(triaged, lines.Select(l => l.Case).ToHashSet());
        var services = await app.Get<ServiceDirectory>().ListAsync(token);
        var open = await app.Get<ServiceDirectory>().OpenLinesAsync(token);
        Assert.All(services.Where(s => s.Capacity is not null), s => Assert.InRange(open.GetValueOrDefault(s.Code), 0, s.Capacity!.Value));
        var told = await db.Notifications.AsNoTracking().CountAsync(token);
        Assert.True(told > referrals.Values.Count(r => r.Route == ReferralRoute.Professional), $"{told} notifications");
    }

    [Fact]
    public async Task The_seed_makes_the_same_referrals_as_stored_more_per_head_from_Core20_places_with_answers_that_follow_each_persons_characteristics()
    {
        var token = TestContext.Current.CancellationToken;
        var demo = app.Get<DemoReferrals>();
        var plan = await demo.PlanAsync(DemoReferrals.Seed, token);
        var again = await demo.PlanAsync(DemoReferrals.Seed, token);
        var other = await demo.PlanAsync(DemoReferrals.Seed + 1, token);

        Assert.Equal(plan.Select(r => r.Draft.Referral), again.Select(r => r.Draft.Referral));
        Assert.Equal(plan.Select(r => r.Journey.Moves.Count), again.Select(r => r.Journey.Moves.Count));
        Assert.NotEqual(plan.Select(r => r.Draft.Referral.Id), other.Select(r => r.Draft.Referral.Id));
        Assert.Equal(plan.Select(r => r.Draft.Referral.Id).Order(), (await DemoReferralsAsync()).Select(r => r.Id).Order());

        foreach (var referral in plan)
        {
            var answers = referral.Answers;
            Assert.True(HolisticAssessment.Check(answers, includeSwemwbs: false).IsValid);
            Assert.Equal(referral.Traits.Has(Trait.Smoker), answers["smoking"].Code!.StartsWith("yes", StringComparison.Ordinal));
            Assert.Equal(referral.Traits.Has(Trait.Lonely), answers["loneliness"].Code == "often-always");
            Assert.Equal(referral.Traits.Has(Trait.Carer), answers["caring"].Boolean);
            Assert.Equal(referral.Traits.Has(Trait.HarmfulDrinking), answers["alcohol-units"].Integer > 14);
            if (HolisticAssessment.Score(answers, includeSwemwbs: false).Bmi is { } bmi) Assert.Equal(referral.Traits.Has(Trait.ExcessWeight), bmi.Value >= 25);
        }

        var built = (await app.Get<PopulationFrames>().BuildAsync(null, token)).Value!;
        var core20 = built.Frame.Lsoas.Where(l => l.DomainDecile[(int)DeprivationDomain.Imd] is <= 2).Select(l => l.Code).ToHashSet();
        var residents = built.Frame.Lsoas.ToLookup(l => core20.Contains(l.Code), l => l.Residents);
        var referred = plan.ToLookup(r => core20.Contains(r.Lsoa));
        Assert.Equal(referred[true].Count(), plan.Count(r => r.Core20));
        var (inCore20, elsewhere) = ((double)referred[true].Count() / residents[true].Sum(), (double)referred[false].Count() / residents[false].Sum());
        Assert.True(inCore20 > 1.5 * elsewhere, $"{inCore20 * 1000:0.00} a thousand in Core20 places, {elsewhere * 1000:0.00} elsewhere");
    }
}

public sealed class SqliteDemoReferralsTests(SqliteDemoStore store) : DemoReferralsTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresDemoReferralsTests(PostgresDemoStore store) : DemoReferralsTests(store), IClassFixture<PostgresDemoStore>;
