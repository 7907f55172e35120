using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>The indicator list, the indicator page and the area profile on hand-made indicators over the demo: figures, comparisons, small numbers, charts, bad input.</summary>
public abstract class IndicatorPagesTests(IndicatorPlatform platform)
{
    private static readonly string Annual = "/indicators/" + IndicatorPlatform.Annual;

    [Fact]
    public async Task The_list_shows_each_indicator_with_its_periods_and_filters_by_name_and_type_of_area()
    {
        var client = platform.Factory.Client();

        var all = await Html.GetAsync(client, "/indicators");
        var quarterly = await Html.GetAsync(client, "/indicators?q=quarterly");
        var lsoas = await Html.GetAsync(client, "/indicators?type=Lsoa");

        var row = all.QuerySelector($"[data-testid=indicators] tr[data-id='{IndicatorPlatform.Annual}']")!;
        Assert.Contains("Test smoking prevalence", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2019/20 to 2023/24", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Low is good", row.TextContent, StringComparison.Ordinal);
        Assert.Equal([IndicatorPlatform.Quarterly.ToString(System.Globalization.CultureInfo.InvariantCulture)], Ids(quarterly));
        // The hand-made annual indicator has LSOA values and the quarterly one has not; the seeded demo indicators at LSOA level are listed too.
        Assert.Contains(IndicatorPlatform.Annual.ToString(System.Globalization.CultureInfo.InvariantCulture), Ids(lsoas));
        Assert.DoesNotContain(IndicatorPlatform.Quarterly.ToString(System.Globalization.CultureInfo.InvariantCulture), Ids(lsoas));
        Assert.True(Ids(lsoas).Count < Ids(all).Count);
        Assert.Contains(all.QuerySelectorAll("header a"), a => a.GetAttribute("href") == "/indicators" && a.TextContent == "Indicators");
    }

