using System.Text;
using Commonweal.Core.Access;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>An administrator uploads an official file through the page, with the upload's progress script (its own platform: the file replaces the demo).</summary>
public sealed class ReferenceUploadTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task An_administrator_uploads_a_lookup_and_sees_what_was_imported()
    {
        var page = await platform.SignedInPageAsync(Roles.Administrator);
        await page.GotoAsync("/admin/import");

        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "CCG20_STP20_EN_LU.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("FID,CCG20CD,CCG20CDH,CCG20NM,STP20CD,STP20CDH,STP20NM\r\n1,E38000106,06Q,NHS Mid Essex CCG,E54000026,QH8,Mid and South Essex\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        var imported = page.Locator("[data-testid=imported]");
        await imported.WaitForAsync();

        Assert.Contains("CCG20_STP20_EN_LU.csv (ons-ccg-stp): 1 row read", await imported.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("CCG20_STP20_EN_LU.csv", await page.Locator("[data-testid=imports]").TextContentAsync(), StringComparison.Ordinal);
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "admin-import.png"), FullPage = true });
    }
}
