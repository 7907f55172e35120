using System.Net;
using AngleSharp.Dom;
using Commonweal.Application.Referrals;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Cases;

/// <summary>
/// The case pages through real sign-in, posted as a browser posts them (no JavaScript): each role's caseload, the case
/// page with the coordinator's proposal, moves that change the case and refusals in the error summary, the referrer's
/// notifications, the CSV downloads, 403 for roles without cases and 404 for a case one may not see; reads audited.
/// </summary>
public abstract class CasePagesTests(WebFixture platform)
{
    private static readonly ReferralViewer Coordinator = new("coordinator", [Roles.VolunteerCoordinator], null);

    private async Task<Guid> ReferAsync(string referrer, string family, AreaCode? place = null)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await TestReferrals.ReferAsync(scope.ServiceProvider.GetRequiredService<ReferralIntake>(),
            TestReferrals.Draft(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), referrer, family, place));
    }

    private async Task<(int Id, string Name)> ProviderAsync()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var partner = await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Partners.AsNoTracking()
            .Where(p => p.Name.StartsWith("Wellbeing Partnership")).Select(p => new { p.Id, p.Name }).FirstAsync();
        return (partner.Id, partner.Name);
    }

    private async Task AssignAsync(Guid id, int provider)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
        Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(id, CaseStatus.Triaged, "test triage", Coordinator));
        await using var next = platform.Factory.Services.CreateAsyncScope();
        Assert.IsType<CaseWork.Result.Done>(await next.ServiceProvider.GetRequiredService<CaseWork>().MoveAsync(id, CaseStatus.Assigned, null, Coordinator, provider));
    }

    private Task<CaseStatus> StatusAsync(Guid id) => StoreAsync(async db => (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).Status);

    private async Task<T> StoreAsync<T>(Func<CommonwealDbContext, Task<T>> read)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CommonwealDbContext>());
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(HttpClient client, string path, string form, Dictionary<string, string>? fields = null)
    {
        var response = await Forms.PostAsync(client, path, form, fields);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    private static string Family() => "Okafor" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_referrer_sees_their_referrals_with_status_and_notifications_and_marks_them_read()
    {
        var (client, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var family = Family();
        var id = await ReferAsync(name, family);
        await AssignAsync(id, (await ProviderAsync()).Id);
        var lsoa = await StoreAsync(db => db.Areas.AsNoTracking().Where(a => a.Type == AreaType.Lsoa).OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).FirstAsync());
        var inLsoa = await ReferAsync(name, Family(), lsoa.Code);

        var page = await Html.GetAsync(client, "/cases");

        Assert.Equal("Your referrals", page.QuerySelector("h1")!.TextContent);
        var row = page.QuerySelector($"[data-case='{id}']");
        Assert.NotNull(row);
        Assert.Contains(family, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Assigned", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Basildon", row.TextContent, StringComparison.Ordinal); // the place by its name, not E07000066
        Assert.Contains(lsoa.Name, page.QuerySelector($"[data-case='{inLsoa}']")!.TextContent, StringComparison.Ordinal); // an LSOA's too
        Assert.Contains("Notifications (2 unread)", page.QuerySelector("#notifications")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your referral is now assigned.", page.Text("notifications"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=chart] svg title"));
        Assert.NotNull(page.QuerySelector("a[href='/cases']"));

        var (response, after) = await PostAsync(client, "/cases", "read-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 notifications marked as read", after.Text("saved"), StringComparison.Ordinal);
        Assert.All(after.QuerySelectorAll("[data-testid=notifications] li"), li => Assert.Equal("yes", li.GetAttribute("data-read")));
        var (missing, _) = await PostAsync(client, "/cases", "read-999999999"); // no such form on the page: nothing marked
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var casePage = await Html.GetAsync(client, $"/cases/{id}");
        Assert.Contains(family, casePage.Text("person"), StringComparison.Ordinal);
        Assert.Contains("Basildon, SS14 1AB", casePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(casePage.QuerySelector("[data-testid=move-form]"));
        Assert.Null(casePage.QuerySelector("[data-testid=confirm-form]"));
    }

    [Fact]
    public async Task A_coordinator_sees_the_proposal_and_a_refused_move_is_shown_in_the_error_summary_and_changes_nothing()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.VolunteerCoordinator);
        var id = await ReferAsync("gp-" + Guid.NewGuid().ToString("N")[..6], Family());
        var path = $"/cases/{id}";

        var page = await Html.GetAsync(client, path);
        Assert.NotNull(page.QuerySelector("[data-testid=confirm-form]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=proposed-line]"));
        Assert.Contains("Due", page.Text("sla"), StringComparison.Ordinal);
        var list = await Html.GetAsync(client, "/cases?status=received");
        Assert.NotNull(list.QuerySelector($"[data-case='{id}']"));

        var (refusedResponse, refused) = await PostAsync(client, path, "move", new() { ["to"] = "declined", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.Conflict, refusedResponse.StatusCode);
        Assert.Contains("needs the reason", refused.Text("error-summary"), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, await StatusAsync(id));

        var (notOffered, bad) = await PostAsync(client, path, "move", new() { ["to"] = "in-support" });
        Assert.Equal(HttpStatusCode.BadRequest, notOffered.StatusCode);
        Assert.Contains("Choose what has happened", bad.Text("error-summary"), StringComparison.Ordinal);

        var (done, declined) = await PostAsync(client, path, "move", new() { ["to"] = "declined", ["reason"] = "moved out of the area" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("now declined", declined.Text("saved"), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Declined, await StatusAsync(id));
        Assert.Contains("moved out of the area", declined.Text("timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_sees_only_the_cases_it_holds_and_moves_them_on()
    {
        var provider = await ProviderAsync();
        var (client, _) = await platform.Factory.SignedInAsProviderOfAsync(provider.Name);
        var held = await ReferAsync("gp-" + Guid.NewGuid().ToString("N")[..6], Family());
        var notHeld = await ReferAsync("gp-" + Guid.NewGuid().ToString("N")[..6], Family());
        await AssignAsync(held, provider.Id);

        var list = await Html.GetAsync(client, "/cases?page=1");
        Assert.Equal("Your organisation's cases", list.QuerySelector("h1")!.TextContent);
        Assert.NotNull(list.QuerySelector($"[data-case='{held}']"));
        Assert.Null(list.QuerySelector($"[data-case='{notHeld}']"));
        await Html.GetAsync(client, $"/cases/{notHeld}", HttpStatusCode.NotFound);
        await Html.GetAsync(client, "/cases/not-a-case", HttpStatusCode.NotFound);

        var (response, page) = await PostAsync(client, $"/cases/{held}", "move", new() { ["to"] = "contacted" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CaseStatus.Contacted, await StatusAsync(held));
        Assert.Contains("Met", page.Text("sla"), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("[name=to]"), i => i.GetAttribute("value") == "declined"); // a provider closes, a coordinator declines
    }

    [Fact]
    public async Task The_downloads_hold_the_caseload_its_counts_and_a_cases_changes_and_each_read_is_audited()
    {
        var (client, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var id = await ReferAsync(name, Family());

        var caseload = await client.GetAsync("/cases.csv?status=received");
        var statuses = await client.GetStringAsync("/cases/statuses.csv");
        var events = await client.GetStringAsync($"/cases/{id}/events.csv");

        Assert.Equal("text/csv", caseload.Content.Headers.ContentType!.MediaType);
        var lines = (await caseload.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("case_id,name,age,place_code,status,", lines[0], StringComparison.Ordinal);
        Assert.Single(lines[1..]);
        Assert.StartsWith($"{id},Ada Okafor", lines[1], StringComparison.Ordinal);
        Assert.Contains("received,1\r\n", statuses, StringComparison.Ordinal);
        Assert.StartsWith("at,from,to,by,reason\r\n", events, StringComparison.Ordinal);
        Assert.Contains($",,received,{name},", events, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/cases.csv?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{Guid.NewGuid()}/events.csv")).StatusCode);

        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Audit.AsNoTracking()
            .Where(a => a.Actor == name && a.Action == "case.read").Select(a => new { a.EntityKey, a.Detail }).ToListAsync();
        Assert.Contains(reads, a => a.EntityKey == "caseload download" && a.Detail == id.ToString());
        Assert.Contains(reads, a => a.EntityKey == id.ToString());
    }

    [Fact]
    public async Task Roles_without_cases_are_refused_and_a_bad_filter_is_explained()
    {
        foreach (var role in new[] { Roles.Analyst, Roles.Commissioner })
        {
            var (client, _) = await platform.Factory.SignedInAsNewUserAsync(role);
            foreach (var path in new[] { "/cases", $"/cases/{Guid.NewGuid()}", "/cases.csv", "/cases/statuses.csv" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        var (unlinked, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        var none = await Html.GetAsync(unlinked, "/cases", HttpStatusCode.Forbidden);
        Assert.Contains("not linked to an organisation", none.Text("refusal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await unlinked.GetAsync("/cases.csv")).StatusCode);
        Assert.Null(none.QuerySelector("a[href='/cases/statuses.csv']"));

        var (coordinator, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.VolunteerCoordinator);
        var bad = await Html.GetAsync(coordinator, "/cases?status=lost&page=0&breached=maybe", HttpStatusCode.BadRequest);
        Assert.Equal(3, bad.QuerySelectorAll("[data-testid=parameter-errors] li").Length);
    }
}

public sealed class SqliteCasePagesTests(SqlitePrivatePlatform platform) : CasePagesTests(platform), IClassFixture<SqlitePrivatePlatform>;

public sealed class PostgresCasePagesTests(PostgresPrivatePlatform platform) : CasePagesTests(platform), IClassFixture<PostgresPrivatePlatform>;
