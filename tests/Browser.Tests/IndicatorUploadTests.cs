using System.Text;
using Commonweal.Core.Access;
using Commonweal.TestKit;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// An analyst uploads a small Fingertips export through the page, with the upload's progress script, finds the indicator
/// in the API, opens its page, switches area with the form, downloads the table of areas as a workbook, and edits its
/// catalogue entry.
/// </summary>
public sealed class IndicatorUploadTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    private const string Export =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
        + "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
        + "Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal\n"
        + "91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,,,2013/14,19.17076526,19.15946674,19.18206886,,,8935216,46608551.5,,,Not compared,Not compared,20130000,,\n"
        + "91547,Smoking prevalence in adults (15+) - current smokers (QOF),E92000001,England,E07000066,Basildon,District,Persons,15+ yrs,,,2013/14,21.75000544,21.53307848,21.9685059,21.4087005,22.09522184,30000,137931,,,Worse,Worse,20130000,,\n"
        + "91547,Smoking prevalence in adults (15+) - current smokers (QOF),E92000001,England,E07000067,Braintree,District,Persons,15+ yrs,,,2013/14,20.83333333,,,,,25000,120000,,,Worse,Worse,20130000,,\n";

    [Fact]
    public async Task An_analyst_uploads_a_fingertips_export_opens_the_indicator_switches_area_downloads_the_xlsx_and_edits_its_polarity()
    {
        var page = await platform.SignedInPageAsync(Roles.Analyst);
        await page.GotoAsync("/indicators/upload");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "fingertips_91547.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Export) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        var imported = page.Locator("[data-testid=imported]");
        await imported.WaitForAsync();

        var outcome = await imported.TextContentAsync();
        Assert.Contains("fingertips_91547.csv", outcome, StringComparison.Ordinal);
        Assert.Contains("3 rows read", outcome, StringComparison.Ordinal);
        Assert.Contains("Indicator 91547", outcome, StringComparison.Ordinal);
        Assert.Contains("fingertips_91547.csv", await page.Locator("[data-testid=imports]").TextContentAsync(), StringComparison.Ordinal);
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "indicator-upload.png"), FullPage = true });

        var api = await page.GotoAsync("/api/indicators");
        Assert.NotNull(api);
        Assert.True(api!.Ok, $"/api/indicators: {api.Status}");
        Assert.Contains("\"id\":91547", await api.TextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/indicators/91547");
        var form = page.Locator("[data-testid=choose]");
        await form.Locator("select[name=area]").SelectOptionAsync("E07000067");
        await form.Locator("select[name=type]").SelectOptionAsync("District");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/91547?area=E07000067*");
        Assert.StartsWith("In 2013/14, Braintree", await page.Locator("[data-testid=headline]").TextContentAsync(), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=areas-xlsx]").ClickAsync());
        var workbook = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(workbook);
        await using (var stream = File.OpenRead(workbook))
        {
            var areas = XlsxReading.Sheets(stream)[0];
            Assert.Equal("Areas compared", areas.Name);
            Assert.Equal(["E07000066", "E07000067"], areas.Rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        }

        await page.GotoAsync("/indicators/91547/edit");
        await page.SelectOptionAsync("#polarity", "high-is-good");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var saved = page.Locator("[data-testid=saved]");
        await saved.WaitForAsync();
        Assert.Contains("polarity: low-is-good → high-is-good", await saved.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "indicator-edit.png"), FullPage = true });
    }
}
