using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Application.Outcomes;
using Commonweal.Core.Access;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Outcomes;

/// <summary>
/// The outcomes API over the demo: targets created, refused and edited against the data, commentary and actions with
/// who may write them, the framework's versions and coverage, and the status rows of <c>targets status</c>. The tests of
/// a class share one platform, so each sets its own targets apart by its deadline (the same target twice is refused).
/// </summary>
public abstract class OutcomesApiTests(WebFixture platform)
{
    /// <summary>Demo smoking prevalence: annual 2013/14–2024/25, low is good, with values for the ICB QH8.</summary>
    private const int Smoking = 1_900_001;

    /// <summary>Demo emergency admissions per 1,000: monthly Apr-22 – Mar-25, low is good.</summary>
    private const int Admissions = 1_900_004;

    private static object Draft(string deadline, string lead = "Jane Smith", double target = 12, string owner = "NHS Mid and South Essex ICB", string? why = null) => new
    {
        indicatorId = Smoking, areaCode = "QH8", baselinePeriod = "2019/20", targetValue = target, deadlinePeriod = deadline, trajectory = "linear",
        owner, lead, rationale = "Halve the gap to the best ICBs", why,
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<int> CreateAsync(HttpClient commissioner, object draft)
    {
        var response = await commissioner.PostAsJsonAsync("/api/targets", draft);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static readonly string[] Statuses = ["not_measurable", "achieved", "on_track", "at_risk", "off_track"];

    private Task<(HttpClient Client, string UserName)> SignedInAsync(string role) => platform.Factory.SignedInAsNewUserAsync(role);

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status) => Problems.ReadAsync(response, status);

