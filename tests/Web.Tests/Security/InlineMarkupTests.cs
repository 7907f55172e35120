using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// A strict Content-Security-Policy (no 'unsafe-inline') refuses style attributes, style elements, inline scripts and
/// inline event handlers, so no page may rely on them: bars are SVG rectangles, and styles live in the stylesheet. (The
/// layout's two small scripts around the page are left to the policy's own tests; the page's content is checked here.)
/// </summary>
public sealed class InlineMarkupTests(SqlitePublicPlatform platform) : IClassFixture<SqlitePublicPlatform>
{
    public static TheoryData<string, string?> Pages() => SitePages.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_style_attribute_style_element_inline_script_or_event_handler(string path, string? role)
    {
        var client = role is null ? platform.Factory.Client() : (await platform.Factory.SignedInAsNewUserAsync(role)).Client;

        var page = await Html.GetAsync(client, path);

        var main = page.QuerySelector("main");
        Assert.NotNull(main);
        Assert.True(main.ChildElementCount > 0, $"{path}: the page has no content");
        var styled = page.QuerySelectorAll("[style]").Select(e => Snippet(e.OuterHtml)).ToList();
        Assert.True(styled.Count == 0, $"{path}: style attributes on\n" + string.Join("\n", styled.Take(5)));
        Assert.Empty(page.QuerySelectorAll("style"));
        var scripts = main.QuerySelectorAll("script:not([src])").Select(e => Snippet(e.OuterHtml)).ToList();
        Assert.True(scripts.Count == 0, $"{path}: inline scripts\n" + string.Join("\n", scripts));
        var handlers = page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{e.LocalName} {a.Name}")).ToList();
        Assert.True(handlers.Count == 0, $"{path}: inline event handlers: " + string.Join(", ", handlers));
    }

    private static string Snippet(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
