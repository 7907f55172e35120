using AngleSharp;
using AngleSharp.Dom;

namespace Commonweal.Web.Tests.Support;

public static class Html
{
    public static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A page expected to answer with <paramref name="status"/> (e.g. 400 with an error summary).</summary>
    public static async Task<IDocument> GetAsync(HttpClient client, string path, System.Net.HttpStatusCode status)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode}, expected {(int)status}");
        return await ParseAsync(await response.Content.ReadAsStringAsync());
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    /// <summary>The text of the element with this data-testid, trimmed; fails when there is none.</summary>
    public static string Text(this IDocument page, string testId)
    {
        var element = page.QuerySelector($"[data-testid={testId}]");
        Assert.True(element is not null, $"no element with data-testid={testId}");
        return Normalise(element!.TextContent);
    }

    /// <summary>Runs of white space as one space, trimmed: Razor's line breaks are not what a reader sees.</summary>
    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
