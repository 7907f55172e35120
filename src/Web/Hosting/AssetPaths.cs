using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Fingerprinted addresses of the static files (<c>/css/site.css?v=&lt;hash of its content&gt;</c>): a browser keeps a
/// fingerprinted file for a year and asks again only when the content, and so the address, changes. Files fetched without a
/// fingerprint (fonts and images named inside the style sheets) are revalidated each time (ETag, 304).
/// </summary>
public sealed class AssetPaths(IWebHostEnvironment environment)
{
    public const string VersionParameter = "v";

    private readonly ConcurrentDictionary<string, string> hrefs = new(StringComparer.Ordinal);

    /// <summary>The address of a file under wwwroot (a path from the site's root, e.g. "/css/site.css") with its fingerprint.</summary>
    public string Href(string path) => hrefs.GetOrAdd(path, p =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo(p);
        if (!file.Exists) throw new InvalidOperationException($"There is no static file {p} under wwwroot.");
        using var stream = file.CreateReadStream();
        return $"{p}?{VersionParameter}={Convert.ToHexStringLower(SHA256.HashData(stream).AsSpan(0, 8))}";
    });

    /// <summary>Static files: a year and immutable when fingerprinted, else revalidate; compressed by the response compression.</summary>
    public static StaticFileOptions StaticFileOptions() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
            context.Context.Request.Query.ContainsKey(VersionParameter) ? "public, max-age=31536000, immutable" : "no-cache",
    };
}
