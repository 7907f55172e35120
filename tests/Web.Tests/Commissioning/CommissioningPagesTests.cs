using System.Net;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Commissioning;

/// <summary>
/// The joint commissioning pages over the demo (contracts IWS-2021, STOP-2024, LEIS-2025 with returns to Nov-26): each
/// page shows its chart, its table and its downloads; a provider's staff see only their organisation's contracts (another's
/// is refused and audited); a provider's return uploaded on the contract page is checked whole (a bad one names its rows
/// and fields and changes nothing; a good one with a poor figure opens a remedial plan), and an action is added to it.
/// </summary>
public abstract class CommissioningPagesTests(WebFixture platform)
{
    private const string Wellbeing = "Wellbeing Partnership CIC (demo)";

    private CommonwealDbContext Store() => new(PersistenceServices.Options(platform.Factory.Services.GetRequiredService<DatabaseSettings>()));

    private async Task<HttpClient> AsAsync(string role) => (await platform.Factory.SignedInAsNewUserAsync(role)).Client;

    private async Task<int> ReturnCountAsync()
    {
        await using var db = Store();
        return await db.KpiReturns.CountAsync();
    }

    [Fact]
    public async Task The_register_and_a_contract_as_at_a_day_show_a_chart_a_table_and_downloads()
    {
        var client = await AsAsync(Roles.Commissioner);
        var register = await Html.GetAsync(client, "/commissioning");
        Assert.NotNull(register.QuerySelector("[data-testid=register-chart] svg title"));
        var refs = register.QuerySelectorAll("[data-testid=register-table] tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains("IWS-2021", refs);
        Assert.Contains("LEIS-2025", refs);
        Assert.StartsWith("contract_ref,provider,title,start_date,end_date,annual_value_pence", await client.GetStringAsync("/commissioning/contracts.csv"), StringComparison.Ordinal);

        // Before LEIS-2025 began, and before IWS-2021's second variation: its value as let, and LEIS not yet in force.
        var before = await Html.GetAsync(client, "/commissioning?asAt=2025-01-01");
        var leisure = before.QuerySelectorAll("[data-testid=register-table] tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == "LEIS-2025");
        Assert.Equal("Not yet", leisure.QuerySelectorAll("td")[5].TextContent);
        await Html.GetAsync(client, "/commissioning?asAt=2025-13-01", HttpStatusCode.BadRequest);

        var contract = await Html.GetAsync(client, "/commissioning/contracts/IWS-2021?asAt=2026-12-01");
        Assert.Contains("£520,000.00 a year", contract.Text("annual-value"), StringComparison.Ordinal);
        var kpis = contract.QuerySelectorAll("[data-testid=kpi-table] tbody tr").Select(r => r.GetAttribute("data-kpi")).ToList();
        Assert.Equal(["CONTACT", "PEOPLE", "QUIT", "WM5"], kpis.Order(StringComparer.Ordinal));
        Assert.NotNull(contract.QuerySelector("[data-testid=kpi-table] [data-status]"));
        Assert.NotNull(contract.QuerySelector("[data-testid=kpi-detail] svg title"));
        Assert.Equal(2, contract.QuerySelectorAll("[data-testid=variations-table] tbody tr").Length);
        Assert.NotNull(contract.QuerySelector("[data-testid=funding-table]"));
        Assert.NotNull(contract.QuerySelector("[data-testid=plan]"));
        var kpiCsv = await client.GetStringAsync("/commissioning/contracts/IWS-2021/kpis.csv?asAt=2026-12-01");
        Assert.Equal(5, kpiCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // As let (2023-03-31): three KPIs, the weight-management KPI not yet added by the first variation.
        var asLet = await Html.GetAsync(client, "/commissioning/contracts/IWS-2021?asAt=2023-03-31");
        Assert.Equal(3, asLet.QuerySelectorAll("[data-testid=kpi-table] tbody tr").Length);
        Assert.Contains("£500,000.00 a year", asLet.Text("annual-value"), StringComparison.Ordinal);
        await Html.GetAsync(client, "/commissioning/contracts/NO-SUCH", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coverage_funds_value_plans_pipeline_and_remedial_plans_each_show_their_chart_and_table()
    {
        var client = await AsAsync(Roles.Analyst);
        var coverage = await Html.GetAsync(client, "/commissioning/coverage");
        Assert.NotNull(coverage.QuerySelector("[data-testid=coverage-chart] svg desc"));
        var statuses = coverage.QuerySelectorAll("[data-testid=coverage-matrix] td[data-status]").Select(c => c.GetAttribute("data-status")).ToHashSet();
        Assert.Contains("covered", statuses);
        Assert.Contains("gap", statuses);
        Assert.Equal(9, coverage.QuerySelectorAll("[data-testid=coverage-matrix] thead th").Length - 1);
        var bad = await Html.GetAsync(client, "/commissioning/coverage?level=Moon", HttpStatusCode.BadRequest);
        Assert.Contains("'Moon' is not a type of place", bad.QuerySelector(".nhsuk-error-message")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("focus_area,area_code,provider,contract_ref,annual_value_pence,status", await client.GetStringAsync("/commissioning/coverage.csv"), StringComparison.Ordinal);

        var funds = await Html.GetAsync(client, "/commissioning/funds");
        Assert.NotNull(funds.QuerySelector("[data-testid=funds-chart] svg"));
        Assert.NotEmpty(funds.QuerySelectorAll("[data-testid=fund-positions] tbody tr"));

        var value = await Html.GetAsync(client, "/commissioning/value?year=2025/26");
        Assert.Contains("IWS-2021 against TRAD-WM-2019", value.Text("value-summary"), StringComparison.Ordinal);
        Assert.NotNull(value.QuerySelector("[data-testid=value-chart] svg"));
        var wrongYear = await Html.GetAsync(client, "/commissioning/value?year=2025/27", HttpStatusCode.BadRequest);
        Assert.NotNull(wrongYear.QuerySelector("#year-error"));

        var remedial = await Html.GetAsync(client, "/commissioning/remedial");
        Assert.NotEmpty(remedial.QuerySelectorAll("[data-testid=plans-table] tbody tr"));
        Assert.NotNull(remedial.QuerySelector("[data-testid=plans-chart] svg"));
        var all = await Html.GetAsync(client, "/commissioning/remedial?all=true");
        Assert.True(all.QuerySelectorAll("[data-testid=plans-table] tbody tr").Length >= remedial.QuerySelectorAll("[data-testid=plans-table] tbody tr").Length);
        var notBool = await Html.GetAsync(client, "/commissioning/remedial?all=abc", HttpStatusCode.BadRequest);
        Assert.Contains("'abc' is not true or false", notBool.Text("parameter-errors"), StringComparison.Ordinal);

        var pipeline = await Html.GetAsync(client, "/commissioning/pipeline");
        Assert.NotNull(pipeline.QuerySelector("[data-testid=pipeline-chart] svg"));
        Assert.NotEmpty(pipeline.QuerySelectorAll("[data-testid=pipeline-table] tbody tr"));
        Assert.Null(pipeline.QuerySelector("[data-testid=step-form]")); // analysts read the pipeline; commissioners move it

        var plans = await Html.GetAsync(client, "/commissioning/plans");
        Assert.NotNull(plans.QuerySelector("[data-testid=alignment-chart] svg"));
        Assert.Null(plans.QuerySelector("[data-testid=score-form]"));
    }

    [Fact]
    public async Task A_provider_sees_only_its_own_contracts_and_is_refused_anothers_with_the_refusal_audited()
    {
        var (client, name) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);
        var register = await Html.GetAsync(client, "/commissioning");
        var refs = register.QuerySelectorAll("[data-testid=register-table] tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains("IWS-2021", refs);
        Assert.DoesNotContain("STOP-2024", refs);
        Assert.DoesNotContain("STOP-2024", await client.GetStringAsync("/commissioning/contracts.csv"), StringComparison.Ordinal);
        await Html.GetAsync(client, "/commissioning/contracts/IWS-2021");

        var refused = await Html.GetAsync(client, "/commissioning/contracts/STOP-2024", HttpStatusCode.Forbidden);
        Assert.NotNull(refused.QuerySelector("[data-testid=refusal]"));
        Assert.Null(refused.QuerySelector("[data-testid=kpi-table]"));
        await using (var db = Store())
            Assert.True(await db.Audit.AnyAsync(a => a.Actor == name && a.EntityKey == "STOP-2024"));
        var coverage = await client.GetAsync("/commissioning/coverage");
        Assert.Equal(HttpStatusCode.Redirect, coverage.StatusCode); // the views across every contract are not a provider's
        Assert.Contains("/account/denied", coverage.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (unlinked, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        var nothing = await Html.GetAsync(unlinked, "/commissioning");
        Assert.NotNull(nothing.QuerySelector("[data-testid=not-linked]"));
        Assert.Null(nothing.QuerySelector("[data-testid=register-table]"));
    }

    [Fact]
    public async Task A_return_uploaded_on_the_contract_page_is_refused_whole_or_opens_a_plan_that_takes_an_action()
    {
        var (provider, _) = await platform.Factory.SignedInAsProviderOfAsync(Wellbeing);
        const string page = "/commissioning/contracts/IWS-2021";
        var before = await ReturnCountAsync();

        var bad = await Forms.PostAsync(provider, page, "return", files: [("return.csv", "kpi_id,period,numerator,denominator,value,note\nCONTACT,Nov-26,1,100,,\nNOPE,Nov-26,1,2,,\nQUIT,Smarch-26,1,2,,\nPEOPLE,Nov-26,lots,,,\n")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = await Html.ParseAsync(await bad.Content.ReadAsStringAsync());
        var problems = refused.QuerySelectorAll("[data-testid=return-problem]").Select(p => p.TextContent).ToList();
        Assert.Contains(problems, p => p.StartsWith("return.csv:3:1: field 'kpi_id'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("return.csv:4:2: field 'period'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("return.csv:5:", StringComparison.Ordinal));
        Assert.Equal(before, await ReturnCountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(provider, page, "return")).StatusCode); // no file chosen

        // One in a hundred contacted promptly against a trajectory near 87 %: off track, and a plan opens.
        var good = await Forms.PostAsync(provider, page, "return", files: [("nov.csv", "kpi_id,period,numerator,denominator,value,note\nCONTACT,Nov-26,1,100,,late staffing\n")]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var done = await Html.ParseAsync(await good.Content.ReadAsStringAsync());
        Assert.Contains("1 value stored (1 replacing what was returned before)", done.Text("saved"), StringComparison.Ordinal);
        Assert.Contains("A remedial plan", done.QuerySelector("[data-testid=return-statuses]")!.TextContent, StringComparison.Ordinal);
        int plan;
        await using (var db = Store())
            plan = await db.RemedialPlans.Where(p => p.Kpi == "CONTACT" && p.Closed == null).Select(p => p.Id).SingleAsync();

        var noDate = await Forms.PostAsync(provider, page, $"action-{plan}", new Dictionary<string, string> { ["what"] = "Recruit two call handlers", ["owner"] = "Service manager", ["due"] = "soon" });
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        var added = await Forms.PostAsync(provider, page, $"action-{plan}", new Dictionary<string, string> { ["what"] = "Recruit two call handlers", ["owner"] = "Service manager", ["due"] = "2027-01-15" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await using (var db = Store())
            Assert.Equal("Recruit two call handlers", (await db.RemedialActions.SingleAsync(a => a.Plan == plan)).What);
        var remedial = await Html.GetAsync(provider, "/commissioning/remedial");
        Assert.Contains(remedial.QuerySelectorAll("[data-testid=plans-table] tbody tr"), r => r.TextContent.Contains("Recruit two call handlers", StringComparison.Ordinal));

        // A provider does not close plans: the form is not offered, and a forged post is refused.
        var pageHtml = await Html.GetAsync(provider, page);
        Assert.Null(pageHtml.QuerySelector("[data-testid=close-form]"));
        var forged = await Forms.PostAsync(provider, page, $"close-{plan}", new Dictionary<string, string> { ["note"] = "fine now" });
        Assert.False(forged.IsSuccessStatusCode, forged.StatusCode.ToString());
        await using (var db = Store())
            Assert.Null((await db.RemedialPlans.SingleAsync(p => p.Id == plan)).Closed);

        var commissioner = await AsAsync(Roles.Commissioner);
        var closed = await Forms.PostAsync(commissioner, page, $"close-{plan}", new Dictionary<string, string> { ["note"] = "Handlers recruited; December back above trajectory" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await using (var db = Store())
            Assert.NotNull((await db.RemedialPlans.SingleAsync(p => p.Id == plan)).Closed);
    }

    [Fact]
    public async Task A_commissioner_adds_a_document_whose_content_is_checked_and_a_provider_may_not()
    {
        var commissioner = await AsAsync(Roles.Commissioner);
        const string page = "/commissioning/contracts/LEIS-2025";
        int Count(CommonwealDbContext db) => db.ContractDocuments.Count();
        int before;
        await using (var db = Store()) before = Count(db);

        var fake = await Forms.PostAsync(commissioner, page, "document", files: [("contract.pdf", "this is not a PDF")]);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("contract.pdf", (await Html.ParseAsync(await fake.Content.ReadAsStringAsync())).QuerySelector("#document-error")!.TextContent, StringComparison.Ordinal);
        await using (var db = Store()) Assert.Equal(before, Count(db));

        var good = await Forms.PostAsync(commissioner, page, "document", new Dictionary<string, string> { ["variation"] = "" }, [("minutes.txt", "Contract management meeting, 1 December 2026.")]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var shown = await Html.GetAsync(commissioner, page);
        var link = shown.QuerySelectorAll("[data-testid=documents] a").Single(a => a.TextContent == "minutes.txt").GetAttribute("href")!;
        Assert.Equal("Contract management meeting, 1 December 2026.", await commissioner.GetStringAsync(link));

        var (provider, _) = await platform.Factory.SignedInAsProviderOfAsync("Active Communities Leisure Trust (demo)");
        Assert.Null((await Html.GetAsync(provider, page)).QuerySelector("[data-testid=document-form]"));
        var forged = await Forms.PostAsync(provider, page, "document", files: [("x.txt", "x")]);
        Assert.False(forged.IsSuccessStatusCode, forged.StatusCode.ToString());
        await using (var db = Store()) Assert.Equal(before + 1, Count(db));
    }
}

public sealed class SqliteCommissioningPagesTests(SqlitePublicPlatform platform) : CommissioningPagesTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresCommissioningPagesTests(PostgresPublicPlatform platform) : CommissioningPagesTests(platform), IClassFixture<PostgresPublicPlatform>;
