using System.IO.Compression;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Marks a page whose HTML is the same for every request with the same address, the same cookies (the same viewer, whose
/// name, menu and sign-out form it carries) and the same place data as at the same day (data version, dataset, default
/// edition of the Indices, today in England). Such a page is kept compressed: see <see cref="KeptPages"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepCompressedAttribute : Attribute;

/// <summary>
/// Keeps the compressed bytes of the large pages marked <see cref="KeepCompressedAttribute"/> (the maps: the ICS map page is
/// 674 KB of SVG and table, which costs milliseconds to render and to compress on every request), so a repeat request is
/// answered with the bytes already made. It runs after authentication and authorization, so a kept page is sent only to a
/// request that has just proved the same session; a page is kept only when it is a 200 that sets no cookie. The key has the
/// whole Cookie header, so a viewer is only ever sent a page made for their own cookies (their own antiforgery token), and the
/// data version, so an import (from the web or the command line) or a change of the default edition is seen at once.
/// Kept pages are compressed at the Optimal level (once); everything else at the fastest (<see cref="Compression"/>).
/// At most 64 MB are kept, the least recently used going first; an entry unused for 10 minutes goes.
/// </summary>
public sealed class KeptPages : IDisposable
{
    public const long SizeLimit = 64L * 1024 * 1024;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public void Dispose() => cache.Dispose();

    /// <summary>How many pages are kept now (for tests and the log).</summary>
    public int Count => cache.Count;

    /// <summary>Runs the pipeline, answering marked pages from what is kept.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<KeepCompressedAttribute>() is null
            || Compression.Preferred(context.Request) is not { } encoding)
        {
            await next(context);
            return;
        }

        var places = context.RequestServices.GetRequiredService<PlaceQueries>();
        var timeline = await places.TimelineAsync(context.RequestAborted);
        var key = new Key(
            timeline.Version, timeline.Dataset, await places.DefaultVintageAsync(context.RequestAborted), places.Today,
            context.Request.Path + context.Request.QueryString, context.Request.Headers.Cookie.ToString(), encoding);
        if (cache.TryGetValue(key, out Page? kept) && kept is not null)
        {
            await SendAsync(context, kept);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || !string.IsNullOrEmpty(response.Headers.ContentEncoding) || response.ContentType is not { } type)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted); // as made; the response compression compresses it as usual
            return;
        }

        var page = new Page(type, encoding, Compression.Compress(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), encoding, CompressionLevel.Optimal));
        cache.Set(key, page, new MemoryCacheEntryOptions { Size = page.Bytes.Length, SlidingExpiration = Unused });
        await SendAsync(context, page);
    }

    private static Task SendAsync(HttpContext context, Page page)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = page.ContentType;
        response.Headers.ContentEncoding = page.Encoding;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        response.ContentLength = page.Bytes.Length;
        return response.Body.WriteAsync(page.Bytes, context.RequestAborted).AsTask();
    }

    private readonly record struct Key(long Version, DatasetKind Dataset, IodVintage? DefaultVintage, DateOnly Today, string Address, string Cookies, string Encoding);

    private sealed record Page(string ContentType, string Encoding, byte[] Bytes);
}
