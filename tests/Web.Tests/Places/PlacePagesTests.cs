using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>
/// The pages a user reads, on the demo dataset seeded at start. The demo is being reworked (2021 LSOAs, IoD2025, Census
/// 2021 totals), so these tests hold the pages to their structure and to the API's figures, not to demo numbers.
/// </summary>
public abstract class PlacePagesTests(WebFixture platform)
{
    [Fact]
    public async Task The_overview_shows_the_ICS_its_residents_and_the_Core20_share_as_the_API_gives_them_and_is_labelled_demo()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/overview?asAt=2026-06-01");

        var page = await Html.GetAsync(client, "/?asAt=2026-06-01");

        Assert.Equal("Mid and South Essex: system overview", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(api.GetProperty("system").GetProperty("population").GetInt64().ToString("N0", CultureInfo.InvariantCulture), page.Text("population"));
        Assert.StartsWith(api.GetProperty("used").GetProperty("residents").GetString()!, page.Text("population-source"), StringComparison.Ordinal);
        Assert.EndsWith("%", page.Text("core20-share"), StringComparison.Ordinal);
        Assert.Contains("Demo data", page.QuerySelector(".cw-demo-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=alliances] tbody tr").Length);
        var districts = page.QuerySelector("[data-testid=districts]")!;
        Assert.Equal(9, districts.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("/places/E07000066?asAt=2026-06-01", districts.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_place_browser_lists_alliances_districts_and_PCNs_with_their_practices()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/places");

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/places/alliance-mid-essex", links);
        Assert.Contains("/places/E06000034", links);
        Assert.Equal(27, page.QuerySelectorAll("details").Length);
    }

    [Fact]
    public async Task A_district_page_shows_its_validity_population_deciles_named_by_edition_parents_and_children()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/places/E07000066");
        var lsoas = api.GetProperty("place").GetProperty("lsoas").GetInt32();
        var imd = "IMD " + api.GetProperty("used").GetProperty("deprivation").GetString()![3..];

        var page = await Html.GetAsync(client, "/places/E07000066");

        Assert.Equal("Basildon", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(api.GetProperty("place").GetProperty("population").GetInt64().ToString("N0", CultureInfo.InvariantCulture) + " in ", page.Text("population"), StringComparison.Ordinal);
        Assert.Contains(api.GetProperty("used").GetProperty("residents").GetString()!, page.Text("population-source"), StringComparison.Ordinal);
        Assert.NotEmpty(page.Text("validity"));
        var deciles = page.QuerySelector("[data-testid=deciles]")!;
        Assert.Contains($"national {imd} decile", deciles.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, deciles.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(lsoas, deciles.QuerySelectorAll("tbody tr").Sum(r => int.Parse(r.QuerySelectorAll("td")[0].TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        Assert.Contains(api.GetProperty("used").GetProperty("deprivation").GetString()!, page.Text("domain-summary"), StringComparison.Ordinal);
        var breadcrumb = page.QuerySelector(".nhsuk-breadcrumb")!.TextContent;
        Assert.Contains("Basildon and Brentwood", breadcrumb, StringComparison.Ordinal);
        Assert.Contains("Essex", breadcrumb, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith($"LSOAs ({lsoas})", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("[data-testid=history] tbody th"), h => h.TextContent.Contains("Basildon and Brentwood", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_LSOA_page_names_its_Census_and_its_IMD_edition_with_its_rank_and_decile_in_every_domain()
    {
        var lsoa = (await Html.GetAsync(platform.Factory.Client(), "/places/E07000066/map")).QuerySelector("[data-testid=map-table] tbody tr td")!.TextContent;

        var page = await Html.GetAsync(platform.Factory.Client(), "/places/" + lsoa);

        Assert.Matches(@"^LSOA \((2011|2021)\)", page.QuerySelector(".nhsuk-caption-l")!.TextContent);
        Assert.Matches(@"^Rank [\d,]+ of (32,844|33,755) \(1 = most deprived\), decile \d+", page.Text("imd"));
        Assert.Matches("^IMD (2019|2025)$", page.QuerySelector("[data-testid=imd]")!.ParentElement!.QuerySelector("dt")!.TextContent);
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=domains] tbody tr").Length);
        Assert.Matches(@"Domains of deprivation, IoD(2019|2025) \(rank of", page.QuerySelector("[data-testid=domains] caption")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=deciles]"));
    }

    [Fact]
    public async Task A_PCN_page_sums_its_practices_registered_lists_and_gives_their_date()
    {
        var pcn = (await Html.GetAsync(platform.Factory.Client(), "/places")).QuerySelectorAll("details a")[0].GetAttribute("href")!;

        var page = await Html.GetAsync(platform.Factory.Client(), pcn);

        Assert.Matches(@"^[\d,]+ at its \d+ practices$", page.Text("registered"));
        Assert.Matches(@"^On the lists of \d{1,2} \w+ \d{4}", page.Text("registered-period"));
        Assert.Null(page.QuerySelector("[data-testid=population]"));
    }

    [Fact]
    public async Task The_district_map_draws_every_LSOA_with_a_legend_naming_the_edition_and_a_table_alternative()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/places/E07000066/lsoas");
        var edition = api.GetProperty("used").GetProperty("deprivation").GetString()!;

        var page = await Html.GetAsync(client, "/places/E07000066/map");

        var svg = page.QuerySelector("[data-testid=map] svg")!;
        var count = api.GetProperty("lsoas").GetArrayLength();
        Assert.Equal(count, svg.QuerySelectorAll("path.choropleth-area").Length);
        var legend = page.QuerySelector("[data-testid=map-legend]")!;
        Assert.Equal($"IMD {edition[3..]} national decile", Html.Normalise(legend.QuerySelector(".cw-legend__title")!.TextContent));
        Assert.Equal(["1 – most deprived", "2", "3", "4", "5", "6", "7", "8", "9", "10 – least deprived", "No data"], legend.QuerySelectorAll("li").Select(li => Html.Normalise(li.TextContent)));
        Assert.Equal(Palette.ImdDeciles.Select(e => e.Colour), legend.QuerySelectorAll("li svg rect:first-child").Take(10).Select(r => r.GetAttribute("fill")));
        Assert.Null(svg.QuerySelector(".choropleth-legend"));
        Assert.Equal(count, page.QuerySelectorAll("[data-testid=map-table] tbody tr").Length);
        Assert.Equal("/places/E07000066", page.QuerySelector("[data-testid=place-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_ICS_map_draws_all_its_LSOAs_with_every_district_outlined_named_and_linked_to_its_page()
    {
        var client = platform.Factory.Client();
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview");

        var page = await Html.GetAsync(client, "/map");

        var svg = page.QuerySelector("[data-testid=map] svg")!;
        Assert.Equal(overview.GetProperty("system").GetProperty("lsoas").GetInt32(), svg.QuerySelectorAll("path.choropleth-area").Length);
        var districts = overview.GetProperty("districts").EnumerateArray().Select(d => (Code: d.GetProperty("code").GetString()!, Name: d.GetProperty("name").GetString()!)).ToList();
        var outlines = svg.QuerySelectorAll("path.choropleth-outline").Select(p => p.GetAttribute("data-code")).ToList();
        Assert.Equal(districts.Select(d => d.Code).Order(), outlines.Order());
        foreach (var (code, name) in districts)
        {
            var label = Assert.Single(svg.QuerySelectorAll("text.choropleth-label"), t => t.GetAttribute("data-code") == code);
            Assert.Equal(name, label.TextContent);
            Assert.Equal($"/places/{code}", label.ParentElement!.GetAttribute("href"));
            var outline = Assert.Single(svg.QuerySelectorAll("path.choropleth-outline"), p => p.GetAttribute("data-code") == code);
            Assert.Equal($"/places/{code}", outline.ParentElement!.GetAttribute("href"));
            Assert.Equal(name, outline.ParentElement!.GetAttribute("aria-label"));
        }

        Assert.Equal("/places/ics-mid-and-south-essex", page.QuerySelector("[data-testid=place-link]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/places/E09999999")]
    [InlineData("/places/not%20a%20code")]
    [InlineData("/places/E09999999/map")]
    public async Task An_unknown_place_is_a_404_page(string path)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Place not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqlitePlacePagesTests(SqlitePublicPlatform platform) : PlacePagesTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresPlacePagesTests(PostgresPublicPlatform platform) : PlacePagesTests(platform), IClassFixture<PostgresPublicPlatform>;
