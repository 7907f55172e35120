using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// OpenID Connect for real: Commonweal configured against a running OpenID Connect provider, a person signs in through the
/// provider's own page in Chromium, and arrives with the roles the provider's "roles" claim gives; the sign-in is audited.
/// </summary>
public sealed class SingleSignOnTests
{
    [Fact]
    public async Task A_person_signs_in_through_the_provider_and_gets_the_roles_its_claims_give()
    {
        var chromium = Environment.GetEnvironmentVariable(BrowserPlatform.ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
            Assert.Skip($"Chromium is not available: install it (sudo apt-get install chromium) and set {BrowserPlatform.ChromiumVariable}=/usr/bin/chromium (./test.sh does)");

        await using var provider = await TestIdentityProvider.StartAsync(["Administrator"]);
        var (platform, address) = await CommonwealFactory.StartOnKestrelAsync(DatabaseProvider.Sqlite, publicAggregates: false, provider.Settings());
        await using (platform)
        {
            await provider.RegisterClientAsync(address);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() })).NewPageAsync();

            await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Faudit");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test provider" }).ClickAsync();
            await page.WaitForURLAsync(url => url.StartsWith(provider.Address.ToString(), StringComparison.Ordinal));
            await page.FillAsync("#u", TestIdentityProvider.UserName);
            await page.FillAsync("#p", TestIdentityProvider.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync(url => url.StartsWith(address + "admin/audit", StringComparison.Ordinal));

            // The audit trail is for administrators only: the provider's role claim let this person in.
            Assert.Equal("Audit trail", await page.Locator("h1").InnerTextAsync());
            Assert.Contains(TestIdentityProvider.UserName, await page.Locator(".nhsuk-header__account").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("sign-in.sso", await page.Locator("[data-testid=audit]").InnerTextAsync(), StringComparison.Ordinal);

            // Signing out ends the session: the audit trail sends them to sign in again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GotoAsync("/admin/audit");
            Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        }
    }
}
