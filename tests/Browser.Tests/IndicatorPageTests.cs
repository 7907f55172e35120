using Commonweal.TestKit;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>An analyst opens an indicator, switches area with the form, and downloads the table of areas as a workbook.</summary>
public sealed class IndicatorPageTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Switching_area_with_the_form_shows_that_area_and_the_xlsx_download_holds_the_table()
    {
        var places = await HandMadeIndicators.ImportAsync(platform.Services);
        var practice = places.Practices[2];
        var page = await platform.SignedInPageAsync("Analyst");
        await page.GotoAsync($"/indicators/{HandMadeIndicators.Annual}");
        var form = page.Locator("[data-testid=choose]");

        await form.Locator("select[name=area]").SelectOptionAsync(practice.Value);
        await form.Locator("select[name=type]").SelectOptionAsync("Practice");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync($"**/indicators/{HandMadeIndicators.Annual}?area={practice}*");

        Assert.StartsWith($"In {HandMadeIndicators.Latest}, Practice {practice}", await page.Locator("[data-testid=headline]").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=trend-chart] svg").IsVisibleAsync());
        var rows = await page.Locator("[data-testid=areas-table] tbody tr").CountAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=areas-xlsx]").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = File.OpenRead(file);
        var sheets = XlsxReading.Sheets(stream);
        Assert.Equal(["Areas compared", "About"], sheets.Select(s => s.Name));
        Assert.Equal(rows + 1, sheets[0].Rows.Count);
        Assert.Contains(sheets[0].Rows, r => r[0] == practice.Value);
    }

    [Theory]
    [InlineData("/indicators")]
    [InlineData("/indicators/1000001")]
    [InlineData("/indicators/1000002?area=E07000066&type=District")]
    [InlineData("/places/E07000066/profile")]
    public async Task At_a_phones_width_the_indicator_pages_do_not_overflow(string path)
    {
        await HandMadeIndicators.ImportAsync(platform.Services);
        var page = await platform.NewPageAsync(width: 390);
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the screen");
        var name = path.Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-');
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "phone" + name + ".png"), FullPage = true });
        var desktop = await platform.NewPageAsync();
        await desktop.GotoAsync(path);
        await desktop.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "desktop" + name + ".png"), FullPage = true });
    }
}
