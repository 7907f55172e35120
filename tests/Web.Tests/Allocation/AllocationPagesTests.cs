using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Allocation;

/// <summary>
/// Allocation pages, API and downloads over the demo (two saved runs): every signed-in user reads runs; commissioners,
/// analysts and administrators make them (403 for other roles); allocations add up to the budget to the penny on the
/// page, in the CSV and over the API; bad input is a problem naming the field, with nothing saved.
/// </summary>
public abstract class AllocationPagesTests(WebFixture platform)
{
    private static List<string[]> Csv(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(','))];

    private static long Pence(string pounds) => (long)Math.Round(decimal.Parse(pounds, CultureInfo.InvariantCulture) * 100);

    private async Task<HttpClient> AsAsync(string role) => (await platform.Factory.SignedInAsNewUserAsync(role)).Client;

    private async Task<int> RunCountAsync()
    {
        await using var db = new CommonwealDbContext(PersistenceServices.Options(platform.Factory.Services.GetRequiredService<DatabaseSettings>()));
        return await db.AllocationRuns.CountAsync();
    }

    [Fact]
    public async Task The_run_page_shows_more_where_needed_with_a_chart_a_table_and_downloads_that_add_up_to_the_budget()
    {
        var client = await AsAsync(Roles.Provider);
        var page = await Html.GetAsync(client, "/allocation/runs/1");

        Assert.StartsWith("£2,500,000.00 shared among 9 districts and unitary authorities of the ICS", page.Text("headline"), StringComparison.Ordinal);
        Assert.Equal("£2,500,000.00", page.Text("total"));
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=places] tbody tr").Length); // nine districts and the total
        Assert.NotNull(page.QuerySelector("[data-testid=scatter] svg title"));
        Assert.NotNull(page.QuerySelector("[data-testid=shift] svg desc"));
        Assert.Equal("Run again from its saved inputs, it gives the same pence.", page.Text("reproduced"));

        var csv = await client.GetStringAsync("/allocation/runs/1.csv");
        Assert.StartsWith("place_code,place_name,population,need_index,target_share,target_allocation,baseline,allocation,allocation_per_head\n", csv.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var rows = Csv(csv);
        Assert.Equal(9, rows.Count);
        Assert.Equal(250_000_000, rows.Sum(r => Pence(r[7])));
        Assert.Equal(250_000_000, rows.Sum(r => Pence(r[5])));
        var detail = await client.GetStringAsync("/allocation/runs/1/detail.csv");
        Assert.Contains("need_imd_score,need_core20_share,need_index,uplift,unit_cost", detail, StringComparison.Ordinal);
        Assert.Contains("step_age_cost,step_need,step_uplift,step_unit_cost,step_limits_and_pace", detail, StringComparison.Ordinal);
        var xlsx = await client.GetAsync("/allocation/runs/1.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Null(page.QuerySelector("[data-testid=run-form]"));
        var index = await Html.GetAsync(client, "/allocation");
        Assert.Null(index.QuerySelector("[data-testid=run-form]")); // a provider reads runs but does not make them
        Assert.True(index.QuerySelectorAll("[data-testid=runs] tbody tr").Length >= 2);
    }

    [Fact]
    public async Task A_places_waterfall_adds_up_from_the_equal_share_to_its_allocation()
    {
        var client = await AsAsync(Roles.Commissioner);
        var page = await Html.GetAsync(client, "/allocation/runs/2/places/E06000033");
        var steps = Csv(await client.GetStringAsync("/allocation/runs/2/places/E06000033.csv"));
        var places = Csv(await client.GetStringAsync("/allocation/runs/2.csv"));

        Assert.Equal(6, steps.Count);
        // The last step's name is quoted with a comma in it: read amounts from the end of each line.
        Assert.Equal(steps[0][^2], steps[0][^1]);
        Assert.Equal(steps.Sum(s => Pence(s[^2])), Pence(steps[^1][^1]));
        Assert.Equal(places.Single(p => p[0] == "E06000033")[7], steps[^1][^1]);
        Assert.NotNull(page.QuerySelector("[data-testid=waterfall] svg"));
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=steps] tbody tr").Length);
        await Html.GetAsync(client, "/allocation/runs/2/places/E07000001", HttpStatusCode.NotFound);
        await Html.GetAsync(client, "/allocation/runs/999/places/E06000033", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/allocation/runs/999.csv")).StatusCode);
    }

    [Fact]
    public async Task Two_runs_compare_place_by_place_with_why_each_moved()
    {
        var client = await AsAsync(Roles.VolunteerCoordinator);
        var page = await Html.GetAsync(client, "/allocation/compare?run=1&run=2");
        var csv = await client.GetStringAsync("/allocation/compare.csv?run=1&run=2");

        Assert.Equal(9, page.QuerySelectorAll("[data-testid=compare-2] tbody tr").Length);
        Assert.All(page.QuerySelectorAll("[data-testid=compare-2] tbody tr"), r => Assert.Matches("^(Need index|Floors, caps and pace of change|Inequalities uplift|Age-cost weighting|Unit cost|Budget \\(the equal share\\)): [+−]£", r.QuerySelectorAll("td")[^1].TextContent));
        Assert.StartsWith("place_code,place_name,run_1_allocation,run_1_need_index,run_2_allocation,run_2_need_index,run_2_change", csv, StringComparison.Ordinal);
        Assert.Equal(7_500_000, Csv(csv).Sum(r => Pence(r[6])));
        var one = await Html.GetAsync(client, "/allocation/compare?run=1", HttpStatusCode.BadRequest);
        Assert.Contains("Choose two or more runs to compare.", one.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        await Html.GetAsync(client, "/allocation/compare?run=1&run=x", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_api_makes_a_run_that_adds_up_and_refuses_bad_input_naming_the_field_with_nothing_saved()
    {
        var analyst = await AsAsync(Roles.Analyst);
        var made = await analyst.PostAsJsonAsync("/api/allocation/runs", new { budget = 1234567.89m, level = "Lsoa", label = "api run" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using (var run = JsonDocument.Parse(await made.Content.ReadAsStringAsync()))
        {
            var places = run.RootElement.GetProperty("places").EnumerateArray().ToList();
            Assert.Equal(720, places.Count);
            Assert.Equal(123_456_789, places.Sum(p => (long)Math.Round(p.GetProperty("allocation").GetDecimal() * 100)));
            Assert.True(run.RootElement.GetProperty("reproduced").GetBoolean());
            var id = run.RootElement.GetProperty("id").GetInt64();
            using var back = JsonDocument.Parse(await analyst.GetStringAsync($"/api/allocation/runs/{id}"));
            Assert.Equal("api run", back.RootElement.GetProperty("label").GetString());
        }

        var before = await RunCountAsync();
        var cases = new (object Body, string Parameter, string Detail)[]
        {
            (new { budget = 12.345m }, "budget", "at most two decimals"),
            (new { budget = -5m }, "budget", "from 0 to"),
            (new { budget = 100m, level = "Planet" }, "level", "'Planet' is not a place type"),
            (new { budget = 100m, asAt = "2026-13-01" }, "asAt", "2026-13-01"),
            (new { budget = 100m, level = "Ward, Icb" }, "level", "'Ward, Icb' is not a place type"),
            (new { budget = 1_000_000_000_000.01m }, "budget", "from 0 to 1,000,000,000,000"),
            (new { budget = 100m, baseline = new[] { new { placeCode = "E06000033", baseline = 5m } } }, "", "The baseline has no row for 8 of the 9 places"),
            (new { budget = 100m, model = "nope" }, "", "There is no allocation model called 'nope'"),
        };
        foreach (var (body, parameter, detail) in cases)
        {
            var response = await analyst.PostAsJsonAsync("/api/allocation/runs", body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{JsonSerializer.Serialize(body)}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (parameter.Length > 0) Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
            Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var provider = await AsAsync(Roles.Provider);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/allocation/runs", new { budget = 100m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsync("/api/allocation/models", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await analyst.PostAsync("/api/allocation/models", new StringContent("{ \"name\": \"plain\" }"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await platform.Factory.Client().GetAsync("/api/allocation/runs")).StatusCode);
        var model = await analyst.PostAsync("/api/allocation/models", new StringContent("""{ "name": "bad", "need": { "combine": "weighted_sum", "weights_total": 1, "components": [ { "source": "imd_score", "weight": 0.7 } ] } }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, model.StatusCode);
        Assert.Contains("need.weights_total: the weights add up to 0.7, not the 1 declared", await model.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await RunCountAsync());
    }

    [Fact]
    public async Task The_form_runs_and_saves_a_model_or_shows_why_not_with_nothing_saved()
    {
        var commissioner = await AsAsync(Roles.Commissioner);
        var before = await RunCountAsync();
        var bad = await Forms.PostAsync(commissioner, "/allocation", "allocate", new Dictionary<string, string> { ["Input.Model"] = "prevention-fair-shares", ["Input.Budget"] = "two million" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await Html.ParseAsync(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Enter the budget in pounds", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await RunCountAsync());

        var good = await Forms.PostAsync(commissioner, "/allocation", "allocate", new Dictionary<string, string>
        {
            ["Input.Model"] = "prevention-fair-shares", ["Input.Budget"] = "1000000", ["Input.Level"] = "Ward", ["Input.BaselineRun"] = "", ["Input.Label"] = "form run",
        });
        Assert.True(good.IsSuccessStatusCode || good.StatusCode == HttpStatusCode.Redirect, good.StatusCode.ToString());
        Assert.Equal(before + 1, await RunCountAsync());
        var runs = JsonDocument.Parse(await commissioner.GetStringAsync("/api/allocation/runs")).RootElement.EnumerateArray().ToList();
        Assert.Equal("form run", runs[0].GetProperty("label").GetString());
        Assert.Equal("Ward", runs[0].GetProperty("level").GetString());
    }
}

public sealed class SqliteAllocationPagesTests(SqlitePublicPlatform platform) : AllocationPagesTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresAllocationPagesTests(PostgresPublicPlatform platform) : AllocationPagesTests(platform), IClassFixture<PostgresPublicPlatform>;