    [Fact]
    public async Task The_indicator_page_shows_the_value_against_England_and_the_PCNs_aggregated_with_the_engines_benchmark_words()
    {
        var client = platform.Factory.Client();
        var expected = await ComparisonAsync(AreaType.Pcn);

        var page = await Html.GetAsync(client, Annual);

        Assert.Equal("Test smoking prevalence", page.QuerySelector("h1")!.TextContent);
        // The place shown is the one the form has chosen (the ICS's ICB), so "Show" keeps it.
        Assert.Contains(page.QuerySelector("#area option[selected]")!.TextContent, page.Text("headline"), StringComparison.Ordinal);
        Assert.StartsWith("In 2023/24, ", page.Text("headline"), StringComparison.Ordinal);
        Assert.Contains("England", page.Text("headline"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=areas-table] tbody tr");
        Assert.Equal(expected.Areas.Count, rows.Length);
        Assert.True(rows.Length > 1);
        foreach (var area in expected.Areas)
        {
            var tr = rows.Single(r => r.GetAttribute("data-code") == area.Row.Row.Area.Value);
            var cells = tr.QuerySelectorAll("td");
            Assert.Equal(area.Benchmark.Label, cells[4].TextContent.Trim());
            Assert.Equal("Aggregated", cells[5].TextContent.Trim());
            Assert.Equal(area.Row.Value!.Value.ToString("#,0.0", System.Globalization.CultureInfo.InvariantCulture), cells[2].TextContent.Trim());
        }

        Assert.Contains(expected.Areas, a => a.Benchmark.Outcome != Core.Statistics.BenchmarkOutcome.NotCompared);
        Assert.Contains("Recent trend: ", page.Text("trend-summary"), StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("[data-testid=trend-table] tbody tr").Length);
    }

    [Fact]
    public async Task Practices_compared_carry_the_disclosure_note_and_the_suppressed_practice_shows_no_figures()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), $"{Annual}?type=Practice");

        Assert.Contains("suppressed to protect small numbers", page.Text("disclosure-note"), StringComparison.Ordinal);
        var small = page.QuerySelector($"[data-testid=areas-table] tr[data-code='{platform.SmallPractice}']")!;
        var cells = small.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["–", "–", "–", "–", "Suppressed"], cells.Take(5));
        Assert.DoesNotContain(small.QuerySelectorAll("td"), c => c.TextContent.Trim() == "3");
        // Its bar in the chart says suppressed and draws no value.
        Assert.Contains("suppressed", page.QuerySelector("[data-testid=areas-chart]")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_maps_LSOAs_with_the_districts_named_and_linked_shows_inequality_by_decile_and_says_why_there_is_no_SPC_chart_for_an_annual_indicator()
    {
        var client = platform.Factory.Client();
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview");

        var page = await Html.GetAsync(client, Annual);

        var map = page.QuerySelector("[data-testid=indicator-map] svg")!;
        var districts = map.QuerySelectorAll("text.choropleth-label").ToList();
        Assert.Equal(overview.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).Order(), districts.Select(l => l.GetAttribute("data-code")!).Order());
        Assert.All(districts, l => Assert.Equal($"/places/{l.GetAttribute("data-code")}", l.ParentElement!.GetAttribute("href")));
        Assert.Equal(districts.Count, map.QuerySelectorAll("path.choropleth-outline").Length);
        Assert.Equal("/places/ics-mid-and-south-essex", page.QuerySelector("[data-testid=map-place-link]")!.GetAttribute("href"));
        var legend = page.QuerySelector("[data-testid=indicator-map-legend]")!;
        Assert.Equal("Compared with England", legend.QuerySelector(".cw-legend__title")!.TextContent);
        Assert.Equal(["Better", "Similar", "Worse", "No value, suppressed or not compared"], legend.QuerySelectorAll("li").Select(li => Html.Normalise(li.TextContent)));
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=inequality-table] tbody tr").Length);
        Assert.Contains("Slope index of inequality", page.Text("inequality-summary"), StringComparison.Ordinal);
        Assert.Contains("monthly or quarterly", page.Text("spc-none"), StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("svg:not([aria-hidden=true])"), CheckSvg);
    }

    [Fact]
    public async Task A_quarterly_indicator_has_an_SPC_chart_whose_last_point_is_a_special_cause_of_concern()
    {
        var district = platform.Districts[0];

        var page = await Html.GetAsync(platform.Factory.Client(), $"/indicators/{IndicatorPlatform.Quarterly}?area={district}&type=District");

        var points = page.QuerySelectorAll("[data-testid=spc-chart] circle.spc-point");
        Assert.Equal(16, points.Length);
        Assert.Equal("special_cause_concern", points[^1].GetAttribute("data-type"));
        Assert.Contains("special cause (concern)", page.Text("spc-summary"), StringComparison.Ordinal);
        Assert.Contains("No inequality chart", page.Text("inequality-none"), StringComparison.Ordinal);
        Assert.Contains("District", page.Text("map-summary"), StringComparison.OrdinalIgnoreCase);
        Assert.All(page.QuerySelectorAll("svg:not([aria-hidden=true])"), CheckSvg);
    }

    [Fact]
    public async Task Choosing_a_practice_and_a_period_shows_that_practice_then()
    {
        var practice = platform.Practices[1];

        var page = await Html.GetAsync(platform.Factory.Client(), $"{Annual}?area={practice}&period=2021/22&type=Practice");

        Assert.StartsWith($"In 2021/22, Practice {practice}", page.Text("headline"), StringComparison.Ordinal);
        Assert.Equal("2021/22", page.QuerySelector("#period option[selected]")!.GetAttribute("value"));
        Assert.Equal(practice.Value, page.QuerySelector("#area option[selected]")!.GetAttribute("value"));
        Assert.Contains("cw-current", page.QuerySelector($"[data-testid=areas-table] tr[data-code='{practice}']")!.ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/indicators/91547", HttpStatusCode.NotFound)]
    [InlineData("/indicators/abc", HttpStatusCode.NotFound)]
    [InlineData("/indicators/1000001?period=1999/00", HttpStatusCode.BadRequest)]
    [InlineData("/indicators/1000001?type=Planet", HttpStatusCode.BadRequest)]
    [InlineData("/indicators/1000001?area=not-a-code!", HttpStatusCode.BadRequest)]
    [InlineData("/indicators/1000001?area=E07000999", HttpStatusCode.NotFound)]
    [InlineData("/indicators/1000001?asAt=2024-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/indicators?factor=Happiness", HttpStatusCode.BadRequest)]
    [InlineData("/places/E07000066/profile?scope=moon", HttpStatusCode.BadRequest)]
    [InlineData("/places/E92000099/profile", HttpStatusCode.NotFound)]
    public async Task Bad_input_is_answered_with_the_house_error_pages(string path, HttpStatusCode status)
    {
        var page = await Html.GetAsync(platform.Factory.Client(), path, status);

        if (status == HttpStatusCode.BadRequest) Assert.NotNull(page.QuerySelector("[data-testid=parameter-errors]"));
        else Assert.Matches("not found|No profile", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_area_profile_of_a_PCN_sets_its_value_among_the_ICSs_PCNs_and_links_from_the_place_page()
    {
        var client = platform.Factory.Client();
        var pcn = (await ComparisonAsync(AreaType.Pcn)).Areas[0].Row.Row.Area;

        var place = await Html.GetAsync(client, $"/places/{pcn}");
        var page = await Html.GetAsync(client, $"/places/{pcn}/profile");
        var england = await Html.GetAsync(client, $"/places/{pcn}/profile?scope=england");

        Assert.Equal($"/places/{pcn}/profile", place.QuerySelector("[data-testid=profile-link]")!.GetAttribute("href"));
        var row = page.QuerySelector($"[data-testid=profile-table] tr[data-id='{IndicatorPlatform.Annual}']")!;
        Assert.Contains(IndicatorPlatform.Latest, row.TextContent, StringComparison.Ordinal);
        Assert.Matches("Better|Similar|Worse", row.QuerySelector(".nhsuk-tag")!.TextContent);
        // One marker per indicator with a value for the PCN (the hand-made one and the seeded demo ones), as the table and headline say.
        var rows = page.QuerySelectorAll("[data-testid=profile-table] tbody tr").Length;
        Assert.Equal(rows, page.QuerySelectorAll("[data-testid=spine-chart] circle.spine-marker").Length);
        Assert.StartsWith($"{rows} indicators for ", page.Text("headline"), StringComparison.Ordinal);
        Assert.Equal("england", england.QuerySelector("#scope option[selected]")!.GetAttribute("value"));
        Assert.All(page.QuerySelectorAll("svg:not([aria-hidden=true])"), CheckSvg);
    }

    [Fact]
    public async Task The_map_falls_back_to_districts_when_no_LSOA_is_compared_with_England()
    {
        // The seeded demo's under-75 DSR: each LSOA's few deaths give no interval to compare, its districts do.
        var page = await Html.GetAsync(platform.Factory.Client(), "/indicators/1900003");

        Assert.StartsWith("Each district or unitary authority of ", page.Text("map-summary"), StringComparison.Ordinal);
        Assert.DoesNotContain("none compared", page.Text("map-summary"), StringComparison.Ordinal);
    }

    private async Task<AreaComparison> ComparisonAsync(AreaType type)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IndicatorQueries>();
        var answer = await queries.CompareAreasAsync(new IndicatorId(IndicatorPlatform.Annual), type, IndicatorPlatform.Latest, scope.ServiceProvider.GetRequiredService<IcsDefinition>().Code);
        return answer.Value!;
    }

    private static List<string?> Ids(IDocument page) => [.. page.QuerySelectorAll("[data-testid=indicators] tbody tr").Select(r => r.GetAttribute("data-id"))];

    /// <summary>Well-formed SVG with a title and a description it is labelled by, hex colours only and safe links only.</summary>
    internal static void CheckSvg(IElement svg)
    {
        var xml = XElement.Parse(svg.OuterHtml.Replace("&nbsp;", " ", StringComparison.Ordinal));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var title = xml.Element(ns + "title");
        var desc = xml.Element(ns + "desc");
        Assert.False(string.IsNullOrWhiteSpace(title?.Value), "the SVG has no title");
        Assert.False(string.IsNullOrWhiteSpace(desc?.Value), "the SVG has no description");
        Assert.Equal($"{title!.Attribute("id")!.Value} {desc!.Attribute("id")!.Value}", xml.Attribute("aria-labelledby")!.Value);
        foreach (var fill in xml.Descendants().Select(e => e.Attribute("fill")?.Value).OfType<string>().Where(f => f.StartsWith('#')))
            Assert.True(SvgChecks.IsColour(fill), fill);
        foreach (var href in xml.Descendants().Select(e => e.Attribute("href")?.Value).OfType<string>())
            Assert.True(SvgChecks.IsSafeLink(href), href);
    }
}

public sealed class SqliteIndicatorPagesTests(SqliteIndicatorPlatform platform) : IndicatorPagesTests(platform), IClassFixture<SqliteIndicatorPlatform>;

public sealed class PostgresIndicatorPagesTests(PostgresIndicatorPlatform platform) : IndicatorPagesTests(platform), IClassFixture<PostgresIndicatorPlatform>;
