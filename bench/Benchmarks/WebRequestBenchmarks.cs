using BenchmarkDotNet.Attributes;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Hosting;

namespace Commonweal.Benchmarks;

/// <summary>
/// Whole requests to the platform in process (the demo store on SQLite, the real pipeline): a page read anonymously and
/// signed in (the session read from the store on every request), without and with Brotli. Signed in minus anonymous is what
/// the stored sessions cost; Brotli minus none what compression costs; the map pages answer from what <see cref="KeptPages"/>
/// keeps.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class WebRequestBenchmarks
{
    [Params("/", "/places/E07000066", "/map", "/places/E07000066/map", "/api/overview")]
    public string Address { get; set; } = "/";

    private CommonwealFactory platform = null!;
    private HttpClient anonymous = null!;
    private HttpClient signedIn = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true);
        anonymous = platform.Client();
        signedIn = (await platform.SignedInAsNewUserAsync("Commissioner")).Client;
        foreach (var client in new[] { anonymous, signedIn })
        {
            await GetAsync(client, null); // the places through time built, the map drawn
            await GetAsync(client, Compression.Brotli);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync() => await platform.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<int> Anonymous() => GetAsync(anonymous, null);

    [Benchmark]
    public Task<int> AnonymousBrotli() => GetAsync(anonymous, Compression.Brotli);

    [Benchmark]
    public Task<int> SignedIn() => GetAsync(signedIn, null);

    [Benchmark]
    public Task<int> SignedInBrotli() => GetAsync(signedIn, Compression.Brotli);

    private async Task<int> GetAsync(HttpClient client, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{Address}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
