using Commonweal.Core.Access;
using Commonweal.TestKit.Web;
using Microsoft.Playwright;

namespace Commonweal.Browser.Tests;

/// <summary>
/// Every page at a phone's width (390 CSS pixels): the page never scrolls sideways, nothing is cut off (what is wider than
/// the screen scrolls inside its own container), and every link of the menu is on the screen or in the "More" menu.
/// </summary>
public sealed class PhoneWidthTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    private const int Phone = 390;

    /// <summary>
    /// The elements (HTML, and the words of SVG) that stick out of the screen, or out of the box of an ancestor that hides
    /// its overflow (an SVG hides what lies beyond its edge), rather than lying in a container that scrolls sideways. Boxes
    /// of a pixel or less (text for screen readers only) and closed or hidden content have nothing to cut.
    /// </summary>
    private const string CutOffScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '')
            + ' "' + (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
          const cut = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (e instanceof SVGElement && !(e instanceof SVGSVGElement) && !(e instanceof SVGTextContentElement)) continue;
            const box = e.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1) continue;
            let clip = e.parentElement;
            while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
            const overflow = clip && clip !== document.body ? getComputedStyle(clip).overflowX : 'visible';
            if (overflow === 'auto' || overflow === 'scroll') continue;
            const [left, right] = overflow === 'visible' ? [0, width] : [clip.getBoundingClientRect().left, clip.getBoundingClientRect().right];
            if (box.left < left - 1 || box.right > right + 1)
              cut.push(`${describe(e)} spans ${Math.round(box.left)}–${Math.round(box.right)} px` + (overflow === 'visible' ? ` on a screen ${width} px wide` : ` in ${describe(clip)}, ${Math.round(left)}–${Math.round(right)} px`));
          }
          return cut;
        }
        """;

    public static TheoryData<string, string?> Pages() => SitePages.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_a_phone_s_width_the_page_does_not_scroll_sideways_nothing_is_cut_off_and_every_menu_link_is_reachable(string path, string? role)
    {
        var page = await platform.PageAsAsync(role, Phone);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a screen {widths[1]} px wide");
        var cut = await page.EvaluateAsync<string[]>(CutOffScript);
        Assert.True(cut.Length == 0, $"{path} at {Phone} px cuts off:\n" + string.Join("\n", cut.Take(10)));

        await AssertMenuReachableAsync(page, path);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/map", "map")]
    [InlineData("/places/E07000066/map", "map")]
    [InlineData("/indicators/1900002", "indicator-map")]
    public async Task On_a_phone_a_map_s_legend_is_written_at_the_body_s_size_and_its_district_names_at_12_px_or_more(string path, string map)
    {
        var page = await platform.NewPageAsync(Phone);
        await page.GotoAsync(path);

        var body = await page.Locator("main p:not([class])").First.EvaluateAsync<double>("p => parseFloat(getComputedStyle(p).fontSize)");
        var legend = page.Locator($"[data-testid={map}-legend] li");
        Assert.True(await legend.CountAsync() >= 4);
        var sizes = await legend.EvaluateAllAsync<double[]>("items => items.map(li => parseFloat(getComputedStyle(li).fontSize))");
        Assert.All(sizes, size => Assert.Equal(body, size));
        Assert.True(body >= 16, $"the body's text is {body} px");

        // A name's size on the screen: its font size in the drawing's units times the scale the drawing is shown at.
        var names = await page.Locator($"[data-testid={map}] svg").EvaluateAsync<double[]>("""
            svg => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return [...svg.querySelectorAll('text.choropleth-label')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            }
            """);
        Assert.NotEmpty(names);
        Assert.All(names, size => Assert.True(size >= 12, $"a district's name is {size:0.#} px on the screen"));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Should the NHS.UK header script not run (blocked, failed to load), the links the "More" menu would have held stay
    /// reachable: the row of links scrolls sideways instead of cutting them off.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Administrator)]
    public async Task Without_the_header_script_every_menu_link_can_be_scrolled_to(string? role)
    {
        var page = await platform.PageAsAsync(role, Phone);
        await page.RouteAsync("**/nhsuk-frontend.min.js", route => route.AbortAsync());
        await page.GotoAsync("/");
        Assert.Equal(Phone, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        var links = page.Locator(".nhsuk-header__navigation-list a");
        var count = await links.CountAsync();
        Assert.True(count >= (role is null ? 7 : 10), $"the menu has {count} links");
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            await link.ScrollIntoViewIfNeededAsync();
            await AssertOnScreenAsync(page, link, "/ without the header script");
        }

        await page.Context.CloseAsync();
    }

    /// <summary>Each link of the menu is on the screen, or inside the "More" menu and on the screen once it is opened.</summary>
    private static async Task AssertMenuReachableAsync(IPage page, string path)
    {
        var links = page.Locator(".nhsuk-header__navigation a");
        var count = await links.CountAsync();
        Assert.True(count >= 7, $"{path}: the menu has {count} links");
        var inMore = new List<ILocator>();
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            if (await link.EvaluateAsync<bool>("a => a.closest('.nhsuk-header__menu-list') !== null")) inMore.Add(link);
            else await AssertOnScreenAsync(page, link, path);
        }

        if (inMore.Count == 0) return;
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Browse More" });
        await more.ClickAsync();
        Assert.Equal("true", await more.GetAttributeAsync("aria-expanded"));
        foreach (var link in inMore) await AssertOnScreenAsync(page, link, path + " (More)");
    }

    private static async Task AssertOnScreenAsync(IPage page, ILocator link, string where)
    {
        var name = await link.TextContentAsync();
        Assert.True(await link.IsVisibleAsync(), $"{where}: the menu link '{name}' is not shown");
        var box = await link.BoundingBoxAsync();
        var screen = page.ViewportSize!.Width;
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= screen + 1, $"{where}: the menu link '{name}' lies at {box?.X}–{box?.X + box?.Width} px on a screen {screen} px wide");

        // Not hidden under the edge of a box that hides its overflow either: the link is what the browser finds at its middle.
        var hit = await link.EvaluateAsync<bool>("a => { const b = a.getBoundingClientRect(); const e = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2); return e !== null && a.contains(e); }");
        Assert.True(hit, $"{where}: the menu link '{name}' is covered or cut off");
    }
}
