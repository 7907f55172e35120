using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>Deprivation by edition on the demo: the list (as the CLI's), and the comparison of IoD2019 with IoD2025 or its refusal.</summary>
public abstract class DeprivationTests(WebFixture platform)
{
    [Fact]
    public async Task The_deprivation_list_gives_every_LSOA_of_the_edition_in_the_place_with_what_it_used()
    {
        var client = platform.Factory.Client();
        var lsoas = await client.GetFromJsonAsync<JsonElement>("/api/places/E07000066/lsoas?vintage=iod2019");

        var json = await client.GetFromJsonAsync<JsonElement>("/api/deprivation?vintage=iod2019&in=E07000066&asAt=2026-04-01");

        Assert.Equal("iod2019", json.GetProperty("vintage").GetString());
        Assert.Equal("E07000066", json.GetProperty("place").GetProperty("code").GetString());
        Assert.Equal("IoD2019", json.GetProperty("used").GetProperty("deprivation").GetString());
        Assert.Equal("2026-04-01", json.GetProperty("used").GetProperty("asAt").GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(lsoas.GetProperty("lsoas").GetArrayLength(), rows.Count);
        Assert.All(rows, r => Assert.Equal("E07000066", r.GetProperty("districtCode").GetString()));
        Assert.All(rows, r => Assert.InRange(r.GetProperty("imdRank").GetInt32(), 1, 32_844));
        Assert.Equal(rows.Select(r => r.GetProperty("lsoaCode").GetString()).Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("lsoaCode").GetString()));
    }

    [Fact]
    public async Task The_deprivation_list_defaults_to_the_ICS_and_the_default_edition()
    {
        var client = platform.Factory.Client();
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview");

        var json = await client.GetFromJsonAsync<JsonElement>("/api/deprivation");

        Assert.Equal("ics-mid-and-south-essex", json.GetProperty("place").GetProperty("code").GetString());
        Assert.Equal(overview.GetProperty("defaultEdition").GetString(), json.GetProperty("vintage").GetString());
        Assert.Equal(overview.GetProperty("system").GetProperty("lsoas").GetInt32(), json.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData("iod2019")]
    [InlineData("iod2025")]
    public async Task Core20_is_the_LSOAs_of_the_list_in_deciles_1_and_2_with_their_residents(string vintage)
    {
        var client = platform.Factory.Client();
        var all = (await client.GetFromJsonAsync<JsonElement>($"/api/deprivation?vintage={vintage}")).GetProperty("rows").EnumerateArray().ToList();
        var system = (await client.GetFromJsonAsync<JsonElement>($"/api/overview?vintage={vintage}")).GetProperty("system");

        var core20 = (await client.GetFromJsonAsync<JsonElement>($"/api/deprivation/core20?vintage={vintage}")).GetProperty("rows").EnumerateArray().ToList();

        Assert.NotEmpty(core20);
        Assert.Equal(all.Where(r => r.GetProperty("imdDecile").GetInt32() <= 2).Select(r => r.GetRawText()), core20.Select(r => r.GetRawText()));
        Assert.Equal(system.GetProperty("core20Lsoas").GetInt32(), core20.Count);
        Assert.All(core20, r => Assert.True(r.GetProperty("population").GetInt64() > 0));
        var share = (double)core20.Sum(r => r.GetProperty("population").GetInt64()) / all.Sum(r => r.GetProperty("population").GetInt64());
        Assert.Equal(system.GetProperty("core20Share").GetDouble(), share, 12);
    }

    [Theory]
    [InlineData("vintage=iod2030", "vintage")]
    [InlineData("asAt=2026-13-01", "asAt")]
    [InlineData("in=not-a-code!", "in")]
    public async Task Core20_refuses_a_bad_parameter_with_problem_details_naming_it(string query, string parameter)
    {
        using var response = await platform.Factory.Client().GetAsync($"/api/deprivation/core20?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_gives_Core20_in_both_editions_by_district_with_its_method_and_chart()
    {
        var client = platform.Factory.Client();

        var json = await client.GetFromJsonAsync<JsonElement>("/api/deprivation/compare");
        var page = await Html.GetAsync(client, "/deprivation/compare");

        Assert.Equal(9, json.GetProperty("districts").GetArrayLength());
        Assert.Equal(83, json.GetProperty("total").GetProperty("core20In2025").GetInt32());
        Assert.Equal(69, json.GetProperty("total").GetProperty("core20In2019").GetInt32());
        Assert.Equal("IoD2019", json.GetProperty("before").GetProperty("deprivation").GetString());
        Assert.Equal("IoD2025", json.GetProperty("used").GetProperty("deprivation").GetString());
        Assert.NotEmpty(json.GetProperty("method").GetString()!);
        Assert.Equal(9, page.QuerySelectorAll("[data-testid=districts] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("[data-testid=chart] svg"));
    }

    [Fact]
    public async Task The_comparison_page_says_what_is_wrong_with_a_bad_place_code()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/deprivation/compare?in=nope", HttpStatusCode.BadRequest);

        Assert.Contains("'nope' is not an area code", page.Text("parameter-errors"), StringComparison.Ordinal);
        Assert.Equal("nope", page.QuerySelector("[data-testid=as-at-form] input[name=in]")!.GetAttribute("value"));
    }
}

public sealed class SqliteDeprivationTests(SqlitePublicPlatform platform) : DeprivationTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresDeprivationTests(PostgresPublicPlatform platform) : DeprivationTests(platform), IClassFixture<PostgresPublicPlatform>;

/// <summary>A store with only IoD2019: an answer that needs IoD2025 is refused with a 409 and what is loaded.</summary>
public abstract class EditionNotLoadedTests(OnlyIod2019Platform platform)
{
    [Fact]
    public async Task An_edition_not_loaded_is_refused_with_the_editions_that_are()
    {
        var response = await platform.Factory.Client().GetAsync("/api/deprivation?vintage=iod2025");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("IoD2025 is not loaded", problem.GetProperty("title").GetString());
        Assert.Contains("(loaded: IoD2019)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_is_refused_plainly_on_the_API_and_the_page()
    {
        var client = platform.Factory.Client();

        var api = await client.GetAsync("/api/deprivation/compare");
        var page = await Html.GetAsync(client, "/deprivation/compare", HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("both editions are needed", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Contains("Cannot compare: both editions are needed", page.Text("refusal"), StringComparison.Ordinal);
        Assert.Contains("Comparing needs IoD2019 and IoD2025 (loaded: IoD2019)", page.Text("refusal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_edition_is_then_IoD2019_on_the_LSOAs_of_2011()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview");

        Assert.Equal("iod2019", json.GetProperty("defaultEdition").GetString());
        Assert.Equal(705, json.GetProperty("system").GetProperty("lsoas").GetInt32());
        Assert.Equal("LSOA 2011", json.GetProperty("used").GetProperty("lsoas").GetString());
    }
}

public sealed class SqliteEditionNotLoadedTests(SqliteOnlyIod2019Platform platform) : EditionNotLoadedTests(platform), IClassFixture<SqliteOnlyIod2019Platform>;

public sealed class PostgresEditionNotLoadedTests(PostgresOnlyIod2019Platform platform) : EditionNotLoadedTests(platform), IClassFixture<PostgresOnlyIod2019Platform>;
