using System.Net;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Targeting;

/// <summary>
/// The targeting pages, API and downloads over the demo (whose synthetic population is made on first use): counts for
/// everyone with small numbers suppressed, lists of people only for Analyst and Referrer (403 otherwise), every list audited.
/// </summary>
public abstract class TargetingPagesTests(WebFixture platform)
{
    private static List<string[]> Csv(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(','))];

    /// <summary>Counts of people are for signed-in staff of every role: a commissioner's client.</summary>
    private async Task<HttpClient> StaffAsync() => (await platform.Factory.SignedInAsNewUserAsync(Roles.Commissioner)).Client;

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = new CommonwealDbContext(PersistenceServices.Options(platform.Factory.Services.GetRequiredService<DatabaseSettings>()));
        return await db.Audit.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task The_overview_shows_core20_by_district_with_a_map_and_the_people_in_each_core20plus5_cohort()
    {
        var page = await Html.GetAsync(await StaffAsync(), "/targeting");
        var anonymous = await Html.GetAsync(platform.Factory.Client(), "/targeting");

        Assert.NotNull(anonymous.QuerySelector("[data-testid=sign-in-for-people]"));
        Assert.Null(anonymous.QuerySelector("[data-testid=person-cohorts]"));
        Assert.Equal(9, anonymous.QuerySelectorAll("[data-testid=districts] tbody tr").Length); // places are public
        Assert.Matches(@"^[\d,]+ of 720 LSOAs \(2021\) are in national IMD 2025 deciles 1–2, home to [\d,]+ of 1,199,554 residents", page.Text("core20-headline"));
        Assert.Equal(9, page.QuerySelectorAll("[data-testid=districts] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("[data-testid=core20-map] svg"));
        Assert.NotNull(page.QuerySelector("[data-testid=chart] svg title"));
        Assert.Equal(5, page.QuerySelectorAll("[data-testid=place-cohorts] tbody tr").Length);
        var people = page.QuerySelectorAll("[data-testid=person-cohorts] tbody tr");
        Assert.Equal(Core.Targeting.BuiltInCohorts.All.Count(d => d.Subject == Core.Targeting.CohortSubject.Person), people.Length);
        Assert.All(people, row => Assert.Matches(@"^([\d,]+|suppressed)$", row.QuerySelectorAll("td")[1].TextContent));
        var shares = Csv(await platform.Factory.Client().GetStringAsync("/targeting/shares.csv?rule=imd_decile%20%3C%3D%202"));
        Assert.Equal(10, shares.Count); // nine districts and the ICS
        var link = page.QuerySelectorAll("[data-testid=lsoas-csv]")[0].GetAttribute("href")!;
        var lsoas = await platform.Factory.Client().GetStringAsync(link);
        Assert.StartsWith("lsoa_code,lsoa_name,district_code,population,imd_rank,imd_decile,income_decile,", lsoas, StringComparison.Ordinal);
        Assert.Equal(page.QuerySelectorAll("[data-testid=place-cohorts] tbody tr")[0].QuerySelectorAll("td")[1].TextContent, Csv(lsoas).Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        var inBasildon = Csv(await platform.Factory.Client().GetStringAsync("/targeting/lsoas.csv?rule=imd_decile%20%3C%3D%202&vintage=iod2025&in=E07000066"));
        Assert.All(inBasildon, r => Assert.Equal("E07000066", r[2]));
    }

    [Fact]
    public async Task The_cohort_builder_counts_by_place_and_its_table_download_and_api_agree()
    {
        var client = await StaffAsync();
        const string rule = "age >= 65 and (diabetes or copd)";
        var page = await Html.GetAsync(client, "/targeting/cohorts?rule=" + Uri.EscapeDataString(rule) + "&by=District");
        var csv = Csv(await client.GetStringAsync("/targeting/cohorts.csv?rule=" + Uri.EscapeDataString(rule) + "&by=District"));
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/cohorts/count?rule=" + Uri.EscapeDataString(rule) + "&by=District"));

        var rows = page.QuerySelectorAll("[data-testid=counts] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Replace(",", "", StringComparison.Ordinal)).ToArray()).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(csv.Select(r => (r[0], r[1], r[2])), rows.Select(r => (r[0], r[1], r[2])));
        var apiRows = api.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(csv.Select(r => r[1]), apiRows.Select(r => r.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1_199_554, api.RootElement.GetProperty("population").GetInt64());
        Assert.Equal(csv.Sum(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)), api.RootElement.GetProperty("count").GetInt64());
        Assert.NotNull(page.QuerySelector("[data-testid=cohort-map] svg"));
        Assert.Null(page.QuerySelector("[data-testid=people-link]")); // a commissioner: counts only
    }

    [Theory]
    [InlineData("diabtes", "did you mean diabetes")]
    [InlineData("age >=", "the rule cannot be read")]
    public async Task An_unreadable_rule_is_refused_with_its_reason_on_the_page_and_the_api(string rule, string reason)
    {
        var client = await StaffAsync();
        var page = await Html.GetAsync(client, "/targeting/cohorts?rule=" + Uri.EscapeDataString(rule), HttpStatusCode.BadRequest);
        Assert.Contains(reason, page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var api = await client.GetAsync("/api/cohorts/count?rule=" + Uri.EscapeDataString(rule) + "&by=District");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains(reason, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badBy = await client.GetAsync("/api/cohorts/count?rule=smoker&by=Parish");
        Assert.Equal(HttpStatusCode.BadRequest, badBy.StatusCode);
    }

    [Fact]
    public async Task Aggregates_never_show_a_count_of_one_to_four()
    {
        using var api = JsonDocument.Parse(await (await StaffAsync()).GetStringAsync("/api/cohorts/count?rule=" + Uri.EscapeDataString("homeless and age < 18") + "&by=Lsoa"));
        var counts = api.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("count")).ToList();
        Assert.Equal(720, counts.Count);
        Assert.Contains(counts, c => c.ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(counts, c => c.ValueKind == JsonValueKind.Number && c.GetInt64() is >= 1 and <= 4);
        Assert.NotEqual(1, counts.Count(c => c.ValueKind == JsonValueKind.Null));
    }

    [Theory]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.VolunteerCoordinator)]
    public async Task Lists_of_people_are_refused_403_to_roles_that_do_not_need_them_and_the_refusal_is_audited(string role)
    {
        var (client, user) = await platform.Factory.SignedInAsNewUserAsync(role);
        var page = await client.GetAsync("/targeting/cohorts/people?rule=smoker");
        var api = await client.GetAsync("/api/cohorts/people?rule=smoker");
        var csv = await client.GetAsync("/targeting/cohorts/people.csv?rule=smoker");
        var families = await client.GetAsync("/targeting/families/list");
        var familiesApi = await client.GetAsync("/api/targeting/families");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, families.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, familiesApi.StatusCode);
        Assert.DoesNotContain("E01", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Equal(3, audit.Count(a => a.Actor == user && a.Action == "cohort.list.refused"));
        Assert.Equal(2, audit.Count(a => a.Actor == user && a.Action == "families.list.refused"));
        Assert.DoesNotContain(audit, a => a.Actor == user && a.Action is "cohort.list" or "cohort.download" or "families.list");
    }

    [Fact]
    public async Task Anyone_not_signed_in_is_sent_to_sign_in_for_people_and_for_counts_of_people()
    {
        foreach (var page in new[] { "/targeting/cohorts/people?rule=smoker", "/targeting/cohorts?rule=smoker", "/targeting/risk", "/targeting/families", "/targeting/cohorts.csv?rule=smoker" })
        {
            var response = await platform.Factory.Client().GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var api in new[] { "/api/cohorts/people?rule=smoker", "/api/cohorts/count?rule=smoker", "/api/targeting/risk" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Factory.Client().GetAsync(api)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Referrer)]
    public async Task An_analyst_or_referrer_sees_the_people_and_each_view_and_download_is_audited(string role)
    {
        var (client, user) = await platform.Factory.SignedInAsNewUserAsync(role);
        const string rule = "age >= 95 and efi_category = severe";
        var page = await Html.GetAsync(client, "/targeting/cohorts/people?rule=" + Uri.EscapeDataString(rule));
        var csv = Csv(await client.GetStringAsync("/targeting/cohorts/people.csv?rule=" + Uri.EscapeDataString(rule)));
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/cohorts/people?rule=" + Uri.EscapeDataString(rule)));
        using var count = JsonDocument.Parse(await client.GetStringAsync("/api/cohorts/count?rule=" + Uri.EscapeDataString(rule) + "&by=Ics"));

        var total = count.RootElement.GetProperty("count").GetInt64();
        Assert.True(total > 0);
        Assert.Equal(total, csv.Count);
        Assert.Equal(total, api.RootElement.GetArrayLength());
        Assert.Equal(Math.Min(200, total), page.QuerySelectorAll("[data-testid=people] tbody tr").Length);
        Assert.All(api.RootElement.EnumerateArray(), p =>
        {
            Assert.True(p.GetProperty("age").GetInt32() >= 95);
            Assert.Contains(p.GetProperty("riskFactors").EnumerateArray(), f => f.GetProperty("code").GetString() == "efi_severe");
        });
        var audit = await AuditAsync();
        Assert.Equal(2, audit.Count(a => a.Actor == user && a.Action == "cohort.list" && a.EntityKey == rule));
        Assert.Single(audit, a => a.Actor == user && a.Action == "cohort.download" && a.Detail == $"{total} people listed");
    }

    [Fact]
    public async Task Risk_by_place_gives_every_tier_for_every_district_and_the_segments()
    {
        var client = await StaffAsync();
        var page = await Html.GetAsync(client, "/targeting/risk?by=District");
        var csv = await client.GetStringAsync("/targeting/risk.csv?by=District");
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/targeting/risk?by=District"));

        Assert.Equal(9, page.QuerySelectorAll("[data-testid=tiers] tbody tr").Length);
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=segments] tbody tr").Length);
        Assert.StartsWith("area_code,area_name,population,low,rising,high,very_high", csv, StringComparison.Ordinal);
        var people = api.RootElement.GetProperty("people").GetInt64();
        Assert.Equal(1_199_554, people);
        Assert.Equal(people, api.RootElement.GetProperty("tiers").EnumerateObject().Sum(t => t.Value.GetInt64()));
        Assert.Equal(people, api.RootElement.GetProperty("segments").EnumerateObject().Sum(t => t.Value.GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/targeting/risk?by=Nowhere")).StatusCode);
    }

    [Fact]
    public async Task The_first_5000_families_show_by_district_to_everyone_and_in_full_to_an_analyst_audited()
    {
        var staff = await StaffAsync();
        var aggregate = await Html.GetAsync(staff, "/targeting/families");
        Assert.Matches(@"^The latest ranking, snapshot \d+, took the 5,000 families in most need", aggregate.Text("headline"));
        var districts = Csv(await staff.GetStringAsync("/targeting/families/districts.csv"));
        var shown = districts.Where(r => r[1].Length > 0).Select(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.DoesNotContain(shown, n => n is >= 1 and <= 4);
        Assert.NotEqual(1, districts.Count(r => r[1].Length == 0)); // a lone hidden district would be 5,000 minus the rest
        if (shown.Count == districts.Count) Assert.Equal(5000, shown.Sum());

        var (client, user) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);
        var list = await Html.GetAsync(client, "/targeting/families/list");
        var csv = Csv(await client.GetStringAsync("/targeting/families.csv"));
        Assert.Equal(200, list.QuerySelectorAll("[data-testid=families] tbody tr").Length);
        Assert.Equal(5000, csv.Count);
        Assert.Equal(Enumerable.Range(1, 5000).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), csv.Select(r => r[0]));
        var audit = await AuditAsync();
        Assert.Single(audit, a => a.Actor == user && a.Action == "families.list");
        Assert.Single(audit, a => a.Actor == user && a.Action == "families.download");
    }

    [Fact]
    public async Task The_calibration_report_page_and_download_agree()
    {
        var client = platform.Factory.Client();
        var page = await Html.GetAsync(client, "/targeting/calibration");
        var csv = Csv(await client.GetStringAsync("/targeting/calibration.csv"));
        Assert.Matches(@"^[\d,]+ of [\d,]+ comparisons are within", page.Text("headline"));
        Assert.Equal(Math.Min(300, csv.Count), page.QuerySelectorAll("[data-testid=calibration] tbody tr").Length);
        Assert.Contains(csv, r => r[0] == "practice_list_share");
    }
}

public sealed class SqliteTargetingPagesTests(SqlitePublicPlatform platform) : TargetingPagesTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresTargetingPagesTests(PostgresPublicPlatform platform) : TargetingPagesTests(platform), IClassFixture<PostgresPublicPlatform>;
