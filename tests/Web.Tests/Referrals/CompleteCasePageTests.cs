using System.Net;
using Commonweal.Application.Referrals;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>
/// The page that completes a case with its outcome, posted as a browser posts it: the provider's staff holding the case
/// see the fields the case's lines call for (weight for a weight line, quit status for a smoking line; ONS4 and goals
/// always) beside the baseline, complete it and are sent to the case; bad input is refused with every problem in the
/// error summary, linked to its field, the values kept and nothing stored; others get 403 (or 404 for no such case); the
/// completion is audited.
/// </summary>
public abstract class CompleteCasePageTests(WebFixture platform)
{
    private const string Partner = "Wellbeing Partnership CIC (demo)";
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");

    private static string Path(Guid id) => $"/cases/{id}/complete";

    /// <summary>A case in support with the wellbeing partnership: weight and smoking lines, ONS4 and weight at referral.</summary>
    private async Task<Guid> InSupportAsync()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var token = TestContext.Current.CancellationToken;
        ReferralService Service(string code, Need need) => new(code, code, SupportKind.Professional, [need], [Basildon], 18, null, [], null, "IWS-2021", null);
        await services.GetRequiredService<ServiceDirectory>().ReplaceAsync([Service("P-SWM", Need.Weight), Service("P-QUIT", Need.Smoking)], "tester", token);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var answers = new Dictionary<string, AssessmentValue>
        {
            ["smoking"] = AssessmentValue.OfCode("yes-want-to-quit"),
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
            ["weight-kg"] = AssessmentValue.Of(100m),
            ["height-cm"] = AssessmentValue.Of(170m),
            [Ons4.LifeSatisfactionLinkId] = AssessmentValue.Of(4),
            [Ons4.WorthwhileLinkId] = AssessmentValue.Of(5),
            [Ons4.HappyLinkId] = AssessmentValue.Of(5),
            [Ons4.AnxiousLinkId] = AssessmentValue.Of(7),
        };
        var id = await TestReferrals.ReferAsync(services.GetRequiredService<ReferralIntake>(), TestReferrals.Draft(now, reason: "wellbeing", answers: answers));
        var coordinator = new ReferralViewer("coordinator", [Roles.VolunteerCoordinator], null);
        var confirmed = await services.GetRequiredService<CaseTriage>().ConfirmAsync(id, coordinator, token);
        Assert.True(confirmed is CaseWork.Result.Done, confirmed.ToString());
        var work = services.GetRequiredService<CaseWork>();
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Contacted, null, coordinator, cancellationToken: token));
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.InSupport, null, coordinator, cancellationToken: token));
        return id;
    }

    private async Task<T> StoreAsync<T>(Func<CommonwealDbContext, Task<T>> read)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CommonwealDbContext>());
    }

    private static Dictionary<string, string> Good() => new()
    {
        [Ons4.LifeSatisfactionLinkId] = "7",
        [Ons4.WorthwhileLinkId] = "7",
        [Ons4.HappyLinkId] = "8",
        [Ons4.AnxiousLinkId] = "3",
        ["weight-kg"] = "94.5",
        ["quit-status"] = "quit-self-reported",
        ["goals"] = "met",
        ["summary"] = "Finished the 12-week programme and stopped smoking",
    };

    [Fact]
    public async Task The_provider_holding_the_case_sees_the_baseline_completes_it_and_is_sent_to_the_case()
    {
        var id = await InSupportAsync();
        var (client, name) = await platform.Factory.SignedInAsProviderOfAsync(Partner);

        var form = await Html.GetAsync(client, Path(id));

        Assert.Contains("Ada Okafor", form.QuerySelector("h1")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var baseline = form.QuerySelector("[data-testid=baseline]")!.TextContent;
        Assert.Contains("life satisfaction 4, worthwhile 5, happiness 5, anxiety 7", baseline, StringComparison.Ordinal);
        Assert.Contains("100 kg (BMI 34.6)", baseline, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("input[name='weight-kg']"));
        Assert.Equal(5, form.QuerySelectorAll("input[name='quit-status']").Length);
        Assert.Equal(4, form.QuerySelectorAll("input[name^='ons4-']").Length);

        var response = await Forms.PostAsync(client, Path(id), "complete", Good());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"/cases/{id}", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        var kept = await StoreAsync(db => db.CaseOutcomes.AsNoTracking().SingleAsync(o => o.Case == id));
        Assert.Equal((name, QuitStatus.QuitSelfReported, 94.5m, -5.5m, true), (kept.CompletedBy, kept.Outcome.Quit, kept.Outcome.WeightAfterKg, kept.Outcome.WeightChangePercent, kept.Outcome.LostFivePercent));
        Assert.Equal(CaseStatus.Completed, await StoreAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.True(await StoreAsync(db => db.Audit.AnyAsync(a => a.Actor == name && a.Action == "case.move" && a.EntityKey == id.ToString() && a.Detail!.Contains("completed: Finished the 12-week programme"))));
        Assert.True(await StoreAsync(db => db.Audit.AnyAsync(a => a.Actor == name && a.Action == "case.read" && a.EntityKey == id.ToString())));

        var again = await Html.GetAsync(client, Path(id));
        Assert.NotNull(again.QuerySelector("[data-testid=not-in-support]"));
        Assert.Null(again.QuerySelector("form[data-testid=complete-form]"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_every_problem_linked_to_its_field_the_values_kept_and_nothing_stored()
    {
        var id = await InSupportAsync();
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.VolunteerCoordinator);
        var fields = Good();
        fields[Ons4.HappyLinkId] = "12";
        fields["weight-kg"] = "";
        fields["quit-status"] = "";
        fields.Remove("goals");

        var response = await Forms.PostAsync(client, Path(id), "complete", fields);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("[data-testid=error-summary] a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(["#goals", "#ons4-happy", "#weight-kg", "#quit-status"], links.Select(l => l.Item1));
        Assert.Contains(("#ons4-happy", "Happiness yesterday must be a whole number from 0 to 10"), links);
        Assert.Equal("Happiness yesterday must be a whole number from 0 to 10", page.QuerySelector("#ons4-happy-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.NotNull(page.QuerySelector("#weight-kg-error"));
        Assert.Equal("12", page.QuerySelector("#ons4-happy")!.GetAttribute("value"));
        Assert.Equal("7", page.QuerySelector("#ons4-life-satisfaction")!.GetAttribute("value"));
        Assert.Equal("Finished the 12-week programme and stopped smoking", page.QuerySelector("#summary")!.TextContent);
        Assert.False(await StoreAsync(db => db.CaseOutcomes.AnyAsync(o => o.Case == id)));
        Assert.Equal(CaseStatus.InSupport, await StoreAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Those_without_the_case_get_403_and_no_such_case_is_404()
    {
        var id = await InSupportAsync();

        var (referrer, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var get = await referrer.GetAsync(Path(id));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("Only the staff of the provider holding the case", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A provider's member of staff linked to no organisation sees no referrals at all, so is not told this one exists.
        var (unlinked, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        Assert.Equal(HttpStatusCode.NotFound, (await unlinked.GetAsync(Path(id))).StatusCode);

        var (other, _) = await platform.Factory.SignedInAsProviderOfAsync("Community Health Services Trust (demo)");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Path(id))).StatusCode);

        foreach (var role in new[] { Roles.Analyst, Roles.Commissioner })
        {
            var (client, _) = await platform.Factory.SignedInAsNewUserAsync(role);
            var refused = await client.GetAsync(Path(id));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (coordinator, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Path(Guid.NewGuid()))).StatusCode);
        Assert.False(await StoreAsync(db => db.CaseOutcomes.AnyAsync(o => o.Case == id)));
    }
}

public sealed class SqliteCompleteCasePageTests(SqlitePublicPlatform platform) : CompleteCasePageTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresCompleteCasePageTests(PostgresPublicPlatform platform) : CompleteCasePageTests(platform), IClassFixture<PostgresPublicPlatform>;
