using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Brotli, else gzip, for pages, files, CSV, SVG and problem details. A response made for one request is compressed at the
/// fastest level: compression costs time in proportion to the bytes (about 3 ns a byte for Brotli's fastest on this
/// project's 2-core machine, against 12 at Optimal), and the fastest level keeps an ordinary page's cost to hundredths of a
/// millisecond. Pages kept for many requests (<see cref="KeptPages"/>) are compressed once at Optimal instead, which takes
/// the ICS map page to 136–139 KB.
/// </summary>
public static class Compression
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    public static IServiceCollection AddCommonwealCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Pages carry antiforgery tokens, which are different in every response, so compressing over HTTPS does not open them to BREACH.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "text/csv", "application/problem+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>The encoding to answer a request with: Brotli if it accepts it, else gzip, else none.</summary>
    public static string? Preferred(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string encoding) => accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return Accepts(Brotli) ? Brotli : Accepts(Gzip) ? Gzip : null;
    }

    /// <summary>Bytes compressed with an encoding <see cref="Preferred"/> chose.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes, string encoding, CompressionLevel level)
    {
        using var compressed = new MemoryStream(bytes.Length / 4);
        using (Stream stream = encoding == Brotli ? new BrotliStream(compressed, level, leaveOpen: true) : new GZipStream(compressed, level, leaveOpen: true))
            stream.Write(bytes);
        return compressed.ToArray();
    }
}
