using BenchmarkDotNet.Attributes;
using Commonweal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commonweal.Benchmarks;

/// <summary>
/// What the security hardening adds to a request, in process (no network, no noise from a load generator): the same
/// endpoint answering a page-sized body, bare and behind the platform's own pieces — the client's address for the audit,
/// the security headers, the error handling, the cookie policy and the rate limiter — and then with the response
/// compression at the level used for one response (Brotli fastest) on an ordinary page (34 KB, a district's page) and on
/// the ICS map page's size (674 KB, which is why that page is kept compressed: see <see cref="WebRequestBenchmarks"/>).
/// The difference from <see cref="Bare"/> is the cost.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class HardeningBenchmarks
{
    [Params(34_000, 674_000)]
    public int PageBytes { get; set; }

    private WebApplication bare = null!;
    private WebApplication hardened = null!;
    private HttpClient bareClient = null!;
    private HttpClient hardenedClient = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        var page = PageBody.Of(PageBytes);
        bare = await StartAsync(page, hardened: false);
        hardened = await StartAsync(page, hardened: true);
        bareClient = bare.GetTestClient();
        hardenedClient = hardened.GetTestClient();
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await bare.DisposeAsync();
        await hardened.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Bare() => GetAsync(bareClient, null);

    /// <summary>Headers, audit origin, error handling, cookie policy, rate limiter; the client accepts no compression.</summary>
    [Benchmark]
    public Task<int> Hardened() => GetAsync(hardenedClient, null);

    /// <summary>The same, the client accepting Brotli (as every browser over HTTPS does).</summary>
    [Benchmark]
    public Task<int> HardenedAndBrotli() => GetAsync(hardenedClient, Compression.Brotli);

    [Benchmark]
    public Task<int> HardenedAndGzip() => GetAsync(hardenedClient, Compression.Gzip);

    private static async Task<int> GetAsync(HttpClient client, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static async Task<WebApplication> StartAsync(byte[] page, bool hardened)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddScoped<Commonweal.Application.Access.AuditOrigin>();
        builder.Services.AddProblemDetails();
        builder.Services.AddCommonwealRateLimits(builder.Configuration);
        builder.Services.AddCommonwealCompression();
        var app = builder.Build();
        if (hardened)
        {
            app.UseAuditOrigin();
            app.UseSecurityHeaders();
            app.UseResponseCompression();
            app.UseErrorResponses();
            app.UseCookieSecurity();
            app.UseRouting();
            app.UseRateLimiter();
        }

        app.MapGet("/page", () => Results.Bytes(page, "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }
}

/// <summary>Page-like HTML of a given size: NHS table markup with place names, codes and figures, compressing as a real page does.</summary>
internal static class PageBody
{
    public static byte[] Of(int bytes)
    {
        var random = new Random(20261202);
        var html = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><title>A page</title></head><body><table class=\"nhsuk-table\"><tbody class=\"nhsuk-table__body\">");
        while (html.Length < bytes)
        {
            var code = $"E0{random.Next(1_000_000, 1_040_000)}";
            html.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<tr class=\"nhsuk-table__row\"><th scope=\"row\" class=\"nhsuk-table__cell\"><a href=\"/places/{code}\">Basildon {random.Next(1, 30):000}{(char)('A' + random.Next(5))}</a></th><td class=\"nhsuk-table__cell\">{code}</td><td class=\"nhsuk-table__cell cw-num\">{random.Next(1, 33_755):N0}</td><td class=\"nhsuk-table__cell cw-num\">{random.Next(1, 11)}</td><td class=\"nhsuk-table__cell cw-num\"><svg><path d=\"M{random.Next(800)}.{random.Next(10)} {random.Next(1000)}.{random.Next(10)}l.4 1.8 .4-.{random.Next(10)} 1.{random.Next(10)}-1.1 .6-2.6 3.8z\"/></svg></td></tr>\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(html.Append("</tbody></table></body></html>").ToString());
    }
}
