using System.Text.Json;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Indicators;
using Commonweal.Application.Referrals;
using Commonweal.Application.Tests.Allocation;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Referrals;

/// <summary>
/// Cases completed with a structured outcome, on the demo store, on SQLite and PostgreSQL: the outcome is checked against
/// the case's lines and kept with its baseline and the person's district; the Task carries it as typed outputs; and the
/// outcomes reach the indicators (by district and quarter, with Wilson intervals, added up to the ICS, small numbers
/// suppressed with their complement) and the integrated wellbeing contract's KPIs (the month's actual from the outcomes,
/// saying which cases counted, unless the provider returned the month). Each test runs at a time of its own, so each
/// counts only its own cases.
/// </summary>
public abstract class CaseOutcomeFlowTests(DemoStore store)
{
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");
    private static readonly AreaCode Southend = AreaCode.Parse("E06000033");

    private static ReferralViewer Coordinator => new("coordinator", [Roles.VolunteerCoordinator], null);

    private ApplicationScope Scope(DateTimeOffset now)
    {
        if (store.Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server, or set {TestDatabase.PostgresVariable}");
        return new ApplicationScope(store.Database, now: now);
    }

    private static Dictionary<string, AssessmentValue> Answers(bool smokes, decimal? weight, int lifeSatisfaction = 4)
    {
        var answers = new Dictionary<string, AssessmentValue>(StringComparer.Ordinal)
        {
            ["smoking"] = AssessmentValue.OfCode(smokes ? "yes-want-to-quit" : "never"),
            ["activity-days"] = AssessmentValue.Of(5),
            ["alcohol-units"] = AssessmentValue.Of(0),
            ["money"] = AssessmentValue.OfCode("managing"),
            ["debt"] = AssessmentValue.OfCode("none"),
            ["employment"] = AssessmentValue.OfCode("working"),
            ["housing"] = AssessmentValue.OfCode("settled"),
            ["loneliness"] = AssessmentValue.OfCode("often-always"),
            ["caring"] = AssessmentValue.Of(false),
            ["long-term-conditions"] = AssessmentValue.OfCode("none"),
            ["frailty"] = AssessmentValue.OfCode("none"),
            ["home-environment"] = AssessmentValue.OfCode("fine"),
            [Ons4.LifeSatisfactionLinkId] = AssessmentValue.Of(lifeSatisfaction),
            [Ons4.WorthwhileLinkId] = AssessmentValue.Of(5),
            [Ons4.HappyLinkId] = AssessmentValue.Of(5),
            [Ons4.AnxiousLinkId] = AssessmentValue.Of(6),
        };
        if (weight is { } w)
        {
            answers["weight-kg"] = AssessmentValue.Of(w);
            answers["height-cm"] = AssessmentValue.Of(170m);
        }

        return answers;
    }

    /// <summary>The test's directory: weight management and stop smoking on the integrated wellbeing contract, befriending, everywhere in the ICS.</summary>
    private static async Task DirectoryAsync(ApplicationScope app, AreaCode[] places)
    {
        ReferralService Service(string code, string name, SupportKind kind, Need[] needs, string? contract, string? line) =>
            new(code, name, kind, needs, places, 18, null, [], null, contract, line);
        await app.Get<ServiceDirectory>().ReplaceAsync(
        [
            Service("O-SWM", "Specialist weight management", SupportKind.Professional, [Need.Weight], "IWS-2021", "WM"),
            Service("O-QUIT", "Stop smoking service", SupportKind.Professional, [Need.Smoking], "IWS-2021", "SC"),
            Service("O-BEFRIEND", "Befriending", SupportKind.Volunteer, [Need.Loneliness, Need.Wellbeing], null, null),
        ], "tester", TestContext.Current.CancellationToken);
    }

    /// <summary>A referral for a person in the place, triaged, assigned to the wellbeing partnership and in support.</summary>
    private static async Task<(Guid Id, ReferralViewer Provider)> InSupportAsync(ApplicationScope app, AreaCode place, Dictionary<string, AssessmentValue> answers)
    {
        var token = TestContext.Current.CancellationToken;
        var id = await TestReferrals.ReferAsync(app.Get<ReferralIntake>(),
            TestReferrals.Draft(app.Get<TimeProvider>().GetUtcNow(), place: place, reason: "wellbeing", answers: answers));
        Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseTriage>().ConfirmAsync(id, Coordinator, token));
        var owner = await app.Get<CommonwealDbContext>().FhirResources.AsNoTracking().Where(r => r.Referral == id && r.Type == "Task").Select(r => r.Owner).SingleAsync(token);
        var provider = new ReferralViewer("provider-staff", [Roles.Provider], int.Parse(owner!["Organization/".Length..], System.Globalization.CultureInfo.InvariantCulture));
        var work = app.Get<CaseWork>();
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Contacted, null, provider, cancellationToken: token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.InSupport, null, provider, cancellationToken: token));
        return (id, provider);
    }

    [Fact]
    public async Task A_case_is_completed_with_its_outcome_checked_kept_with_its_baseline_and_given_to_the_Task_as_typed_outputs()
    {
        await using var app = Scope(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
        await DirectoryAsync(app, [Basildon]);
        var token = TestContext.Current.CancellationToken;
        var (id, provider) = await InSupportAsync(app, Basildon, Answers(smokes: true, weight: 100m));
        var work = app.Get<CaseWork>();
        var db = app.Get<CommonwealDbContext>();

        var invalid = Assert.IsType<CaseWork.Result.Invalid>(await work.CompleteAsync(id, new CaseOutcome("Finished", GoalsMet.Met), provider, token));
        Assert.Equal(["weight-kg"], invalid.Problems.Select(p => p.Field));
        Assert.Equal(CaseWork.Result.Forbidden, await work.CompleteAsync(id, new CaseOutcome("Finished", GoalsMet.Met, WeightAfterKg: 94m), provider with { Partner = provider.Partner + 1000 }, token));
        Assert.Equal(CaseStatus.InSupport, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, token)).Status);

        var done = await work.CompleteAsync(id, new CaseOutcome(" Finished the programme ", GoalsMet.Partly, Ons4.Scores(7, 6, 7, 3), 94m, QuitStatus.QuitCoVerified), provider, token);

        Assert.IsType<CaseWork.Result.Done>(done);
        var kept = await db.CaseOutcomes.AsNoTracking().SingleAsync(o => o.Case == id, token);
        Assert.Equal((OutcomeLines.Weight | OutcomeLines.Smoking, Basildon, "provider-staff"), (kept.Lines, kept.District, kept.CompletedBy));
        Assert.Equal(new OutcomeBaseline(Ons4.Scores(4, 5, 5, 6), 100m, 170m), kept.Outcome.Baseline);
        Assert.Equal(("Finished the programme", -6.0m, true, new Ons4Change(3, 1, 2, -3)), (kept.Outcome.Summary, kept.Outcome.WeightChangePercent, kept.Outcome.LostFivePercent, kept.Outcome.Ons4Change));
        var kase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, token);
        Assert.Equal(CaseStatus.Completed, kase.Status);
        Assert.StartsWith("Finished the programme; goals partly met; weight 94 kg (−6 kg, −6 %)", kase.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "case.move" && a.EntityKey == id.ToString() && a.Detail!.StartsWith("in support → completed: Finished the programme"), token));

        var task = JsonDocument.Parse((await db.FhirResources.AsNoTracking().SingleAsync(r => r.Referral == id && r.Type == "Task", token)).Json).RootElement;
        Assert.Equal("completed", task.GetProperty("status").GetString());
        var outputs = task.GetProperty("output").EnumerateArray().ToDictionary(o => o.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString()!, o => o);
        Assert.Equal("Finished the programme", outputs["summary"].GetProperty("valueString").GetString());
        Assert.Equal("partly", outputs["goals-met"].GetProperty("valueCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("quit-co-verified", outputs["quit-status-4-weeks"].GetProperty("valueCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(7, outputs["ons4-life-satisfaction-after"].GetProperty("valueInteger").GetInt32());
        Assert.Equal(4, outputs["ons4-life-satisfaction-before"].GetProperty("valueInteger").GetInt32());
        var change = outputs["weight-change"].GetProperty("valueQuantity");
        Assert.Equal((-6m, "kg", "http://unitsofmeasure.org"), (change.GetProperty("value").GetDecimal(), change.GetProperty("code").GetString(), change.GetProperty("system").GetString()));
        Assert.Equal(-6m, outputs["weight-change-percent"].GetProperty("valueQuantity").GetProperty("value").GetDecimal());
        Assert.True(outputs["weight-lost-5-percent"].GetProperty("valueBoolean").GetBoolean());
        Assert.Equal(34.6m, outputs["bmi-before"].GetProperty("valueQuantity").GetProperty("value").GetDecimal());

        Assert.IsType<CaseWork.Result.Refusal>(await work.CompleteAsync(id, new CaseOutcome("Again", GoalsMet.Met, WeightAfterKg: 90m), provider, token));
        Assert.Equal(1, await db.CaseOutcomes.CountAsync(o => o.Case == id, token));
    }

    [Fact]
    public async Task A_quit_status_for_a_case_without_a_smoking_line_is_refused_and_nothing_changes()
    {
        await using var app = Scope(new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.Zero));
        await DirectoryAsync(app, [Basildon]);
        var token = TestContext.Current.CancellationToken;
        var (id, provider) = await InSupportAsync(app, Basildon, Answers(smokes: false, weight: 100m));

        var invalid = Assert.IsType<CaseWork.Result.Invalid>(await app.Get<CaseWork>().CompleteAsync(id, new CaseOutcome("", GoalsMet.Met, WeightAfterKg: 95m, Quit: QuitStatus.NotQuit), provider, token));

        Assert.Equal(["summary", "quit-status"], invalid.Problems.Select(p => p.Field));
        var db = app.Get<CommonwealDbContext>();
        Assert.False(await db.CaseOutcomes.AnyAsync(o => o.Case == id, token));
        Assert.Equal(CaseStatus.InSupport, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, token)).Status);
    }

    [Fact]
    public async Task Outcomes_reach_the_indicators_by_district_and_quarter_with_small_numbers_suppressed()
    {
        var token = TestContext.Current.CancellationToken;
        const string Quarter = "2026/27 Q4";
        await using (var app = Scope(new DateTimeOffset(2027, 2, 10, 10, 0, 0, TimeSpan.Zero)))
        {
            await DirectoryAsync(app, [Basildon, Southend]);
            // Basildon: 12 completers of weight management, 7 losing 5 % or more (5 % exactly counts; 4.9 % does not).
            decimal[] after = [95m, 90m, 94m, 93m, 92m, 91m, 89m, 95.1m, 97m, 99m, 100m, 102m];
            foreach (var weight in after)
            {
                var (id, provider) = await InSupportAsync(app, Basildon, Answers(smokes: false, weight: 100m));
                Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().CompleteAsync(id, new CaseOutcome("Finished", GoalsMet.Met, Ons4.Scores(5, 5, 5, 5), weight), provider, token));
            }

            var table = (await app.Get<IndicatorCache>().GetAsync(app.Get<IDbContextFactory<CommonwealDbContext>>(), OutcomeIndicators.WeightLoss, token))!;
            var basildon = table.Find(Basildon, Quarter, Breakdown.Persons)!;
            Assert.Equal((7d, 12d), (basildon.Value.Count, basildon.Value.Denominator));
            var wilson = Proportions.WilsonScore(7, 12, ConfidenceLevel.Percent95).Scale(100);
            Assert.Equal(700d / 12, basildon.Value.Value!.Value, 9);
            Assert.Equal((wilson.Lower, wilson.Upper), (basildon.Value.Lower95!.Value, basildon.Value.Upper95!.Value));
            var ics = table.Find(app.Get<IcsDefinition>().Code, Quarter, Breakdown.Persons)!;
            Assert.Equal((7d, 12d, ValueSourceAggregated), (ics.Value.Count, ics.Value.Denominator, ics.Value.Source.ToString()));
            Assert.False(table.Disclosed(basildon, DisclosurePolicy.Default).IsSuppressed);

            // Life satisfaction rose from 4 to 5 for all twelve; no smoking lines, so no quit rate.
            var satisfied = (await app.Get<IndicatorCache>().GetAsync(app.Get<IDbContextFactory<CommonwealDbContext>>(), OutcomeIndicators.LifeSatisfactionImproved, token))!;
            Assert.Equal((12d, 12d), (satisfied.Find(Basildon, Quarter, Breakdown.Persons)!.Value.Count, satisfied.Find(Basildon, Quarter, Breakdown.Persons)!.Value.Denominator));

            // Southend: two completers, both losing 5 %: too few to show, and Basildon or the ICS hidden with it.
            foreach (var weight in new[] { 90m, 91m })
            {
                var (id, provider) = await InSupportAsync(app, Southend, Answers(smokes: false, weight: 100m));
                Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().CompleteAsync(id, new CaseOutcome("Finished", GoalsMet.Met, WeightAfterKg: weight), provider, token));
            }

            table = (await app.Get<IndicatorCache>().GetAsync(app.Get<IDbContextFactory<CommonwealDbContext>>(), OutcomeIndicators.WeightLoss, token))!;
            var southend = table.Disclosed(table.Find(Southend, Quarter, Breakdown.Persons)!, DisclosurePolicy.Default);
            Assert.True(southend.IsSuppressed);
            Assert.Null(southend.Value);
            Assert.Contains("suppressed", southend.Note, StringComparison.Ordinal);
            ics = table.Find(app.Get<IcsDefinition>().Code, Quarter, Breakdown.Persons)!;
            Assert.Equal((9d, 14d), (ics.Value.Count, ics.Value.Denominator));
            Assert.True(table.Disclosed(ics, DisclosurePolicy.Default).IsSuppressed || table.Disclosed(table.Find(Basildon, Quarter, Breakdown.Persons)!, DisclosurePolicy.Default).IsSuppressed,
                "Southend's two could be worked out from the ICS less Basildon");
        }
    }

    private const string ValueSourceAggregated = "Aggregated";

    [Fact]
    public async Task Outcomes_on_the_contract_s_services_reach_its_KPIs_saying_which_cases_counted()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = Scope(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero));
        await DirectoryAsync(app, [Basildon]);
        var cases = new List<Guid>();
        // Five completers of weight management on the contract's service (two losing 5 %), three of stop smoking (two quit, one lost to follow-up).
        foreach (var (weight, smokes, quit) in new (decimal?, bool, QuitStatus?)[] { (94m, false, null), (95m, false, null), (97m, false, null), (99m, false, null), (101m, false, null),
                     (null, true, QuitStatus.QuitCoVerified), (null, true, QuitStatus.QuitSelfReported), (null, true, QuitStatus.LostToFollowUp) })
        {
            var (id, provider) = await InSupportAsync(app, Basildon, Answers(smokes, weight is null ? null : 100m));
            Assert.IsType<CaseWork.Result.Done>(await app.Get<CaseWork>().CompleteAsync(id, new CaseOutcome("Finished", GoalsMet.Met, null, weight, quit), provider, token));
            cases.Add(id);
        }

        var viewer = CommissioningViewer.Console("commissioner");
        // December has not ended on the 10th: nothing yet.
        var during = (await app.Get<ContractRegister>().ShowAsync("IWS-2021", new DateOnly(2026, 12, 10), viewer, token)).Value!;
        Assert.DoesNotContain(during.FromOutcomes!, a => a.Period.Label == "Dec-26");

        var view = (await app.Get<ContractRegister>().ShowAsync("IWS-2021", new DateOnly(2027, 1, 5), viewer, token)).Value!;

        var weightLoss = Assert.Single(view.FromOutcomes!, a => a.Kpi.Code == "WM5" && a.Period.Label == "Dec-26");
        Assert.Equal((2, 5), (weightLoss.Count, weightLoss.Denominator));
        Assert.Equal(cases.Take(5).Order(), weightLoss.Cases.Select(c => c.Case).Order());
        Assert.All(weightLoss.Cases, c => Assert.Equal("O-SWM", c.Service));
        var quits = Assert.Single(view.FromOutcomes!, a => a.Kpi.Code == "QUIT" && a.Period.Label == "Dec-26");
        Assert.Equal((2, 3), (quits.Count, quits.Denominator));
        Assert.Equal(cases.Skip(5).Order(), quits.Cases.Select(c => c.Case).Order());

        var wm5 = view.Kpis.Single(k => k.Kpi.Code == "WM5").Report;
        var december = wm5.Periods.Single(p => p.Period.Label == "Dec-26");
        Assert.Equal(40d, december.Shown.Value!.Value, 9);
        Assert.Contains("from referral outcomes: 2 of 5 completed cases", december.Shown.Row.Value.ValueNote, StringComparison.Ordinal);
        // The months the provider returned keep their returns.
        Assert.DoesNotContain(view.FromOutcomes!, a => a.Period.Label == "Oct-26");
    }
}

public sealed class SqliteCaseOutcomeFlowTests(SqliteDemoStore store) : CaseOutcomeFlowTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresCaseOutcomeFlowTests(PostgresDemoStore store) : CaseOutcomeFlowTests(store), IClassFixture<PostgresDemoStore>;
