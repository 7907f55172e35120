using System.Net;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>The pages a user reads, on the demo dataset seeded at start.</summary>
public abstract class PlacePagesTests(WebFixture platform)
{
    [Fact]
    public async Task The_overview_shows_the_ICS_its_residents_and_the_Core20_share_and_is_labelled_demo()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/");

        Assert.Equal("Mid and South Essex: system overview", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("1,195,348", page.QuerySelector("[data-testid=population]")!.TextContent);
        Assert.EndsWith("%", page.QuerySelector("[data-testid=core20-share]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Demo data", page.QuerySelector(".cw-demo-banner")!.TextContent, StringComparison.Ordinal);
        var tables = page.QuerySelectorAll("table");
        Assert.Equal(4, tables[0].QuerySelectorAll("tbody tr").Length);
        Assert.Equal(9, tables[1].QuerySelectorAll("tbody tr").Length);
        Assert.Contains("/places/E07000066", tables[1].InnerHtml, StringComparison.Ordinal);
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
    public async Task A_district_page_shows_its_population_deciles_domains_parents_and_children()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/places/E07000066");

        Assert.Equal("Basildon", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("187,", page.QuerySelector("[data-testid=population]")!.TextContent, StringComparison.Ordinal);
        var deciles = page.QuerySelectorAll("[data-testid=deciles] tbody tr");
        Assert.Equal(10, deciles.Length);
        Assert.Equal(110, deciles.Sum(r => int.Parse(r.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        var breadcrumb = page.QuerySelector(".nhsuk-breadcrumb")!.TextContent;
        Assert.Contains("Basildon and Brentwood", breadcrumb, StringComparison.Ordinal);
        Assert.Contains("Essex", breadcrumb, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("LSOAs (110)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_LSOA_page_shows_its_rank_and_decile_in_every_domain()
    {
        var lsoa = (await Html.GetAsync(platform.Factory.Client(), "/places/E07000066/map")).QuerySelector("[data-testid=map-table] tbody tr td")!.TextContent;

        var page = await Html.GetAsync(platform.Factory.Client(), "/places/" + lsoa);

        Assert.StartsWith("LSOA (2011)", page.QuerySelector(".nhsuk-caption-l")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("[data-testid=domains] tbody tr").Length);
        Assert.Null(page.QuerySelector("[data-testid=deciles]"));
    }

    [Fact]
    public async Task A_PCN_page_sums_its_practices_registered_lists()
    {
        var pcn = (await Html.GetAsync(platform.Factory.Client(), "/places")).QuerySelectorAll("details a")[0].GetAttribute("href")!;

        var page = await Html.GetAsync(platform.Factory.Client(), pcn);

        Assert.Matches(@"^[\d,]+ at its \d+ practices$", page.QuerySelector("[data-testid=registered]")!.TextContent);
    }

    [Fact]
    public async Task The_district_map_draws_every_LSOA_with_a_legend_and_a_table_alternative()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/places/E07000066/map");

        var svg = page.QuerySelector("[data-testid=map] svg")!;
        Assert.Equal(110, svg.QuerySelectorAll("path[data-code]").Length);
        Assert.Contains("1 – most deprived", svg.TextContent, StringComparison.Ordinal);
        Assert.Equal(110, page.QuerySelectorAll("[data-testid=map-table] tbody tr").Length);
    }

    [Fact]
    public async Task The_ICS_map_draws_all_705_LSOAs()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), "/map");

        Assert.Equal(705, page.QuerySelectorAll("[data-testid=map] svg path[data-code]").Length);
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
