using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>The places API on the demo: shapes, "used", as-at answers and problem details (structure, not demo numbers).</summary>
public abstract class PlacesApiTests(WebFixture platform)
{
    [Fact]
    public async Task The_overview_gives_the_system_its_ICB_on_the_date_districts_alliances_counts_and_what_it_used()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview?asAt=2026-04-01");

        Assert.Equal("Demo", json.GetProperty("dataset").GetString());
        Assert.Equal("ics-mid-and-south-essex", json.GetProperty("icsCode").GetString());
        Assert.True(json.GetProperty("inForce").GetBoolean());
        Assert.Equal("D7T5G", json.GetProperty("icb").GetProperty("code").GetString());
        Assert.Equal(["QH8", "D7T5G"], json.GetProperty("icbs").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        var used = json.GetProperty("used");
        Assert.Equal("2026-04-01", used.GetProperty("asAt").GetString());
        Assert.Matches("^LSOA (2011|2021)$", used.GetProperty("lsoas").GetString());
        Assert.Contains(json.GetProperty("defaultEdition").GetString(), json.GetProperty("editions").EnumerateArray().Select(e => e.GetString()));
        var system = json.GetProperty("system");
        Assert.True(system.GetProperty("lsoas").GetInt32() > 0);
        Assert.Equal(system.GetProperty("lsoas").GetInt32(), json.GetProperty("districts").EnumerateArray().Sum(d => d.GetProperty("lsoas").GetInt32()));
        Assert.Equal(9, json.GetProperty("districts").GetArrayLength());
        Assert.Equal(4, json.GetProperty("alliances").GetArrayLength());
        Assert.Equal(27, json.GetProperty("counts").GetProperty("Pcn").GetInt32());
    }

    [Fact]
    public async Task The_overview_the_day_before_1_April_2026_is_in_QH8()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview?asAt=2026-03-31");

