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

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
}
