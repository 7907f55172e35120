using Commonweal.Application.Outcomes;
using Commonweal.Core.Access;
using Commonweal.Core.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Browser.Tests;

/// <summary>Monitoring by exception in the browser: from the scorecard to an exception, commentary into the pack; providers kept out.</summary>
public sealed class OutcomesTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    /// <summary>Two targets on the demo's indicators (both off track on the demo data), set once for the class.</summary>
    private async Task<IReadOnlyList<int>> TargetsAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportsAsync();
        if (existing.Count > 0) return [.. existing.Select(r => r.Target.Id)];
        var created = await scope.ServiceProvider.GetRequiredService<TargetWriting>().CreateAsync(
        [
            new TargetInput(new TargetDraft(1_900_001, "QH8", string.Empty, string.Empty, string.Empty, "2019/20", 12, "2026/27", "linear", "NHS Mid and South Essex ICB", "Director of Public Health", "Halve the gap")),
            new TargetInput(new TargetDraft(1_900_004, "QH8", string.Empty, string.Empty, string.Empty, "Apr-22", 7.5, "Mar-25", "linear", "Essex County Council", "Sam Patel", "Fewer admissions")),
        ], "test");
        Assert.True(created.Succeeded, string.Join("; ", created.Refusals));
        return created.Created;
    }

    [Fact]
    public async Task A_commissioner_opens_the_scorecard_follows_an_exception_adds_commentary_and_sees_it_in_the_pack()
    {
        await TargetsAsync();
        var page = await platform.SignedInPageAsync(Roles.Commissioner);
        var text = "Frailty hub opens in January; admissions expected to fall by March " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/outcomes");
        var exception = page.Locator("tr[data-target]").Filter(new() { Has = page.Locator("[data-status='off_track'], [data-status='at_risk']") }).First;
        var name = (await exception.Locator("th a").TextContentAsync())!.Trim();
        await exception.Locator("th a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/outcomes/targets/", StringComparison.Ordinal));
        Assert.Contains(name, await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.NotEmpty((await page.GetByTestId("why").TextContentAsync())!.Trim());

        await page.FillAsync("#text", text);
        await page.GetByTestId("add-commentary").ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();
        Assert.Contains(text, await page.GetByTestId("commentary").First.TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/outcomes");
        await page.GetByTestId("pack-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/outcomes/pack", StringComparison.Ordinal));
        Assert.Contains(text, await page.GetByTestId("pack").TextContentAsync(), StringComparison.Ordinal);
        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pack-docx").ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_cannot_edit_a_target()
    {
        var id = (await TargetsAsync())[0];
        var page = await platform.SignedInPageAsync(Roles.Provider);

        var response = await page.GotoAsync($"/outcomes/targets/{id}/edit");

        Assert.Equal(403, response!.Status);
        Assert.Contains("permission", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/outcomes/targets/{id}");
        Assert.Equal(0, await page.GetByTestId("edit-target").CountAsync());
        Assert.Equal(0, await page.GetByTestId("add-commentary").CountAsync());
    }

    [Theory]
    [InlineData("/outcomes")]
    [InlineData("/outcomes/pack")]
    [InlineData("/outcomes/coverage")]
    public async Task At_a_phones_width_the_outcomes_pages_do_not_overflow(string path)
    {
        var id = (await TargetsAsync())[1];
        var page = await platform.NewPageAsync(width: 390);
        foreach (var at in new[] { path, $"/outcomes/targets/{id}" })
        {
            await page.GotoAsync(at);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{at} is {overflow} px wider than the screen");
        }

        Directory.CreateDirectory("screenshots");
        await page.GotoAsync(path);
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "phone" + path.Replace('/', '-') + ".png"), FullPage = true });
        var desktop = await platform.NewPageAsync();
        await desktop.GotoAsync(path);
        await desktop.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "desktop" + path.Replace('/', '-') + ".png"), FullPage = true });
    }
}
