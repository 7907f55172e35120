using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>A user's first minute: the overview, a district, its map and the map's table.</summary>
public sealed class OverviewToMapTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task From_the_overview_a_user_follows_a_district_to_its_map_and_table()
    {
        var page = await platform.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("Mid and South Essex: system overview", await page.Locator("h1").TextContentAsync());
        Assert.True(await page.Locator(".cw-demo-banner").IsVisibleAsync());

        var districts = page.Locator("table", new() { Has = page.GetByText("By district and unitary authority") });
        await districts.GetByRole(AriaRole.Link, new() { Name = "Thurrock", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/places/E06000034");
        Assert.Equal("Thurrock", await page.Locator("h1").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Map of deprivation in Thurrock" }).ClickAsync();
        await page.WaitForURLAsync("**/places/E06000034/map");
        var map = page.Locator("[data-testid=map] svg");
        Assert.True(await map.IsVisibleAsync());
        var box = await map.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 200 }, "the map is drawn at a readable size");
        var areas = await page.Locator("[data-testid=map] path.choropleth-area").CountAsync();
        Assert.Equal(areas, await page.Locator("[data-testid=map-table] tbody tr").CountAsync());
        Assert.True(areas > 50);

        await page.GetByText("Table of the map").ClickAsync();
        Assert.True(await page.Locator("[data-testid=map-table]").IsVisibleAsync());

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "district-map.png"), FullPage = true });
    }

    [Fact]
    public async Task The_NHS_design_system_styles_are_applied()
    {
        var page = await platform.NewPageAsync();

        await page.GotoAsync("/");
        var header = await page.Locator("header.nhsuk-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        Assert.Equal("rgb(0, 94, 184)", header); // NHS blue #005eb8, so the stylesheet loaded
    }
}