        Assert.Equal("QH8", json.GetProperty("icb").GetProperty("code").GetString());
        Assert.Equal("2026-03-31", json.GetProperty("icb").GetProperty("validTo").GetString());
    }

    [Theory]
    [InlineData("2026-03-31", "NHS Mid Essex CCG")]
    [InlineData("2026-04-01", "NHS Essex ICB - 06Q")]
    public async Task A_place_asked_for_by_its_ODS_code_is_answered_under_its_name_of_the_date(string date, string name)
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/places/06Q?asAt={date}");

        var place = json.GetProperty("place");
        Assert.Equal("E38000106", place.GetProperty("code").GetString());
        Assert.Equal(name, place.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Places_are_listed_by_type_directly_within_a_place_or_anywhere_within_it_with_a_type()
    {
        var client = platform.Factory.Client();

        var districts = await client.GetFromJsonAsync<JsonElement>("/api/places?type=District");
        var inMidEssex = await client.GetFromJsonAsync<JsonElement>("/api/places?in=alliance-mid-essex");
        var lsoasInMidEssex = await client.GetFromJsonAsync<JsonElement>("/api/places?type=Lsoa&in=alliance-mid-essex");
        var alliance = await client.GetFromJsonAsync<JsonElement>("/api/places/alliance-mid-essex");

        Assert.Equal(9, districts.GetProperty("places").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, districts.GetProperty("within").ValueKind);
        Assert.Equal(["E07000067", "E07000070", "E07000074"], inMidEssex.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order().ToArray());
        Assert.Equal("alliance-mid-essex", inMidEssex.GetProperty("within").GetProperty("code").GetString());
        Assert.Equal(alliance.GetProperty("place").GetProperty("lsoas").GetInt32(), lsoasInMidEssex.GetProperty("places").GetArrayLength());
        Assert.All(lsoasInMidEssex.GetProperty("places").EnumerateArray(), p => Assert.Equal("Lsoa", p.GetProperty("type").GetString()));
        Assert.True(districts.GetProperty("places")[0].TryGetProperty("validFrom", out _));
        Assert.True(districts.GetProperty("places")[0].TryGetProperty("validTo", out _));
        Assert.NotNull(districts.GetProperty("used").GetProperty("asAt").GetString());
    }

    [Theory]
    [InlineData("Practice")]
    [InlineData("Pcn")]
    [InlineData("Neighbourhood")]
    public async Task Practices_PCNs_and_neighbourhoods_give_registered_patients_not_a_population_of_zero(string type)
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>($"/api/places?type={type}&in=ics-mid-and-south-essex&asAt=2026-04-01");

        var places = json.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("population").ValueKind));
        Assert.All(places, p => Assert.True(p.GetProperty("registeredPatients").GetInt64() > 0, p.GetProperty("code").GetString()));
        Assert.All(places, p => Assert.NotNull(p.GetProperty("registeredPeriod").GetString()));
    }

    [Fact]
    public async Task A_place_has_its_validity_ICB_hierarchy_population_deprivation_history_and_what_it_used()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/places/E07000066?asAt=2026-03-31");

        var place = json.GetProperty("place");
        Assert.Equal("Basildon", place.GetProperty("name").GetString());
        Assert.True(place.GetProperty("population").GetInt64() > 0);
        Assert.True(json.GetProperty("inForce").GetBoolean());
        Assert.Equal("QH8", json.GetProperty("icb").GetProperty("code").GetString());
        Assert.Equal("2026-03-31", json.GetProperty("used").GetProperty("asAt").GetString());
        Assert.Contains(json.GetProperty("parents").EnumerateArray(), p => p.GetProperty("code").GetString() == "alliance-basildon-brentwood");
        Assert.Equal(place.GetProperty("lsoas").GetInt32(), json.GetProperty("imdDeciles").EnumerateArray().Sum(d => d.GetProperty("lsoas").GetInt32()));
        Assert.Equal(8, json.GetProperty("domains").GetArrayLength());
        Assert.Contains(json.GetProperty("history").EnumerateArray(), h => h.GetProperty("parent").GetProperty("code").GetString() == "alliance-basildon-brentwood");
        if (json.GetProperty("ages").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal("Resident", json.GetProperty("ages").GetProperty("kind").GetString());
            Assert.NotEmpty(json.GetProperty("ages").GetProperty("bands").EnumerateArray());
        }
    }

    [Fact]
    public async Task An_LSOA_gives_its_deprivation_with_its_edition_and_ranks_out_of_that_editions_LSOAs()
    {
        var client = platform.Factory.Client();
        var lsoa = (await client.GetFromJsonAsync<JsonElement>("/api/places/E07000066/lsoas")).GetProperty("lsoas")[0].GetProperty("code").GetString();

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/places/{lsoa}");

        var deprivation = json.GetProperty("deprivation");
        Assert.Matches("^iod(2019|2025)$", deprivation.GetProperty("vintage").GetString());
        Assert.Equal(deprivation.GetProperty("vintage").GetString() == "iod2019" ? 32_844 : 33_755, deprivation.GetProperty("of").GetInt32());
        Assert.Equal(7, deprivation.GetProperty("domains").GetArrayLength());
        Assert.Equal(1, json.GetProperty("place").GetProperty("lsoas").GetInt32());
    }

    [Fact]
    public async Task A_place_not_in_force_on_the_date_is_answered_with_in_force_false_and_its_validity()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/places/QH8?asAt=2026-04-01");

        Assert.False(json.GetProperty("inForce").GetBoolean());
        Assert.Equal("until 31 March 2026", json.GetProperty("validity").GetString());
        Assert.Equal("2026-03-31", json.GetProperty("place").GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task The_LSOAs_of_a_place_come_with_district_ranks_deciles_population_and_what_they_used()
    {
        var json = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/places/E07000066/lsoas?vintage=iod2019");

        Assert.Equal("LSOA 2011", json.GetProperty("used").GetProperty("lsoas").GetString());
        Assert.Equal("E07000066", json.GetProperty("place").GetProperty("code").GetString());
        var lsoas = json.GetProperty("lsoas").EnumerateArray().ToList();
        Assert.NotEmpty(lsoas);
        Assert.All(lsoas, l => Assert.InRange(l.GetProperty("imdDecile").GetInt32(), 1, 10));
        Assert.All(lsoas, l => Assert.Equal("E07000066", l.GetProperty("districtCode").GetString()));
    }

    [Theory]
    [InlineData("/api/places?type=Planet", 400, "type 'Planet' is not a place type", "type")]
    [InlineData("/api/places?in=nope", 400, "in is not an area code", "in")]
    [InlineData("/api/places?asAt=2026-02-30", 400, "asAt is not a date", "asAt")]
    [InlineData("/api/places/nope", 400, "code is not an area code", "code")]
    [InlineData("/api/places/E07000066?asAt=yesterday", 400, "asAt is not a date", "asAt")]
    [InlineData("/api/places/E07000066?vintage=iod2030", 400, "vintage is not an edition of the Indices", "vintage")]
    [InlineData("/api/places/E07000066/lsoas?asAt=2026-4-1", 400, "asAt is not a date", "asAt")]
    [InlineData("/api/overview?asAt=01%2F04%2F2026", 400, "asAt is not a date", "asAt")]
    [InlineData("/api/overview?vintage=2019", 400, "vintage is not an edition of the Indices", "vintage")]
    [InlineData("/api/deprivation?in=nope", 400, "in is not an area code", "in")]
    [InlineData("/api/deprivation/compare?asAt=x", 400, "asAt is not a date", "asAt")]
    public async Task Bad_parameters_get_problem_details_naming_the_parameter(string path, int status, string title, string parameter)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/places/E09999999")]
    [InlineData("/api/places/E09999999/lsoas")]
    [InlineData("/api/places?in=E09999999")]
    [InlineData("/api/deprivation?in=E09999999")]
    public async Task An_unknown_place_gets_a_404_problem(string path)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("place not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Listing_within_a_place_not_in_force_is_refused_with_its_validity()
    {
        var response = await platform.Factory.Client().GetAsync("/api/places?in=QH8&asAt=2026-06-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("place not in force", problem.GetProperty("title").GetString());
        Assert.Contains("until 31 March 2026", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_reference_page_lists_every_API_endpoint_and_download_with_its_parameters_and_access()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/api");

        var rows = page.QuerySelectorAll("[data-testid=api-endpoints] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("GET /api/places/{code}/lsoas", StringComparison.Ordinal) && r.Contains("asAt, vintage", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/places", StringComparison.Ordinal) && r.Contains("type, in, asAt, vintage", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/deprivation", StringComparison.Ordinal) && r.Contains("vintage, in, asAt", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/deprivation/compare", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/deprivation/core20", StringComparison.Ordinal) && r.Contains("vintage, in, asAt", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/api/audit", StringComparison.Ordinal) && r.Contains("Administrators", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/health", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/indicators/{id}/values", StringComparison.Ordinal) && r.Contains("areaType, area, period, sex, age, category, page, pageSize", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("PUT /api/indicators/{id}", StringComparison.Ordinal) && r.Contains("Analysts and administrators", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/cohorts/count", StringComparison.Ordinal) && r.Contains("rule, by, asAt", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("GET /api/cohorts/people", StringComparison.Ordinal) && r.Contains("Analyst and Referrer only", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("POST /api/allocation/runs", StringComparison.Ordinal) && r.Contains("Commissioners, analysts and administrators", StringComparison.Ordinal));
        // Who may call the commissioning API, by the policy each endpoint names: never the catch-all "Signed-in users".
        const string Contracts = "Commissioners, analysts and administrators; providers (their own organisation's contracts only)";
        const string Register = "Commissioners, analysts and administrators";
        Dictionary<string, string> AccessOf(string table, string path) => page.QuerySelectorAll($"[data-testid={table}] tbody tr")
            .Where(r => r.QuerySelector("code")!.TextContent.Contains(path, StringComparison.Ordinal))
            .ToDictionary(r => r.QuerySelector("code")!.TextContent, r => r.QuerySelectorAll("td")[2].TextContent);
        Assert.Equal(new Dictionary<string, string>
        {
            ["GET /api/commissioning/contracts"] = Contracts,
            ["GET /api/commissioning/contracts/{reference}"] = Contracts,
            ["POST /api/commissioning/contracts/{reference}/returns"] = Contracts,
            ["GET /api/commissioning/remedial-plans"] = Contracts,
            ["POST /api/commissioning/remedial-plans/{id:int}/actions"] = Contracts,
            ["POST /api/commissioning/remedial-actions/{id:int}/status"] = Contracts,
            ["POST /api/commissioning/remedial-plans/{id:int}/close"] = "Commissioners and administrators",
            ["GET /api/commissioning/coverage"] = Register,
            ["GET /api/commissioning/funds/balance"] = Register,
            ["GET /api/commissioning/value"] = Contracts,
        }, AccessOf("api-endpoints", " /api/commissioning/"));
        Assert.Contains(rows, r => r.Contains("GET /api/commissioning/coverage", StringComparison.Ordinal) && r.Contains("asAt, level", StringComparison.Ordinal));
        Assert.Equal(53, rows.Count);
        var downloads = page.QuerySelectorAll("[data-testid=downloads] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(downloads, r => r.Contains("GET /deprivation.csv", StringComparison.Ordinal) && r.Contains("vintage, in, asAt", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /indicators/{id:int}/areas.{csv|xlsx}", StringComparison.Ordinal) && r.Contains("period, type", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /outcomes/pack.docx", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /outcomes/status.{csv|xlsx}", StringComparison.Ordinal) && r.Contains("latest", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /targeting/cohorts.csv", StringComparison.Ordinal) && r.Contains("rule, by, asAt", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /allocation/runs/{id:long}.{csv|xlsx}", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string>
        {
            ["GET /commissioning/contracts.{csv|xlsx}"] = Contracts,
            ["GET /commissioning/contracts/{reference}/kpis.{csv|xlsx}"] = Contracts,
            ["GET /commissioning/coverage.{csv|xlsx}"] = Register,
            ["GET /commissioning/funds.{csv|xlsx}"] = Register,
            ["GET /commissioning/value.{csv|xlsx}"] = Contracts,
            ["GET /commissioning/remedial.{csv|xlsx}"] = Contracts,
        }, AccessOf("downloads", " /commissioning/"));
        Assert.Contains(downloads, r => r.Contains("GET /cases.csv", StringComparison.Ordinal));
        Assert.Contains(downloads, r => r.Contains("GET /cases/{id}/events.csv", StringComparison.Ordinal));
        Assert.Equal(50, downloads.Count);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        var client = platform.Factory.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/places/{code}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/overview", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/deprivation/compare", openApi, StringComparison.Ordinal);
    }
}

public sealed class SqlitePlacesApiTests(SqlitePublicPlatform platform) : PlacesApiTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresPlacesApiTests(PostgresPublicPlatform platform) : PlacesApiTests(platform), IClassFixture<PostgresPublicPlatform>;
