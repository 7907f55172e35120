using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>The indicators API over a small Fingertips export: each endpoint's content, suppression, and a problem naming each bad parameter.</summary>
public abstract class IndicatorApiTests(SmallIndicatorPlatform platform)
{
    private Task<JsonElement> GetAsync(string path) => platform.Factory.Client().GetFromJsonAsync<JsonElement>(path);

    [Fact]
    public async Task The_catalogue_lists_the_indicator_with_its_metadata_and_what_is_stored_and_filters_it()
    {
        var all = await GetAsync("/api/indicators");
        var byWords = await GetAsync("/api/indicators?q=smoking");
        var none = await GetAsync("/api/indicators?q=no%20such%20words");
        var byType = await GetAsync("/api/indicators?areaType=district");
        var noneOfType = await GetAsync("/api/indicators?areaType=Practice");

        var smoking = Assert.Single(all.EnumerateArray(), i => i.GetProperty("id").GetInt32() == 91547);
        Assert.Equal("Smoking prevalence in adults (15+) - current smokers (QOF)", smoking.GetProperty("name").GetString());
        Assert.Equal("proportion", smoking.GetProperty("valueType").GetString());
        Assert.Equal(100, smoking.GetProperty("multiplier").GetDouble());
        Assert.Equal(2, smoking.GetProperty("periods").GetInt32());
        Assert.Equal(7, smoking.GetProperty("values").GetInt32());
        Assert.Equal("2014/15", smoking.GetProperty("lastPeriod").GetString());
        Assert.Contains("District", smoking.GetProperty("areaTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(byWords.EnumerateArray(), i => i.GetProperty("id").GetInt32() == 91547);
        Assert.Equal(0, none.GetArrayLength());
        Assert.Contains(byType.EnumerateArray(), i => i.GetProperty("id").GetInt32() == 91547);
        Assert.DoesNotContain(noneOfType.EnumerateArray(), i => i.GetProperty("id").GetInt32() == 91547);
    }

    [Fact]
    public async Task An_indicator_has_its_periods_types_of_place_added_up_and_counts()
    {
        var json = await GetAsync("/api/indicators/91547");

        Assert.Equal(91547, json.GetProperty("indicator").GetProperty("id").GetInt32());
        Assert.Equal(["2013/14", "2014/15"], json.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
        Assert.Equal("2013-04-01", json.GetProperty("periods")[0].GetProperty("start").GetString());
        var types = json.GetProperty("areaTypes").EnumerateArray().ToDictionary(t => t.GetProperty("areaType").GetString()!);
        Assert.Equal(4, types["District"].GetProperty("areas").GetInt32());
        Assert.True(types["Alliance"].GetProperty("added").GetInt32() > 0, "alliances are added up from their districts");
        Assert.True(json.GetProperty("rows").GetInt32() > 7);
    }

    [Fact]
    public async Task Values_have_the_command_lines_fields_in_camel_case()
    {
        var json = await GetAsync("/api/indicators/91547/values?area=E07000066&period=2013/14");

        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal(
            ["indicatorId", "areaCode", "areaName", "areaType", "period", "sex", "age", "category", "count", "denominator", "value",
             "lower95", "upper95", "lower99_8", "upper99_8", "comparedToEngland", "recentTrend", "source"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Basildon", row.GetProperty("areaName").GetString());
        Assert.Equal("District", row.GetProperty("areaType").GetString());
        Assert.Equal(30000, row.GetProperty("count").GetDouble());
        Assert.Equal(21.75, row.GetProperty("value").GetDouble(), 2);
        Assert.Equal("Worse", row.GetProperty("comparedToEngland").GetString());
        Assert.Equal("computed", row.GetProperty("source").GetString());
        Assert.Equal(1, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_small_count_is_not_in_the_json_and_the_disclosure_note_is()
    {
        var response = await platform.Factory.Client().GetAsync("/api/indicators/91547/values?areaType=District&period=2013/14");
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement;

        var maldon = Assert.Single(json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("areaCode").GetString() == "E07000074");
        Assert.Equal(JsonValueKind.Null, maldon.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, maldon.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, maldon.GetProperty("denominator").ValueKind);
        Assert.DoesNotContain("\"count\":3,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"denominator\":60,", text, StringComparison.Ordinal);
        Assert.Contains("suppressed to protect small numbers", json.GetProperty("disclosureNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_paged_and_narrowed_by_sex_and_age()
    {
        var first = await GetAsync("/api/indicators/91547/values?pageSize=2");
        var second = await GetAsync("/api/indicators/91547/values?pageSize=2&page=2");
        var male = await GetAsync("/api/indicators/91547/values?sex=male");
        var age = await GetAsync("/api/indicators/91547/values?age=15%2B%20yrs&areaType=Country");

        Assert.Equal(2, first.GetProperty("rows").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.NotEqual(first.GetProperty("rows")[0].GetProperty("areaCode").GetString() + first.GetProperty("rows")[0].GetProperty("period").GetString(),
            second.GetProperty("rows")[0].GetProperty("areaCode").GetString() + second.GetProperty("rows")[0].GetProperty("period").GetString());
        Assert.Equal(0, male.GetProperty("total").GetInt32());
        Assert.Equal(2, age.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Benchmarks_compare_each_place_of_a_type_with_the_comparator()
    {
        var england = await GetAsync("/api/indicators/91547/benchmarks?areaType=District&period=2013/14");
        var parent = await GetAsync("/api/indicators/91547/benchmarks?areaType=District&period=2013/14&comparator=parent");

        Assert.Equal("england", england.GetProperty("comparator").GetString());
        var basildon = Assert.Single(england.GetProperty("areas").EnumerateArray(), a => a.GetProperty("areaCode").GetString() == "E07000066");
        Assert.Equal("Worse", basildon.GetProperty("benchmark").GetString());
        Assert.Equal("E92000001", basildon.GetProperty("comparatorCode").GetString());
        Assert.Equal(19.17, basildon.GetProperty("comparatorValue").GetDouble(), 2);
        Assert.True(basildon.GetProperty("lower95").GetDouble() < basildon.GetProperty("value").GetDouble());
        var maldon = Assert.Single(england.GetProperty("areas").EnumerateArray(), a => a.GetProperty("areaCode").GetString() == "E07000074");
        Assert.Equal("Not compared", maldon.GetProperty("benchmark").GetString());
        Assert.Equal(JsonValueKind.Null, maldon.GetProperty("value").ValueKind);
        Assert.NotNull(england.GetProperty("disclosureNote").GetString());
        var basildonInParent = Assert.Single(parent.GetProperty("areas").EnumerateArray(), a => a.GetProperty("areaCode").GetString() == "E07000066");
        Assert.NotEqual("E92000001", basildonInParent.GetProperty("comparatorCode").GetString());
    }

    [Fact]
    public async Task A_series_gives_every_period_against_england()
    {
        var json = await GetAsync("/api/indicators/91547/series?area=E07000066");

        Assert.Equal("Basildon", json.GetProperty("areaName").GetString());
        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2013/14", "2014/15"], points.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(20, points[1].GetProperty("value").GetDouble(), 6);
        Assert.Equal(18, points[1].GetProperty("comparatorValue").GetDouble(), 6);
        Assert.Equal("Worse", points[1].GetProperty("benchmark").GetString());
    }

    [Fact]
    public async Task A_quarterly_series_is_an_spc_chart_and_an_annual_one_is_refused()
    {
        var chart = await GetAsync("/api/indicators/90001/spc?area=E07000066");
        var annual = await platform.Factory.Client().GetAsync("/api/indicators/91547/spc?area=E07000066");

        var points = chart.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(8, points.Count);
        Assert.Equal("2021/22 Q1", points[0].GetProperty("period").GetString());
        Assert.Equal(20, points[0].GetProperty("value").GetDouble(), 6);
        Assert.True(points[^1].GetProperty("upper").GetDouble() > points[^1].GetProperty("mean").GetDouble());
        Assert.False(string.IsNullOrEmpty(chart.GetProperty("variation").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, annual.StatusCode);
        Assert.Equal("not a frequent series", (await annual.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Inequality_without_LSOA_values_is_a_409_saying_so()
    {
        var response = await platform.Factory.Client().GetAsync("/api/indicators/91547/inequality?period=2013/14");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no LSOA values", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/indicators/abc", "id", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/0/values", "id", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/424242", "id", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators/424242/values", "id", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators?areaType=Planet", "areaType", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators?factorGroup=Luck", "factorGroup", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?areaType=7", "areaType", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?area=E0700006X", "area", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?area=E07000075", "area", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators/91547/values?period=2013/15", "period", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?period=2019/20", "period", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators/91547/values?sex=other", "sex", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?page=0", "page", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/values?pageSize=100001", "pageSize", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/benchmarks", "areaType", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/benchmarks?areaType=District&comparator=moon", "comparator", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/benchmarks?areaType=District&period=1999", "period", HttpStatusCode.NotFound)]
    [InlineData("/api/indicators/91547/series", "area", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/series?area=E07000066&comparator=x", "comparator", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/spc?area=nope", "area", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/91547/inequality?period=x", "period", HttpStatusCode.BadRequest)]
    public async Task A_bad_parameter_is_a_problem_naming_it(string path, string parameter, HttpStatusCode status)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_indicator_endpoints()
    {
        var json = await GetAsync("/openapi/v1.json");

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/indicators", "/api/indicators/{id}", "/api/indicators/{id}/values", "/api/indicators/{id}/benchmarks", "/api/indicators/{id}/series",
                     "/api/indicators/{id}/spc", "/api/indicators/{id}/inequality" })
            Assert.Contains(path, paths);
        Assert.True(json.GetProperty("paths").GetProperty("/api/indicators/{id}").TryGetProperty("put", out _));
    }
}

public sealed class SqliteIndicatorApiTests(SqliteSmallIndicatorPlatform platform) : IndicatorApiTests(platform), IClassFixture<SqliteSmallIndicatorPlatform>;

public sealed class PostgresIndicatorApiTests(PostgresSmallIndicatorPlatform platform) : IndicatorApiTests(platform), IClassFixture<PostgresSmallIndicatorPlatform>;

/// <summary>With aggregates private, reading indicators needs a sign-in: anonymous calls are 401, any signed-in user's are answered.</summary>
public abstract class PrivateIndicatorApiTests(SmallIndicatorPlatform platform)
{
    [Fact]
    public async Task Anonymous_reads_are_401_and_signed_in_reads_are_answered()
    {
        var anonymous = await platform.Factory.Client().GetAsync("/api/indicators/91547/values");
        var (commissioner, _) = await platform.Factory.SignedInAsNewUserAsync(Core.Access.Roles.Commissioner);
        var signedIn = await commissioner.GetAsync("/api/indicators/91547/values");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }
}

public sealed class SqlitePrivateIndicatorApiTests(SqlitePrivateSmallIndicatorPlatform platform) : PrivateIndicatorApiTests(platform), IClassFixture<SqlitePrivateSmallIndicatorPlatform>;

public sealed class PostgresPrivateIndicatorApiTests(PostgresPrivateSmallIndicatorPlatform platform) : PrivateIndicatorApiTests(platform), IClassFixture<PostgresPrivateSmallIndicatorPlatform>;
