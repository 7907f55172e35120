using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>
/// The platform over a store holding only Fingertips' real export of indicator 91547 (smoking prevalence, QOF), imported
/// as the command line does before the platform starts (the demo's places are seeded at start). Skips when the
/// reference data or PostgreSQL is not available.
/// </summary>
public abstract class RealIndicatorPlatform(DatabaseProvider provider) : RealDataPlatform(provider)
{
    public const string File = "indicators/fingertips_91547_smoking_prevalence_qof.csv";

    protected override async Task LoadAsync(TestDatabase store, string folder) => await IndicatorImporting.ReferenceFileAsync(store, File);
}

public sealed class SqliteRealIndicatorPlatform() : RealIndicatorPlatform(DatabaseProvider.Sqlite);

public sealed class PostgresRealIndicatorPlatform() : RealIndicatorPlatform(DatabaseProvider.Postgres);

/// <summary>The indicators API on the real export: Basildon's published series and its place among the districts.</summary>
public abstract class RealIndicatorApiTests(RealIndicatorPlatform platform)
{
    private Task<JsonElement> GetAsync(string path) => platform.Factory.Client().GetFromJsonAsync<JsonElement>(path);

    [Fact]
    public async Task Basildon_has_the_published_counts_and_values_of_every_year()
    {
        var json = await GetAsync("/api/indicators/91547/values?area=E07000066&period=2013/14");
        var series = await GetAsync("/api/indicators/91547/series?area=E07000066");

        var row = Assert.Single(json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("age").GetString() == "15+ yrs" && r.GetProperty("category").GetString() == "");
        Assert.Equal(32068, row.GetProperty("count").GetDouble());
        Assert.Equal(20.64328847, row.GetProperty("value").GetDouble(), 6);
        Assert.Equal("District", row.GetProperty("areaType").GetString());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.True(points.Count >= 10, $"{points.Count} periods");
        Assert.Equal(15.58137063, points.Single(p => p.GetProperty("period").GetString() == "2022/23").GetProperty("value").GetDouble(), 6);
    }

    [Fact]
    public async Task The_districts_are_compared_with_england_and_the_catalogue_knows_the_indicator()
    {
        var benchmarks = await GetAsync("/api/indicators/91547/benchmarks?areaType=District&period=2022/23");
        var detail = await GetAsync("/api/indicators/91547");

        var areas = benchmarks.GetProperty("areas").EnumerateArray().ToList();
        Assert.Contains(areas, a => a.GetProperty("areaCode").GetString() == "E07000066");
        Assert.All(areas, a => Assert.Matches("^(Better|Similar|Worse|Not compared)$", a.GetProperty("benchmark").GetString()));
        Assert.Equal("proportion", detail.GetProperty("indicator").GetProperty("valueType").GetString());
        Assert.Contains(detail.GetProperty("periods").EnumerateArray(), p => p.GetProperty("label").GetString() == "2022/23");
    }

    [Fact]
    public async Task The_indicator_page_opens_on_the_latest_period_England_has_a_value_for_not_the_practices_later_year()
    {
        var periods = (await GetAsync("/api/indicators/91547")).GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ToList();
        var page = await Html.GetAsync(platform.Factory.Client(), "/indicators/91547");

        Assert.Equal("2023/24", periods[^1]);
        Assert.Equal("2022/23", page.QuerySelector("#period option[selected]")?.GetAttribute("value"));
        Assert.DoesNotContain("so no area is compared", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SqliteRealIndicatorApiTests(SqliteRealIndicatorPlatform platform) : RealIndicatorApiTests(platform), IClassFixture<SqliteRealIndicatorPlatform>;

public sealed class PostgresRealIndicatorApiTests(PostgresRealIndicatorPlatform platform) : RealIndicatorApiTests(platform), IClassFixture<PostgresRealIndicatorPlatform>;
