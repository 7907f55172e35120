using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;
using static Commonweal.Web.Tests.Support.PlaceFigures;

namespace Commonweal.Web.Tests.Places;

/// <summary>
/// Residents and registered patients of every type of place, as the API gives them (a place, the list of its type, its
/// children) and as its page shows them, on the demo: the same figures (<see cref="PlaceFigures"/>).
/// </summary>
public abstract class PlaceFiguresTests(WebFixture platform)
{
    private static readonly string[] Types = ["Ics", "Icb", "SubIcb", "Alliance", "County", "District", "Ward", "Lsoa", "Pcn", "Neighbourhood", "Practice"];

    /// <summary>The day before and a day after the ICB mergers of 1 April 2026 (and the practice lists either side).</summary>
    private static readonly string[] Dates = ["2026-03-31", "2026-06-01"];

    public static TheoryData<string, string> TypesAndDates => new(from type in Types from date in Dates select (type, date));

    [Theory]
    [MemberData(nameof(TypesAndDates))]
    public async Task The_API_and_the_place_page_give_the_same_residents_and_registered_patients(string type, string asAt)
    {
        var counted = await PlaceFigures.AssertApiAndPageAgreeAsync(platform.Factory.Client(), type, asAt);

        // Not a comparison of nothing with nothing: every type counts people, residents or registered patients.
        Assert.True(counted > 0, $"no {type} had residents or registered patients on {asAt}");
    }

    [Theory]
    [InlineData("Pcn")]
    [InlineData("Neighbourhood")]
    [InlineData("Practice")]
    public async Task Practices_PCNs_and_neighbourhoods_count_registered_patients_and_no_residents_on_both(string type)
    {
        var client = platform.Factory.Client();
        var code = (await client.GetFromJsonAsync<JsonElement>($"/api/places?type={type}&in={Ics}")).GetProperty("places")[0].GetProperty("code").GetString()!;

        var api = (await client.GetFromJsonAsync<JsonElement>($"/api/places/{code}")).GetProperty("place");
        var page = await Html.GetAsync(client, $"/places/{code}");

        Assert.Equal(JsonValueKind.Null, api.GetProperty("population").ValueKind);
        Assert.True(api.GetProperty("registeredPatients").GetInt64() > 0);
        Assert.Null(page.QuerySelector("[data-testid=population]"));
        Assert.Equal(api.GetProperty("registeredPatients").GetInt64(), Leading(page, "registered"));
    }

    [Fact]
    public async Task The_overview_tables_give_the_residents_the_API_gives_for_each_district_and_alliance()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/overview?asAt=2026-06-01");
        var page = await Html.GetAsync(client, "/?asAt=2026-06-01");

        foreach (var (list, table) in new[] { ("districts", "districts"), ("alliances", "alliances") })
        {
            var rows = page.QuerySelectorAll($"[data-testid={table}] tbody tr").ToDictionary(
                r => r.QuerySelector("th a")!.GetAttribute("href")!.Split('?')[0]["/places/".Length..],
                r => Number(r.QuerySelectorAll("td")[0].TextContent));
            var figures = api.GetProperty(list).EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => Optional(p, "population") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : (long?)null);
            Assert.Equal(figures.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
            Assert.All(figures.Values, n => Assert.True(n > 0));
        }
    }
}

public sealed class SqlitePlaceFiguresTests(SqlitePublicPlatform platform) : PlaceFiguresTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresPlaceFiguresTests(PostgresPublicPlatform platform) : PlaceFiguresTests(platform), IClassFixture<PostgresPublicPlatform>;
