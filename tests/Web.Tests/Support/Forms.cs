using System.Net.Http.Headers;
using System.Text;

namespace Commonweal.Web.Tests.Support;

/// <summary>Posts a page's form as a browser would: the antiforgery token read from the page, the form's name, fields and files.</summary>
public static class Forms
{
    /// <summary>Posts multipart form data (as an upload form does) with any files, each under the field name "file".</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string formName, IReadOnlyDictionary<string, string>? fields = null, IReadOnlyList<(string Name, string Content)>? files = null)
    {
        var page = await client.GetStringAsync(path);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(TestKit.Web.SignIn.TokenIn(page)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) body.Add(new StringContent(value), name);
        foreach (var (name, content) in files ?? []) body.Add(File(content), "file", name);
        return await client.PostAsync(path, body);
    }

    public static ByteArrayContent File(string content)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return file;
    }
}
