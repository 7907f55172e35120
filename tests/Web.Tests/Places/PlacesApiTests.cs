using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

public abstract class PlacesApiTests(WebFixture platform)
{
    [Fact]
    public async Task The_overview_gives_the_system_districts_alliances_and_counts()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview");

        Assert.Equal("Demo", json.GetProperty("dataset").GetString());
        Assert.Equal(1_195_348, json.GetProperty("system").GetProperty("population").GetInt64());
        Assert.Equal(705, json.GetProperty("system").GetProperty("lsoas").GetInt32());
        Assert.Equal(9, json.GetProperty("districts").GetArrayLength());
        Assert.Equal(4, json.GetProperty("alliances").GetArrayLength());
        Assert.Equal(27, json.GetProperty("counts").GetProperty("Pcn").GetInt32());
    }

    [Fact]
    public async Task Places_are_listed_by_type_or_by_parent()
    {
        var client = platform.Factory.Client();

        var districts = await client.GetFromJsonAsync<JsonElement>("/api/places?type=District");
        var inMidEssex = await client.GetFromJsonAsync<JsonElement>("/api/places?within=alliance-mid-essex");

        Assert.Equal(9, districts.GetArrayLength());
        Assert.Equal(["E07000067", "E07000070", "E07000074"], inMidEssex.EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task A_place_has_its_hierarchy_population_and_deprivation()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/places/E07000066");

        Assert.Equal("Basildon", json.GetProperty("place").GetProperty("name").GetString());
        Assert.Contains(json.GetProperty("parents").EnumerateArray(), p => p.GetProperty("code").GetString() == "alliance-basildon-brentwood");
        Assert.Equal(110, json.GetProperty("imdDeciles").EnumerateArray().Sum(d => d.GetProperty("lsoas").GetInt32()));
        Assert.Equal(8, json.GetProperty("domains").GetArrayLength());
        Assert.Equal(6, json.GetProperty("ages").GetProperty("bands").GetArrayLength());
    }

    [Fact]
    public async Task The_LSOAs_of_a_place_come_with_ranks_deciles_and_population()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/places/E07000066/lsoas");

        Assert.Equal(110, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), l => Assert.InRange(l.GetProperty("imdDecile").GetInt32(), 1, 10));
    }

    [Theory]
    [InlineData("/api/places?type=Planet", 400, "type 'Planet' is not a place type")]
    [InlineData("/api/places?within=nope", 400, "within is not an area code")]
    [InlineData("/api/places/nope", 400, "code is not an area code")]
    [InlineData("/api/places/E09999999", 404, "place not found")]
    [InlineData("/api/places/E09999999/lsoas", 404, "place not found")]
    public async Task Bad_requests_get_problem_details(string path, int status, string title)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_API_reference_page_lists_every_API_endpoint_with_its_access()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/api");

        var rows = page.QuerySelectorAll("[data-testid=api-endpoints] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("GET /api/places/{code}/lsoas", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/places", StringComparison.Ordinal) && r.Contains("type, within", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/api/audit", StringComparison.Ordinal) && r.Contains("Administrators", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/health", StringComparison.Ordinal));
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        var client = platform.Factory.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/places/{code}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/overview", openApi, StringComparison.Ordinal);
    }
}

public sealed class SqlitePlacesApiTests(SqlitePublicPlatform platform) : PlacesApiTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresPlacesApiTests(PostgresPublicPlatform platform) : PlacesApiTests(platform), IClassFixture<PostgresPublicPlatform>;
