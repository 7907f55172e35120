using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Web.Features.Commissioning;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Commonweal.Web.Tests.Commissioning.CommissioningDemo;

namespace Commonweal.Web.Tests.Commissioning;

/// <summary>
/// The commissioning API over the demo: the register for a commissioner and for a provider's staff (their own
/// organisation's contracts only; every endpoint of another's contract is 403 and each refusal audited), a contract as
/// at a day, provider returns checked whole (every problem with its row and field, nothing stored) or opening a remedial
/// plan that takes actions and that only a commissioner closes, and the views across every contract in whole pence with
/// their documented downloads. The tests share one platform; the one that changes the store keeps to a KPI of its own.
/// </summary>
public abstract class CommissioningApiTests(WebFixture platform)
{
    private const string Contracts = "/api/commissioning/contracts";

    private async Task<HttpClient> AsAsync(string role) => (await platform.Factory.SignedInAsNewUserAsync(role)).Client;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ContractAsync(HttpClient client, string asAt = "") =>
        await OkAsync(await client.GetAsync($"{Contracts}/{Integrated}{(asAt.Length > 0 ? "?asAt=" + asAt : "")}"));

    private static JsonElement Kpi(JsonElement contract, string code) => contract.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpiId").GetString() == code);

    private static List<string> Refs(JsonElement register) => [.. register.EnumerateArray().Select(c => c.GetProperty("ref").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>The audit trail's entries by this user, as an administrator reads them: (action, entity key).</summary>
    private async Task<List<(string Action, string Key)>> AuditOfAsync(string actor)
    {
        var admin = await AsAsync(Roles.Administrator);
        var entries = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}&pageSize=500");
        return [.. entries.EnumerateArray().Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("entityKey").GetString()!))];
    }

    /// <summary>A number that is a whole count of pence (money is never in pounds or fractions on the API).</summary>
    private static void WholePence(JsonElement value, string what)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.True(value.TryGetInt64(out _), $"{what}: {value.GetRawText()} is not whole pence");
    }

    [Fact]
    public async Task A_commissioner_sees_every_contract_and_a_providers_staff_only_their_organisations()
    {
        var commissioner = await AsAsync(Roles.Commissioner);
        var (provider, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);

        var all = await OkAsync(await commissioner.GetAsync(Contracts));
        var mine = await OkAsync(await provider.GetAsync(Contracts));

        Assert.Superset(new HashSet<string> { Integrated, "TRAD-WM-2019", "STOP-2024", "LEIS-2025", "GRANT-CC1-2025", "GRANT-CC2-2025" }, Refs(all).ToHashSet());
        foreach (var contract in all.EnumerateArray()) WholePence(contract.GetProperty("annualValuePence"), contract.GetProperty("ref").GetString()!);
        var theirs = all.EnumerateArray().Where(c => c.GetProperty("provider").GetString() == Wellbeing).Select(c => c.GetProperty("ref").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Integrated, theirs);
        Assert.True(theirs.Count < all.GetArrayLength(), "other providers hold contracts too");
        Assert.Equal(theirs, Refs(mine));
        Assert.Contains(("contract.list", "*"), await AuditOfAsync(name));
    }

    [Fact]
    public async Task A_provider_is_refused_every_endpoint_of_another_providers_contract_and_the_views_across_all_and_each_refusal_is_audited()
    {
        var commissioner = await AsAsync(Roles.Commissioner);
        var document = await AddDocumentAsync(platform.Factory, Integrated, "monitoring.txt", "Quarterly contract monitoring notes.");
        var plans = await OkAsync(await commissioner.GetAsync("/api/commissioning/remedial-plans"));
        var plan = plans.EnumerateArray().First(p => p.GetProperty("contractRef").GetString() == Integrated && p.GetProperty("actions").GetArrayLength() > 0);
        var planId = plan.GetProperty("id").GetInt32();
        var action = plan.GetProperty("actions")[0];
        var (other, name) = await platform.Factory.SignedInAsProviderOfAsync(Trust);

        var refusals = new (string Method, string Path, string? Body)[]
        {
            ("GET", $"{Contracts}/{Integrated}", null),
            ("POST", $"{Contracts}/{Integrated}/returns", """{"rows":[{"kpiId":"PEOPLE","period":"2026-10","numerator":120}]}"""),
            ("POST", $"/api/commissioning/remedial-plans/{planId}/actions", """{"what":"Mine now","owner":"Another trust","due":"2027-01-31"}"""),
            ("POST", $"/api/commissioning/remedial-actions/{action.GetProperty("id").GetInt32()}/status", """{"status":"dropped"}"""),
            ("POST", $"/api/commissioning/remedial-plans/{planId}/close", """{"note":"Not yours to close"}"""),
            ("GET", $"/commissioning/contracts/{Integrated}/documents/{document}", null),
            ("GET", $"/commissioning/contracts/{Integrated}/documents/{document + 100_000}", null), // an id that is not there: the same answer, so ids cannot be probed
            ("GET", $"/commissioning/contracts/{Integrated}/kpis.csv", null),
            ("GET", "/api/commissioning/coverage", null),
            ("GET", "/api/commissioning/funds/balance", null),
        };
        foreach (var (method, path, body) in refusals)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Json(body) };
            await Problems.ReadAsync(await other.SendAsync(request), HttpStatusCode.Forbidden);
        }

        // The contract's refusals by the use cases, each with the contract; coverage, funds and closing are refused by their policy.
        var audit = await AuditOfAsync(name);
        Assert.Equal(4, audit.Count(a => a == ("contract.refused", Integrated)));
        Assert.Equal(1, audit.Count(a => a == ("return.refused", Integrated)));
        Assert.Equal(2, audit.Count(a => a == ("remedial.refused", Integrated)));
        Assert.DoesNotContain(audit, a => a.Action is "contract.read" or "contract.document-read" or "return.submit" or "remedial.action" or "remedial.action-status" or "remedial.close");

        var after = (await OkAsync(await commissioner.GetAsync("/api/commissioning/remedial-plans"))).EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == planId);
        Assert.Equal(plan.GetProperty("actions").GetRawText(), after.GetProperty("actions").GetRawText());
        Assert.True(after.GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task A_document_is_read_only_by_those_who_may_see_its_contract_and_an_unknown_one_of_their_own_is_404()
    {
        var document = await AddDocumentAsync(platform.Factory, Integrated, "variation-1.txt", "Variation 1: the weight-management measure.");
        var (provider, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);

        var response = await provider.GetAsync($"/commissioning/contracts/{Integrated}/documents/{document}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Variation 1: the weight-management measure.", await response.Content.ReadAsStringAsync());
        await Problems.ReadAsync(await provider.GetAsync($"/commissioning/contracts/{Integrated}/documents/{document + 100_000}"), HttpStatusCode.NotFound);
        await Problems.ReadAsync(await provider.GetAsync($"/commissioning/contracts/NO-SUCH-REF/documents/{document}"), HttpStatusCode.NotFound);
        Assert.Contains(("contract.document-read", Integrated), await AuditOfAsync(name));
    }

    [Fact]
    public async Task A_contract_as_at_a_day_has_the_KPIs_then_in_force_and_a_day_that_is_not_one_is_a_400()
    {
        var (provider, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);

        var asLet = await ContractAsync(provider, "2023-03-31");
        var varied = await ContractAsync(provider, "2023-04-01");
        var later = await ContractAsync(provider, "2025-01-01");

        static List<string> Codes(JsonElement contract) => [.. contract.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("kpiId").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["CONTACT", "PEOPLE", "QUIT"], Codes(asLet));
        Assert.Equal(["CONTACT", "PEOPLE", "QUIT", "WM5"], Codes(varied));
        Assert.Equal(["CONTACT", "PEOPLE", "QUIT", "WM5"], Codes(later));
        Assert.Equal("2023-04-01", Kpi(varied, "WM5").GetProperty("effectiveFrom").GetString());
        Assert.Equal(("2023-03-31", 50_000_000L), (asLet.GetProperty("asAt").GetString(), asLet.GetProperty("annualValuePence").GetInt64()));
        Assert.Equal(2, later.GetProperty("variations").GetArrayLength());
        Assert.Contains(("contract.read", Integrated), await AuditOfAsync(name));
        foreach (var bad in new[] { "2023-13-01", "31/03/2023", "yesterday" })
        {
            var problem = await Problems.ReadAsync(await provider.GetAsync($"{Contracts}/{Integrated}?asAt={Uri.EscapeDataString(bad)}"), HttpStatusCode.BadRequest);
            Assert.Equal("asAt", problem.GetProperty("parameter").GetString());
        }

        await Problems.ReadAsync(await provider.GetAsync($"{Contracts}?asAt=2023-02-30"), HttpStatusCode.BadRequest);
        await Problems.ReadAsync(await provider.GetAsync($"{Contracts}/NO-SUCH-REF"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_return_with_bad_rows_is_refused_whole_with_each_problems_row_and_field_and_nothing_is_stored()
    {
        var (provider, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);
        var before = await ContractAsync(provider);
        var latest = Kpi(before, "PEOPLE").GetProperty("latestPeriod").GetString()!;

        // The first row is good (it would replace the latest return), the others are not: the whole return is refused.
        var response = await provider.PostAsync($"{Contracts}/{Integrated}/returns", Json($$"""
            {"rows":[
              {"kpiId":"PEOPLE","period":"{{latest}}","numerator":1},
              {"kpiId":"NOPE","period":"{{latest}}","numerator":1,"denominator":2},
              {"kpiId":"QUIT","period":"Smarch-26","numerator":1,"denominator":2},
              {"kpiId":"CONTACT","period":"{{latest}}","numerator":"lots","denominator":100},
              {"kpiId":"CONTACT","period":"2023/24 Q1","numerator":1,"denominator":2}
            ]}
            """));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "kpi_id"), (3, "period"), (4, "numerator"), (5, "period")], errors);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("rule").GetString())));
        Assert.Contains("'lots' is not a number", problem.GetProperty("errors")[2].GetProperty("rule").GetString(), StringComparison.Ordinal);
        var after = await ContractAsync(provider);
        Assert.Equal(before.GetProperty("kpis").GetRawText(), after.GetProperty("kpis").GetRawText());
        Assert.DoesNotContain(await AuditOfAsync(name), a => a.Action == "return.submit");
    }

    [Fact]
    public async Task A_return_with_a_null_row_or_no_rows_is_a_400_naming_it_not_a_server_error()
    {
        var (provider, _) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);
        var before = await ContractAsync(provider);

        var alone = await Problems.ReadAsync(await provider.PostAsync($"{Contracts}/{Integrated}/returns", Json("""{"rows":[null]}""")), HttpStatusCode.BadRequest);
        var second = await Problems.ReadAsync(await provider.PostAsync($"{Contracts}/{Integrated}/returns",
            Json("""{"rows":[{"kpiId":"PEOPLE","period":"2026-10","numerator":120},null]}""")), HttpStatusCode.BadRequest);
        var none = await Problems.ReadAsync(await provider.PostAsync($"{Contracts}/{Integrated}/returns", Json("""{"rows":[]}""")), HttpStatusCode.BadRequest);

        Assert.Equal(1, alone.GetProperty("errors").EnumerateArray().Single().GetProperty("row").GetInt32());
        Assert.Contains("null", alone.GetProperty("errors")[0].GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, second.GetProperty("errors").EnumerateArray().Single().GetProperty("row").GetInt32());
        Assert.Equal("rows", none.GetProperty("parameter").GetString());
        Assert.Equal(before.GetProperty("kpis").GetRawText(), (await ContractAsync(provider)).GetProperty("kpis").GetRawText());
    }

    [Fact]
    public async Task A_return_off_target_opens_a_remedial_plan_that_takes_actions_that_a_commissioner_closes_and_a_past_day_reads_the_KPI_without_it()
    {
        var (provider, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);
        var (commissioner, commissionerName) = await platform.Factory.SignedInAsNewUserAsync(Roles.Commissioner);
        var latest = Kpi(await ContractAsync(provider), "CONTACT");
        var period = latest.GetProperty("latestPeriod").GetString()!;
        Assert.NotEqual("off_track", latest.GetProperty("status").GetString());

        // One referral in a hundred contacted within 5 working days, against a trajectory near 90 %.
        var returned = await OkAsync(await provider.PostAsync($"{Contracts}/{Integrated}/returns",
            Json($$"""{"rows":[{"kpiId":"CONTACT","period":"{{period}}","numerator":1,"denominator":100,"note":"call handlers off sick"}]}""")));

        Assert.Equal((0, 1), (returned.GetProperty("stored").GetInt32(), returned.GetProperty("replaced").GetInt32()));
        var status = returned.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpiId").GetString() == "CONTACT");
        Assert.Equal(("off_track", period), (status.GetProperty("status").GetString(), status.GetProperty("period").GetString()));
        var planId = status.GetProperty("remedialPlan").GetInt32();

        // As at the day before the period ended the return is not in: the KPI stands on the one before.
        var now = Kpi(await ContractAsync(provider), "CONTACT");
        Assert.Equal(("off_track", period, 1.0), (now.GetProperty("status").GetString(), now.GetProperty("latestPeriod").GetString(), now.GetProperty("latestValue").GetDouble()));
        var end = EndOf(period);
        var dayBefore = Kpi(await ContractAsync(provider, end.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "CONTACT");
        Assert.NotEqual("off_track", dayBefore.GetProperty("status").GetString());
        Assert.NotEqual(period, dayBefore.GetProperty("latestPeriod").GetString());
        var onTheDay = Kpi(await ContractAsync(provider, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "CONTACT");
        Assert.Equal(("off_track", period), (onTheDay.GetProperty("status").GetString(), onTheDay.GetProperty("latestPeriod").GetString()));

        var plans = await OkAsync(await provider.GetAsync("/api/commissioning/remedial-plans"));
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == planId);
        Assert.Equal((Integrated, "CONTACT", period, true), (plan.GetProperty("contractRef").GetString(), plan.GetProperty("kpiId").GetString(), plan.GetProperty("period").GetString(), plan.GetProperty("open").GetBoolean()));

        var added = await OkAsync(await provider.PostAsync($"/api/commissioning/remedial-plans/{planId}/actions",
            Json("""{"what":"Recruit two call handlers","owner":"Service manager","due":"2027-01-15"}""")));
        Assert.Equal(("Recruit two call handlers", "2027-01-15", "open"), (added.GetProperty("what").GetString(), added.GetProperty("due").GetString(), added.GetProperty("status").GetString()));
        var actionId = added.GetProperty("id").GetInt32();
        var badDue = await Problems.ReadAsync(await provider.PostAsync($"/api/commissioning/remedial-plans/{planId}/actions", Json("""{"what":"x","owner":"y","due":"soon"}""")), HttpStatusCode.BadRequest);
        Assert.Equal("due", badDue.GetProperty("parameter").GetString());
        var done = await OkAsync(await provider.PostAsync($"/api/commissioning/remedial-actions/{actionId}/status", Json("""{"status":"done"}""")));
        Assert.Equal("done", done.GetProperty("status").GetString());
        var badStatus = await Problems.ReadAsync(await provider.PostAsync($"/api/commissioning/remedial-actions/{actionId}/status", Json("""{"status":"finished"}""")), HttpStatusCode.BadRequest);
        Assert.Equal("status", badStatus.GetProperty("parameter").GetString());
        await Problems.ReadAsync(await provider.PostAsync("/api/commissioning/remedial-actions/999999/status", Json("""{"status":"done"}""")), HttpStatusCode.NotFound);

        await Problems.ReadAsync(await provider.PostAsync($"/api/commissioning/remedial-plans/{planId}/close", Json("""{"note":"fine now"}""")), HttpStatusCode.Forbidden);
        Assert.True((await OkAsync(await commissioner.GetAsync("/api/commissioning/remedial-plans"))).EnumerateArray().Any(p => p.GetProperty("id").GetInt32() == planId), "still open");
        var closed = await commissioner.PostAsync($"/api/commissioning/remedial-plans/{planId}/close", Json("""{"note":"Handlers recruited; back above trajectory"}"""));
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        Assert.DoesNotContain((await OkAsync(await commissioner.GetAsync("/api/commissioning/remedial-plans"))).EnumerateArray(), p => p.GetProperty("id").GetInt32() == planId);
        var all = (await OkAsync(await commissioner.GetAsync("/api/commissioning/remedial-plans?all=true"))).EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == planId);
        Assert.False(all.GetProperty("open").GetBoolean());
        Assert.Equal("done", all.GetProperty("actions").EnumerateArray().Single().GetProperty("status").GetString());
        var audit = await AuditOfAsync(name);
        foreach (var written in new[] { "return.replace", "return.submit", "remedial.open", "remedial.action", "remedial.action-status" }) Assert.Contains((written, Integrated), audit);
        Assert.Contains(("remedial.close", Integrated), await AuditOfAsync(commissionerName));
    }

    [Fact]
    public async Task Coverage_funds_and_value_answer_in_whole_pence_with_the_demos_gap_and_overlap()
    {
        var analyst = await AsAsync(Roles.Analyst);

        var coverage = await OkAsync(await analyst.GetAsync("/api/commissioning/coverage?asAt=2026-12-01"));
        var funds = await OkAsync(await analyst.GetAsync("/api/commissioning/funds/balance"));
        var value = await OkAsync(await analyst.GetAsync("/api/commissioning/value?year=2025/26"));

        var cells = coverage.EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("status").GetString() == "covered");
        var gap = cells.First(c => c.GetProperty("status").GetString() == "gap");
        Assert.Equal((0L, 0), (gap.GetProperty("annualValuePence").GetInt64(), gap.GetProperty("contracts").GetArrayLength()));
        var overlap = cells.Single(c => c.GetProperty("status").GetString() == "overlap"
            && c.GetProperty("contracts").EnumerateArray().Any(x => x.GetProperty("contractRef").GetString() == "LEIS-2025"));
        Assert.Equal("DietAndExercise", overlap.GetProperty("focusArea").GetString());
        Assert.Contains(overlap.GetProperty("contracts").EnumerateArray(), x => x.GetProperty("contractRef").GetString() == Integrated);
        Assert.Equal(overlap.GetProperty("annualValuePence").GetInt64(), overlap.GetProperty("contracts").EnumerateArray().Sum(x => x.GetProperty("annualValuePence").GetInt64()));
        foreach (var cell in cells)
        {
            WholePence(cell.GetProperty("annualValuePence"), "coverage cell");
            foreach (var contract in cell.GetProperty("contracts").EnumerateArray()) WholePence(contract.GetProperty("annualValuePence"), "coverage contract");
        }

        Assert.Contains(funds.EnumerateArray(), f => f.GetProperty("fund").GetString() == "PREV-POOL" && f.GetProperty("committedPence").GetInt64() > 0);
        foreach (var row in funds.EnumerateArray())
        {
            foreach (var field in new[] { "contributedPence", "committedPence", "spentPence", "balancePence" }) WholePence(row.GetProperty(field), field);
            Assert.Equal(row.GetProperty("contributedPence").GetInt64() - row.GetProperty("committedPence").GetInt64(), row.GetProperty("balancePence").GetInt64());
        }

        Assert.Contains(value.EnumerateArray(), v => v.GetProperty("contractRef").GetString() == Integrated && v.GetProperty("baselineContract").GetString() == "TRAD-WM-2019");
        Assert.All(value.EnumerateArray(), v => Assert.Equal("2025/26", v.GetProperty("year").GetString()));
        foreach (var row in value.EnumerateArray()) WholePence(row.GetProperty("valuePence"), "value");
        Assert.Equal("year", (await Problems.ReadAsync(await analyst.GetAsync("/api/commissioning/value?year=2025/27"), HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        Assert.Equal("level", (await Problems.ReadAsync(await analyst.GetAsync("/api/commissioning/coverage?level=Moon"), HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_downloads_have_the_documented_header_lines()
    {
        var commissioner = await AsAsync(Roles.Commissioner);
        var files = new Dictionary<string, string>
        {
            ["/commissioning/contracts.csv"] = "contract_ref,provider,title,start_date,end_date,annual_value_pence",
            [$"/commissioning/contracts/{Integrated}/kpis.csv?asAt=2025-01-01"] = "contract_ref,kpi_id,indicator,target_value,deadline_period,effective_from,effective_to",
            ["/commissioning/coverage.csv"] = "focus_area,area_code,provider,contract_ref,annual_value_pence,status",
            ["/commissioning/funds.csv"] = "fund,year,partner,contributed_pence,committed_pence,spent_pence,balance_pence",
            ["/commissioning/value.csv?year=2025/26"] = "contract_ref,service_line,provider,name,year,value_pence,people_supported,unit_cost_pence,outcomes_achieved,cost_per_outcome_pence,"
                + "baseline_contract,baseline_year,people_change,value_change,unit_cost_change",
            ["/commissioning/remedial.csv"] = "plan_id,remedial_contract,kpi_id,period,opened,status,escalated_since,open_actions,reason",
        };
        foreach (var (path, header) in files)
        {
            var lines = (await commissioner.GetStringAsync(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.True(lines.Count > 1, $"{path}: no rows");
            Assert.Equal(header, lines[0].TrimStart('\uFEFF'));
        }

        var kpis = (await commissioner.GetStringAsync($"/commissioning/contracts/{Integrated}/kpis.csv?asAt=2023-03-31")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, kpis.Length); // the header and the three KPIs as let, before the variation added the weight-management KPI
        Assert.DoesNotContain(kpis, l => l.Contains(",WM5,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Single_sign_on_roles_under_their_own_claim_type_count_for_the_register()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var viewers = scope.ServiceProvider.GetRequiredService<ViewerResolver>();
        static ClaimsPrincipal Sso(string role) =>
            new(new ClaimsIdentity([new Claim("preferred_username", "someone@example.nhs.uk"), new Claim("roles", role)], "oidc", "preferred_username", "roles"));

        var commissioner = await viewers.OfAsync(Sso(Roles.Commissioner));
        var provider = await viewers.OfAsync(Sso(Roles.Provider));

        Assert.Equal(("someone@example.nhs.uk", true), (commissioner.Name, commissioner.SeesAll));
        Assert.False(provider.SeesAll);
    }

    /// <summary>The last day of a month written as a return writes it (e.g. Nov-26).</summary>
    private static DateOnly EndOf(string month)
    {
        var first = DateOnly.ParseExact("01-" + month, "dd-MMM-yy", CultureInfo.InvariantCulture);
        return first.AddMonths(1).AddDays(-1);
    }
}

public sealed class SqliteCommissioningApiTests(SqlitePublicPlatform platform) : CommissioningApiTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresCommissioningApiTests(PostgresPublicPlatform platform) : CommissioningApiTests(platform), IClassFixture<PostgresPublicPlatform>;
