using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// The platform on Kestrel and Debian's Chromium driven by Playwright (headless, no sandbox, no background
/// networking). Tests skip, saying how to install Chromium, when <c>COMMONWEAL_CHROMIUM</c> names no browser.
/// </summary>
public sealed class BrowserPlatform : IAsyncLifetime
{
    public const string ChromiumVariable = "COMMONWEAL_CHROMIUM";

    private CommonwealFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri Address { get; private set; } = null!;

    public string? Unavailable { get; private set; }

    /// <summary>The running platform's services (e.g. to import data into its store); skips when there is no browser.</summary>
    public IServiceProvider Services
    {
        get
        {
            if (Unavailable is not null) Assert.Skip(Unavailable);
            return factory!.Services;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            Unavailable = $"Chromium is not available: install it (sudo apt-get install chromium) and set {ChromiumVariable}=/usr/bin/chromium (./test.sh does)";
            return;
        }

        (factory, Address) = await CommonwealFactory.StartOnKestrelAsync(DatabaseProvider.Sqlite, publicAggregates: true);
        // The demo's synthetic population and first families ranking are made on the first targeting page (seconds, more on
        // a busy machine): made here, so no page load waits on them.
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Commonweal.Web.Features.Targeting.DemoPopulation>().EnsureFamiliesAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="width">The window's width in CSS pixels: 1280 for a desktop, 390 for a phone.</param>
    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = 1000 } });
        return await context.NewPageAsync();
    }

    /// <summary>A new page as anyone (<paramref name="role"/> null) or signed in as a new user with the role.</summary>
    public Task<IPage> PageAsAsync(string? role, int width = 1280) => role is null ? NewPageAsync(width) : SignedInPageAsync(role, width);

    /// <summary>A new page signed in through the sign-in form as a new user with the role.</summary>
    public async Task<IPage> SignedInPageAsync(string role, int width = 1280)
    {
        var page = await NewPageAsync(width);
        var name = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        await factory!.AddUserAsync(name, Password, role);
        return await SignInAsync(page, name, role);
    }

    /// <summary>A new page signed in through the sign-in form as a new provider's member of staff linked to <paramref name="partner"/>.</summary>
    public async Task<IPage> ProviderPageAsync(string partner, int width = 1280)
    {
        var page = await NewPageAsync(width);
        return await SignInAsync(page, await factory!.AddProviderOfAsync(partner, Password), Roles.Provider);
    }

    private const string Password = "correct horse battery";

    private static async Task<IPage> SignInAsync(IPage page, string name, string role)
    {
        const string password = Password;
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", name);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the browser has left the sign-in page. Every caller goes on to another page, so nothing waits for the
        // landing page to load: Playwright's URL and load-state waits have twice missed events on a busy CI machine, so the
        // address is polled instead.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"still on the sign-in page after 60 s as {name} ({role})");
            await Task.Delay(100);
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
    }
}
