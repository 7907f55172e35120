using System.Text;
using System.Text.RegularExpressions;
using Commonweal.Core.Access;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// Action on under-performance in the browser, over the demo's integrated wellbeing service (IWS-2021): its provider's
/// member of staff uploads a month's return that puts the "contacted promptly" KPI off track, which opens a remedial
/// plan; a commissioner finds the plan on the contract, adds an action, and sees plan and action in the exception pack.
/// </summary>
public sealed partial class CommissioningTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    private const string Contract = "/commissioning/contracts/IWS-2021";

    [Fact]
    public async Task A_providers_return_puts_a_kpi_off_track_the_commissioner_adds_an_action_to_the_plan_and_it_is_in_the_exception_pack()
    {
        var provider = await platform.ProviderPageAsync("Wellbeing Partnership CIC (demo)");
        await provider.GotoAsync(Contract);
        await provider.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "iws-nov-26.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("kpi_id,period,numerator,denominator,value,note\nCONTACT,Nov-26,1,100,,two coordinators off sick\n"),
        });
        await provider.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
        var statuses = provider.GetByTestId("return-statuses");
        await statuses.WaitForAsync();
        var said = (await statuses.TextContentAsync())!;
        Assert.Contains("CONTACT in Nov-26", said, StringComparison.Ordinal);
        Assert.Contains("Off track", said, StringComparison.OrdinalIgnoreCase);
        var plan = int.Parse(PlanOpened().Match(said).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory("screenshots");
        await provider.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "contract-return.png"), FullPage = true });

        var what = "Agency coordinators cover contact backlog " + Guid.NewGuid().ToString("N")[..6];
        var commissioner = await platform.SignedInPageAsync(Roles.Commissioner);
        await commissioner.GotoAsync("/commissioning/remedial");
        await commissioner.Locator($"[data-testid=plans-table] a[href='{Contract}#plan-{plan}']").ClickAsync();
        await commissioner.WaitForURLAsync(url => url.Contains(Contract, StringComparison.Ordinal));
        var card = commissioner.Locator($"#plan-{plan}");
        Assert.Contains("CONTACT", await card.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await card.GetByTestId("no-actions").CountAsync());
        await card.Locator($"#what-{plan}").FillAsync(what);
        await card.Locator($"#owner-{plan}").FillAsync("Service manager, Wellbeing Partnership CIC");
        await card.Locator($"#due-{plan}").FillAsync("2027-01-15");
        await card.GetByTestId("add-action").ClickAsync();
        await commissioner.GetByTestId("saved").WaitForAsync();
        Assert.Contains(what, await commissioner.Locator($"#plan-{plan}").TextContentAsync(), StringComparison.Ordinal);

        await commissioner.GotoAsync("/outcomes/pack");
        var pack = (await commissioner.GetByTestId("pack").TextContentAsync())!;
        Assert.Contains("Contract performance: open remedial plans", pack, StringComparison.Ordinal);
        Assert.Contains(what + " — Service manager, Wellbeing Partnership CIC, by 15 Jan 2027 (open)", pack, StringComparison.Ordinal);
        await commissioner.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "pack-contract-performance.png"), FullPage = true });

        await commissioner.GotoAsync("/commissioning/coverage");
        Assert.True(await commissioner.Locator("[data-testid=coverage-matrix] td[data-status=gap]").CountAsync() > 0);
        await commissioner.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "commissioning-coverage.png"), FullPage = true });
        await commissioner.GotoAsync(Contract);
        await commissioner.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "commissioning-contract.png") });
    }

    [GeneratedRegex(@"A remedial plan \((\d+)\) was opened")]
    private static partial Regex PlanOpened();
}
