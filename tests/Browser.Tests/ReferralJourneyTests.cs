using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// One referral from the resident to the outcome, in the browser: a resident refers themselves through the web form (a
/// mistake in the date of birth corrected on the way), a coordinator triages the case, the provider it is assigned to makes
/// contact, supports the person and completes the case with its outcome, and the resident — the referrer — sees the outcome
/// with their reference and date of birth.
/// </summary>
public sealed class ReferralJourneyTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_resident_self_refers_a_coordinator_triages_a_provider_completes_and_the_resident_sees_the_outcome()
    {
        var family = "Okafor" + Guid.NewGuid().ToString("N")[..6];

        // The resident: a date of birth that cannot be, put right from the error summary.
        var resident = await platform.NewPageAsync();
        await resident.GotoAsync("/refer/self");
        await resident.FillAsync("#given-name", "Ada");
        await resident.FillAsync("#family-name", family);
        await resident.FillAsync("#dob-day", "31");
        await resident.FillAsync("#dob-month", "2");
        await resident.FillAsync("#dob-year", "1968");
        await resident.FillAsync("#phone", "07700 900123");
        await resident.SelectOptionAsync("#place", new SelectOptionValue { Label = "Basildon" });
        await resident.FillAsync("#reason", "I want to stop smoking and feel less alone");
        foreach (var (question, answer) in Answers)
            await resident.CheckAsync($"input[name='q-{question}'][value='{answer}']");
        await resident.FillAsync("#q-alcohol-units", "4");
        await resident.CheckAsync("input[name='consent']");
        await resident.GetByTestId("send").ClickAsync();

        var summary = resident.GetByTestId("error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Date of birth must be a real date", await summary.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(family, await resident.InputValueAsync("#family-name")); // what was typed is kept
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.EndsWith("/refer/self#dob-day", resident.Url, StringComparison.Ordinal); // the link stays on the page, at the field
        await resident.FillAsync("#dob-day", "12");
        await resident.FillAsync("#dob-month", "4");
        await resident.GetByTestId("send").ClickAsync();
        await resident.Locator("[data-testid=confirmation], [data-testid=error-summary]").First.WaitForAsync();
        if (await resident.GetByTestId("confirmation").CountAsync() == 0) Assert.Fail(await resident.GetByTestId("error-summary").TextContentAsync());
        var reference = (await resident.GetByTestId("reference").TextContentAsync())!.Trim();

        var id = await CaseOfAsync(family);

        // The coordinator confirms triage: one case, a line for each need, assigned to the stop smoking service's provider.
        var coordinator = await platform.SignedInPageAsync(Roles.VolunteerCoordinator);
        Directory.CreateDirectory("screenshots");
        await coordinator.GotoAsync("/cases");
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "cases-coordinator.png"), FullPage = true });
        await coordinator.GotoAsync($"/cases/{id}");
        Assert.NotEmpty((await coordinator.GetByTestId("proposed-line").First.TextContentAsync())!.Trim());
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "case-triage.png"), FullPage = true });
        await coordinator.GetByTestId("confirm").ClickAsync();
        await coordinator.GetByTestId("saved").WaitForAsync();
        Assert.Equal("Assigned", (await coordinator.GetByTestId("status").TextContentAsync())!.Trim());

        // The provider holding it: contacted, in support, completed with the outcome.
        var provider = await platform.ProviderPageAsync(await HolderAsync(id));
        await provider.GotoAsync($"/cases/{id}");
        foreach (var to in new[] { "contacted", "in-support" })
        {
            await provider.CheckAsync($"#to-{to}");
            await provider.GetByTestId("save-move").ClickAsync();
            await provider.GetByTestId("saved").WaitForAsync();
        }

        Assert.Equal("In support", (await provider.GetByTestId("status").TextContentAsync())!.Trim());
        await provider.GetByTestId("complete").ClickAsync();
        await provider.WaitForURLAsync(url => url.EndsWith($"/cases/{id}/complete", StringComparison.Ordinal));
        await provider.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "case-complete.png"), FullPage = true });
        await provider.CheckAsync("input[name='quit-status'][value='quit-co-verified']");
        await provider.CheckAsync("input[name='goals'][value='met']");
        await provider.FillAsync("#summary", "Quit at four weeks, confirmed by a carbon monoxide reading; joined the walking group.");
        await provider.GetByTestId("complete").ClickAsync();
        await provider.WaitForURLAsync(url => url.EndsWith($"/cases/{id}", StringComparison.Ordinal));
        Assert.Equal("Completed", (await provider.GetByTestId("status").TextContentAsync())!.Trim());

        // The resident sees the outcome.
        await resident.GetByTestId("status-link").ClickAsync();
        await resident.FillAsync("#reference", reference);
        await resident.FillAsync("#dob-day", "12");
        await resident.FillAsync("#dob-month", "4");
        await resident.FillAsync("#dob-year", "1968");
        await resident.GetByTestId("find").ClickAsync();
        await resident.GetByTestId("now").WaitForAsync();
        Assert.Equal("Your support has finished.", (await resident.GetByTestId("now").TextContentAsync())!.Trim());
        Assert.Contains("Quit at four weeks", await resident.GetByTestId("outcome").TextContentAsync(), StringComparison.Ordinal);
        await resident.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "referral-status.png"), FullPage = true });
    }

    /// <summary>The resident's answers: a smoker who wants to stop and is often lonely, otherwise managing.</summary>
    private static readonly (string Question, string Answer)[] Answers =
    [
        ("smoking", "yes-want-to-quit"), ("activity-days", "3"), ("money", "managing"), ("debt", "none"), ("employment", "working"),
        ("housing", "settled"), ("loneliness", "often-always"), ("caring", "no"), ("long-term-conditions", "none"), ("frailty", "none"),
        ("home-environment", "fine"),
    ];

    private async Task<Guid> CaseOfAsync(string family)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Referrals.AsNoTracking()
            .Where(r => r.Person.FamilyName == family).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The name of the provider whose organisation the case's Task is now owned by.</summary>
    private async Task<string> HolderAsync(Guid id)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var owner = await db.FhirResources.AsNoTracking().Where(r => r.Referral == id && r.Type == "Task").Select(r => r.Owner).SingleAsync();
        var partner = int.Parse(owner!["Organization/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).SingleAsync();
    }
}