    private static IReadOnlyList<string> Errors(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_commissioner_creates_a_target_whose_baseline_value_is_taken_from_the_data_and_it_is_read_against_it()
    {
        var (commissioner, name) = await SignedInAsync(Roles.Commissioner);
        var (admin, _) = await SignedInAsync(Roles.Administrator);
        var data = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/indicators/{Smoking}/values?area=QH8&period=2019/20&sex=Persons");
        var baseline = Assert.Single(data.GetProperty("rows").EnumerateArray()).GetProperty("value").GetDouble();

        var response = await commissioner.PostAsJsonAsync("/api/targets", Draft("2034/35"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var target = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = target.GetProperty("id").GetInt32();
        Assert.Equal($"/api/targets/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(baseline, target.GetProperty("baseline").GetProperty("value").GetDouble());
        Assert.Equal("2019/20", target.GetProperty("baseline").GetProperty("period").GetString());
        Assert.Equal(("QH8", "Persons", "NHS Mid and South Essex ICB", "Jane Smith"),
            (target.GetProperty("area").GetProperty("code").GetString(), target.GetProperty("breakdown").GetProperty("sex").GetString(), target.GetProperty("owner").GetString(), target.GetProperty("lead").GetString()));
        Assert.Contains(target.GetProperty("status").GetString(), Statuses);
        Assert.False(string.IsNullOrEmpty(target.GetProperty("why").GetString()));
        Assert.Equal("2024/25", target.GetProperty("latest").GetProperty("period").GetString());
        Assert.False(target.TryGetProperty("periods", out _), "the list's fields only: periods are for one target");

        var one = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{id}");
        var periods = one.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()).ToList();
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"], periods);
        Assert.Equal(target.GetProperty("status").GetString(), one.GetProperty("periods").EnumerateArray().Last().GetProperty("status").GetString());
        Assert.Equal(0, one.GetProperty("history").GetArrayLength());
        Assert.Contains((await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets")).EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "target.create"
            && e.GetProperty("entityKey").GetString() == id.ToString(CultureInfo.InvariantCulture) && e.GetProperty("actor").GetString() == name);
        await ProblemAsync(await platform.Factory.Client().GetAsync("/api/targets/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_target_that_is_not_SMART_is_refused_with_every_reason_by_field_and_nothing_is_saved()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var before = (await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets")).GetArrayLength();

        var response = await commissioner.PostAsJsonAsync("/api/targets", new
        {
            indicatorId = Smoking, areaCode = "QH8", baselinePeriod = "2009/10", targetValue = 12, trajectory = "straight",
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["baselinePeriod", "deadlinePeriod", "lead", "owner", "trajectory"], Errors(problem));
        Assert.Contains("no baseline value", problem.GetProperty("errors").GetProperty("baselinePeriod")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a trajectory", problem.GetProperty("errors").GetProperty("trajectory")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("deadlinePeriod", problem.GetProperty("parameter").GetString());
        Assert.Equal(before, (await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets")).GetArrayLength());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_has_a_field_of_the_wrong_type_is_a_400_problem_naming_it_and_a_body_not_sent_as_JSON_a_415()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);

        var broken = await ProblemAsync(
            await commissioner.PostAsync("/api/targets", Json("""{"indicatorId": 1900001, """)), HttpStatusCode.BadRequest);
        var wrongType = await ProblemAsync(
            await commissioner.PostAsync("/api/targets", Json("""{"indicatorId": 1900001, "targetValue": "twelve"}""")), HttpStatusCode.BadRequest);
        var badDate = await ProblemAsync(
            await commissioner.PostAsync("/api/targets/1/actions", Json("""{"what": "x", "byWhen": "31/03/2027"}""")), HttpStatusCode.BadRequest);
        await ProblemAsync(await commissioner.PostAsync("/api/targets", new StringContent("indicatorId=1900001", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("body", broken.GetProperty("parameter").GetString());
        Assert.Equal("the body cannot be read", broken.GetProperty("title").GetString());
        Assert.Equal("targetValue", wrongType.GetProperty("parameter").GetString());
        Assert.Equal("byWhen", badDate.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_provider_may_not_create_or_edit_targets_the_framework_or_actions_and_an_anonymous_caller_is_401()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var (provider, _) = await SignedInAsync(Roles.Provider);
        var id = await CreateAsync(commissioner, Draft("2031/32"));
        var action = await (await commissioner.PostAsJsonAsync($"/api/targets/{id}/actions", new { what = "Audit the stop-smoking referrals", who = "Public health", byWhen = "2027-03-31" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var actionId = action.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/targets", Draft("2032/33"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PutAsJsonAsync($"/api/targets/{id}", Draft("2031/32", target: 11, why: "mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync($"/api/targets/{id}/actions", new { what = "x", who = "y", byWhen = "2027-03-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PutAsJsonAsync($"/api/targets/{id}/actions/{actionId}", new { status = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/outcomes/framework", new { title = "Mine", why = "because" })).StatusCode);
        var anonymous = platform.Factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/targets", Draft("2032/33"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/targets/{id}", Draft("2031/32", why: "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/targets/{id}/commentary", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/targets/{id}")).StatusCode);
        var unchanged = await anonymous.GetFromJsonAsync<JsonElement>($"/api/targets/{id}");
        Assert.Equal(12, unchanged.GetProperty("targetValue").GetDouble());
        Assert.Equal("open", Assert.Single(unchanged.GetProperty("actions").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_edit_says_why_and_its_changes_are_the_targets_history_a_bad_one_changes_nothing()
    {
        var (commissioner, name) = await SignedInAsync(Roles.Commissioner);
        var id = await CreateAsync(commissioner, Draft("2027/28"));

        var noWhy = await ProblemAsync(await commissioner.PutAsJsonAsync($"/api/targets/{id}", Draft("2027/28", target: 11)), HttpStatusCode.BadRequest);
        var wrongSide = await ProblemAsync(await commissioner.PutAsJsonAsync($"/api/targets/{id}", Draft("2027/28", target: 40, why: "typo")), HttpStatusCode.BadRequest);
        var edited = await commissioner.PutAsJsonAsync($"/api/targets/{id}", Draft("2027/28", target: 11, owner: "Essex County Council", why: "Agreed at the HWB on 3 March"));
        var missing = await commissioner.PutAsJsonAsync("/api/targets/999999", Draft("2027/28", why: "x"));

        Assert.Equal(["why"], Errors(noWhy));
        Assert.Equal(["targetValue"], Errors(wrongSide));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("owner", "NHS Mid and South Essex ICB", "Essex County Council"), ("targetValue", "12", "11")],
            body.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString())).OrderBy(c => c.Item1));
        Assert.Equal((11, "Essex County Council"), (body.GetProperty("target").GetProperty("targetValue").GetDouble(), body.GetProperty("target").GetProperty("owner").GetString()));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        var history = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{id}/history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), c => Assert.Equal(("Agreed at the HWB on 3 March", name), (c.GetProperty("why").GetString(), c.GetProperty("by").GetString())));
        Assert.Equal(2, (await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{id}")).GetProperty("history").GetArrayLength());
        await ProblemAsync(await platform.Factory.Client().GetAsync("/api/targets/999999/history"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Commissioners_and_the_targets_lead_officer_comment_on_it_another_provider_may_not()
    {
        var (commissioner, commissionerName) = await SignedInAsync(Roles.Commissioner);
        var (lead, leadName) = await SignedInAsync(Roles.Provider);
        var (other, _) = await SignedInAsync(Roles.Provider);
        var id = await CreateAsync(commissioner, Draft("2028/29", lead: leadName));

        var byCommissioner = await commissioner.PostAsJsonAsync($"/api/targets/{id}/commentary", new { text = "Quit rates fell over the winter." });
        var byOther = await other.PostAsJsonAsync($"/api/targets/{id}/commentary", new { text = "Not my target." });
        var byLead = await lead.PostAsJsonAsync($"/api/targets/{id}/commentary", new { text = "New service from April." });
        var empty = await lead.PostAsJsonAsync($"/api/targets/{id}/commentary", new { text = " " });
        var missing = await commissioner.PostAsJsonAsync("/api/targets/999999/commentary", new { text = "x" });

        Assert.Equal(HttpStatusCode.Created, byCommissioner.StatusCode);
        Assert.Equal($"/api/targets/{id}/commentary", byCommissioner.Headers.Location!.OriginalString);
        Assert.Equal(commissionerName, (await byCommissioner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("author").GetString());
        Assert.Contains("lead officer", (await ProblemAsync(byOther, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, byLead.StatusCode);
        Assert.Equal(["text"], Errors(await ProblemAsync(empty, HttpStatusCode.BadRequest)));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        var commentary = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{id}/commentary");
        Assert.Equal(["New service from April.", "Quit rates fell over the winter."], commentary.EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(leadName, commentary[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task A_commissioner_agrees_an_action_and_sets_its_status()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var id = await CreateAsync(commissioner, Draft("2029/30"));

        var added = await commissioner.PostAsJsonAsync($"/api/targets/{id}/actions", new { what = "Commission a stop-smoking service in Basildon", who = "Public health", byWhen = "2027-03-31" });
        var action = await added.Content.ReadFromJsonAsync<JsonElement>();
        var actionId = action.GetProperty("id").GetInt64();
        var done = await commissioner.PutAsJsonAsync($"/api/targets/{id}/actions/{actionId}", new { status = "done" });
        var badStatus = await commissioner.PutAsJsonAsync($"/api/targets/{id}/actions/{actionId}", new { status = "finished" });
        var noAction = await commissioner.PutAsJsonAsync($"/api/targets/{id}/actions/999999", new { status = "done" });
        var incomplete = await commissioner.PostAsJsonAsync($"/api/targets/{id}/actions", new { what = " " });
        var noTarget = await commissioner.PostAsJsonAsync("/api/targets/999999/actions", new { what = "x", who = "y", byWhen = "2027-03-31" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(("open", "2027-03-31", "Public health"), (action.GetProperty("status").GetString(), action.GetProperty("byWhen").GetString(), action.GetProperty("who").GetString()));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(["status"], Errors(await ProblemAsync(badStatus, HttpStatusCode.BadRequest)));
        await ProblemAsync(noAction, HttpStatusCode.NotFound);
        Assert.Equal(["byWhen", "what", "who"], Errors(await ProblemAsync(incomplete, HttpStatusCode.BadRequest)));
        await ProblemAsync(noTarget, HttpStatusCode.NotFound);
        var actions = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{id}/actions");
        Assert.Equal("done", Assert.Single(actions.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_commissioner_saves_versions_of_the_framework_which_are_kept_and_a_bad_one_is_refused_with_every_error()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var client = platform.Factory.Client();
        var versionsBefore = (await client.GetFromJsonAsync<JsonElement>("/api/outcomes/framework/versions")).GetArrayLength();

        var saved = await commissioner.PostAsync("/api/outcomes/framework", Json($$"""
            {
              "title": "Essex prevention outcomes framework", "agreedBy": "Essex Health and Wellbeing Board", "agreedOn": "2026-03-14", "why": "Agreed at the March board",
              "priorities": [{ "name": "Smoking cessation", "kind": "Core20Plus5Adults", "domains": ["TobaccoUse"], "indicators": [{{Smoking}}] }],
              "mapping": [{ "indicatorId": {{Smoking}}, "domain": "TobaccoUse" }, { "indicatorId": {{Admissions}}, "domain": "QualityOfCare" }]
            }
            """));
        var bad = await commissioner.PostAsync("/api/outcomes/framework", Json("""
            {
              "title": " ",
              "priorities": [{ "name": "Smoking", "kind": "Sideways", "domains": ["TobaccoUse"] }, { "name": "Air", "kind": "Local", "domains": ["Tobacco"] }],
              "mapping": [{ "indicatorId": 42, "domain": "TobaccoUse" }]
            }
            """));

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        var version = body.GetProperty("framework").GetProperty("version").GetInt32();
        Assert.Equal($"/api/outcomes/framework/versions/{version}", saved.Headers.Location!.OriginalString);
        Assert.Equal($"Version {version}, as agreed by Essex Health and Wellbeing Board on 14 March 2026", body.GetProperty("framework").GetProperty("standing").GetString());
        Assert.Contains(body.GetProperty("changes").EnumerateArray(), c => c.GetString()!.StartsWith("priority added: Smoking cessation", StringComparison.Ordinal));
        Assert.Equal(["mapping", "priorities[0]", "priorities[1]", "title", "why"], Errors(await ProblemAsync(bad, HttpStatusCode.BadRequest)));
        var current = await client.GetFromJsonAsync<JsonElement>("/api/outcomes/framework");
        Assert.Equal(version, current.GetProperty("version").GetInt32());
        var priority = Assert.Single(current.GetProperty("priorities").EnumerateArray());
        Assert.Equal(("Core20Plus5Adults", "TobaccoUse", "Health behaviours: Tobacco use"),
            (priority.GetProperty("kind").GetString(), priority.GetProperty("domains")[0].GetString(), priority.GetProperty("domainLabels")[0].GetString()));
        Assert.Contains(current.GetProperty("mapping").EnumerateArray(), m => m.GetProperty("indicatorId").GetInt32() == Admissions && m.GetProperty("domain").GetString() == "QualityOfCare");

        // What GET gives, with why, is a new version the same as the one before.
        var resent = JsonNode.Parse(current.GetRawText())!.AsObject();
        (resent["why"], resent["agreedBy"], resent["agreedOn"]) = ("Checked again", null, null);
        var again = await commissioner.PostAsync("/api/outcomes/framework", Json(resent.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal([$"agreement: Version {version}, as agreed by Essex Health and Wellbeing Board on 14 March 2026 → Version {version + 1} (draft, not yet agreed)"],
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray().Select(c => c.GetString()));

        var versions = await client.GetFromJsonAsync<JsonElement>("/api/outcomes/framework/versions");
        Assert.Equal(versionsBefore + 2, versions.GetArrayLength());
        Assert.Equal(version + 1, versions[0].GetProperty("version").GetInt32());
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/outcomes/framework/versions/{version}");
        Assert.Equal(("Essex prevention outcomes framework", "2026-03-14"), (first.GetProperty("title").GetString(), first.GetProperty("agreedOn").GetString()));
        await ProblemAsync(await client.GetAsync("/api/outcomes/framework/versions/9999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coverage_lists_every_domain_with_its_indicators_and_targets_under_the_current_mapping_and_the_gaps()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var saved = await commissioner.PostAsJsonAsync("/api/outcomes/framework", new
        {
            title = "Coverage check", why = "map smoking to tobacco use", mapping = new[] { new { indicatorId = Smoking, domain = "TobaccoUse" } },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        await CreateAsync(commissioner, Draft("2030/31"));

        var coverage = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/outcomes/coverage");
        var targets = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets");

        Assert.Equal((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("framework").GetProperty("version").GetInt32(), coverage.GetProperty("version").GetInt32());
        var rows = coverage.GetProperty("rows").EnumerateArray().ToList();
        var tobacco = Assert.Single(rows, r => r.GetProperty("domain").GetString() == "TobaccoUse");
        Assert.Equal(("Health behaviours: Tobacco use", "HealthBehaviours", "TobaccoUse"),
            (tobacco.GetProperty("label").GetString(), tobacco.GetProperty("group").GetString(), tobacco.GetProperty("focusArea").GetString()));
        Assert.Contains(Smoking, tobacco.GetProperty("indicators").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(targets.EnumerateArray().Count(t => t.GetProperty("indicator").GetProperty("id").GetInt32() == Smoking), tobacco.GetProperty("targets").GetInt32());
        Assert.Equal(JsonValueKind.Null, tobacco.GetProperty("gap").ValueKind);
        Assert.Contains(rows, r => r.GetProperty("gap").GetString() == "no indicator" && r.GetProperty("indicators").GetArrayLength() == 0);
        Assert.Equal(rows.Sum(r => r.GetProperty("targets").GetInt32()), targets.GetArrayLength());
        Assert.Equal("TobaccoUse", targets.EnumerateArray().First(t => t.GetProperty("indicator").GetProperty("id").GetInt32() == Smoking).GetProperty("domain").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_status_rows_are_those_of_targets_status_field_for_field_and_latest_gives_one_per_target()
    {
        var (commissioner, _) = await SignedInAsync(Roles.Commissioner);
        var data = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/indicators/{Admissions}/values?area=QH8&period=Apr-22&sex=Persons");
        var baseline = Assert.Single(data.GetProperty("rows").EnumerateArray()).GetProperty("value").GetDouble();
        var monthly = await CreateAsync(commissioner, new
        {
            indicatorId = Admissions, areaCode = "QH8", baselinePeriod = "Apr-22", targetValue = 7, deadlinePeriod = "Mar-27",
            trajectory = "profile:Mar-24=7.8;Mar-25=7.4;Mar-27=7", owner = "NHS Mid and South Essex ICB", lead = "Urgent care lead",
        });
        await CreateAsync(commissioner, Draft("2033/34"));

        var rows = (await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets/status")).EnumerateArray().ToList();
        var latest = (await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets/status?latest=true")).EnumerateArray().ToList();
        var targets = (await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/targets")).GetArrayLength();
        var bad = await platform.Factory.Client().GetAsync("/api/targets/status?latest=maybe");

        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportsAsync(TestContext.Current.CancellationToken);
        var cli = TargetTables.Status(reports, latest: false);
        var columns = cli.Header.Select(Camel).ToList();
        Assert.Equal(columns, rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(cli.Rows.Select(r => string.Join(",", r.Select(v => v ?? string.Empty))), rows.Select(r => Cells(r, columns)));
        Assert.Equal(36, rows.Count(r => r.GetProperty("targetId").GetInt32() == monthly));
        Assert.Equal(baseline, (await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/targets/{monthly}")).GetProperty("baseline").GetProperty("value").GetDouble());
        Assert.Contains(rows, r => r.GetProperty("targetId").GetInt32() == monthly && r.GetProperty("variationIcon").GetString() is { Length: > 0 });
        Assert.Equal(targets, latest.Count);
        Assert.Equal(TargetTables.Status(reports, latest: true).Rows.Select(r => string.Join(",", r.Select(v => v ?? string.Empty))), latest.Select(r => Cells(r, columns)));
        Assert.Equal("latest", (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_API_reference_page_describe_each_endpoint_its_body_and_who_may_call_it()
    {
        var openApi = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await Html.GetAsync(platform.Factory.Client(), "/api");

        var create = openApi.GetProperty("paths").GetProperty("/api/targets").GetProperty("post");
        Assert.Equal("Outcomes", create.GetProperty("tags")[0].GetString());
        Assert.StartsWith("Create a SMART target", create.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), "the body is described");
        Assert.True(openApi.GetProperty("paths").GetProperty("/api/targets/{id}/actions/{actionId}").GetProperty("put").TryGetProperty("requestBody", out _));
        var rows = page.QuerySelectorAll("[data-testid=api-endpoints] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("POST /api/targets", StringComparison.Ordinal) && r.Contains("Commissioners and administrators", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("POST /api/targets/{id:int}/commentary", StringComparison.Ordinal) && r.Contains("Signed-in users", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/targets/status", StringComparison.Ordinal) && r.Contains("latest", StringComparison.Ordinal));
    }

    /// <summary>A status row as the command line writes its cells: numbers invariantly (round-trip), nothing for null.</summary>
    private static string Cells(JsonElement row, IReadOnlyList<string> columns) => string.Join(",", columns.Select(c => row.GetProperty(c) switch
    {
        { ValueKind: JsonValueKind.Number } n => CsvWriting.Number(n.GetDouble()),
        { ValueKind: JsonValueKind.Null } => string.Empty,
        var s => s.GetString(),
    }));

    private static string Camel(string column) => Regex.Replace(column, "_([a-z0-9])", m => m.Groups[1].Value.ToUpperInvariant());
}

public sealed class SqliteOutcomesApiTests(SqlitePublicPlatform platform) : OutcomesApiTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresOutcomesApiTests(PostgresPublicPlatform platform) : OutcomesApiTests(platform), IClassFixture<PostgresPublicPlatform>;
