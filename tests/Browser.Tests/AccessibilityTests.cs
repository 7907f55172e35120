using Commonweal.TestKit.Web;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// Every page checked with axe-core (Deque's engine, as the NHS service manual recommends) against WCAG 2.2 A and AA,
/// at a desktop's width and a phone's: no violation is allowed. A failure names each rule broken, why and where.
/// </summary>
public sealed class AccessibilityTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string, string?> Pages() => SitePages.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_accessibility_violation_at_a_desktop_s_width_or_a_phone_s(string path, string? role)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await platform.PageAsAsync(role, width);
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            var result = await page.RunAxe(Wcag);
            Assert.True(result.Violations.Length == 0, $"{path} at {width} px:\n" + Describe(result.Violations));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_error_pages_have_no_accessibility_violation_at_either_width()
    {
        foreach (var (path, status) in SitePages.Errors)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                var page = await platform.PageAsAsync(null, width);
                var response = await page.GotoAsync(path);
                Assert.Equal(status, response?.Status);
                var result = await page.RunAxe(Wcag);
                Assert.True(result.Violations.Length == 0, $"{path} at {width} px:\n" + Describe(result.Violations));
                await page.Context.CloseAsync();
            }
        }
    }

    private static string Describe(AxeResultItem[] violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help}; e.g. {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"))}"));
}
