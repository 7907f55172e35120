using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>A user changes the "as at" date with the form on the overview and sees the ICB that held the ICS then.</summary>
public sealed class AsAtTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Changing_the_date_with_the_form_changes_the_ICB_on_the_overview()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/");
        var form = page.Locator("[data-testid=as-at-form]");

        await form.Locator("input[name=asAt]").FillAsync("2026-03-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/?asAt=2026-03-31*");

        Assert.StartsWith("In NHS Mid and South Essex Integrated Care Board (QH8) until 31 March 2026", await page.Locator("[data-testid=icb]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("31 March 2026", await page.Locator("[data-testid=used-as-at]").TextContentAsync());

        await form.Locator("input[name=asAt]").FillAsync("2026-04-01");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/?asAt=2026-04-01*");

        Assert.StartsWith("In NHS Essex Integrated Care Board (D7T5G) since 1 April 2026", await page.Locator("[data-testid=icb]").TextContentAsync(), StringComparison.Ordinal);

        // The choice follows the user through the menu and the tables.
        await page.Locator("[data-testid=districts]").GetByRole(AriaRole.Link, new() { Name = "Thurrock", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/places/E06000034?asAt=2026-04-01");
        Assert.Equal("1 April 2026", await page.Locator("[data-testid=used-as-at]").TextContentAsync());
        Assert.EndsWith("(D7T5G)", await page.Locator("[data-testid=icb]").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_an_edition_with_the_form_changes_the_LSOAs_the_map_uses()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/map");

        await page.Locator("select[name=vintage]").SelectOptionAsync("iod2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/map?*vintage=iod2019*");

        Assert.Equal("LSOA 2011", await page.Locator("[data-testid=used-lsoas]").TextContentAsync());
        Assert.Equal("IMD 2019 national decile", await page.Locator("[data-testid=map-legend] .cw-legend__title").TextContentAsync());
        var areas = await page.Locator("[data-testid=map] path.choropleth-area").CountAsync();
        Assert.Equal(areas, await page.Locator("[data-testid=map-table] tbody tr").CountAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/places/E07000066")]
    [InlineData("/map")]
    [InlineData("/deprivation/compare")]
    public async Task At_a_phones_width_the_page_does_not_overflow_and_the_form_is_usable(string path)
    {
        var page = await platform.NewPageAsync(width: 390);
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the screen");
        var date = await page.Locator("input[name=asAt]").BoundingBoxAsync();
        Assert.True(date is { Width: > 200 }, "the date input is wide enough to use");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).IsVisibleAsync());

        foreach (var chart in await page.Locator(".cw-chart svg").AllAsync())
        {
            if (!await chart.IsVisibleAsync()) continue;
            var scale = await chart.EvaluateAsync<double>("svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width");
            Assert.True(scale > 0.85, $"a chart on {path} is drawn at {scale:P0} of its size, too small to read");
        }

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "phone" + (path == "/" ? "-overview" : path.Replace('/', '-')) + ".png"), FullPage = true });
    }
}
