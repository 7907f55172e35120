using System.Net;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;

namespace Commonweal.Web.Tests.Security;

/// <summary>HTTPS and cookies: HSTS over HTTPS, redirection when an HTTPS port is configured, the proxy's scheme believed only from it, cookie flags.</summary>
public sealed class TransportTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Over_HTTPS_responses_carry_HSTS_and_the_cookies_are_secure_http_only_and_same_site()
    {
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: false);
        await platform.AddUserAsync("someone", Password, Roles.Analyst);
        var client = platform.Client(new Uri("https://commonweal.example"));

        var form = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromDays(365), form.Headers.GetValues("Strict-Transport-Security").Select(h => TimeSpan.FromSeconds(int.Parse(h.Split('=')[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture))).Single());
        var signedIn = await SignIn.PostAsync(client, "someone", Password);

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("commonweal=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("samesite=lax", cookies.Single(c => c.StartsWith("commonweal=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_HTTP_to_this_machine_keeps_cookies_usable_in_development_but_any_other_host_gets_secure_cookies_and_no_HSTS()
    {
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: false);
        var local = await platform.Client().GetAsync("/account/login", TestContext.Current.CancellationToken);
        var remote = await platform.Client(new Uri("http://commonweal.example")).GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("secure", local.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", remote.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
        Assert.False(remote.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_an_HTTPS_port_configured_plain_HTTP_is_redirected_to_HTTPS()
    {
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true,
            new Dictionary<string, string> { ["Commonweal:HttpsPort"] = "443" });
        var response = await platform.Client(new Uri("http://commonweal.example")).GetAsync("/places?x=1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://commonweal.example/places?x=1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_scheme_a_proxy_forwards_is_believed_only_from_a_configured_proxy()
    {
        // The test server's requests come from no address; "trusting" the unspecified address stands for a trusted proxy on the same host.
        await using var trusting = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true,
            new Dictionary<string, string> { ["Commonweal:ReverseProxy:KnownNetworks"] = "0.0.0.0/0,::/0" });
        await using var untrusting = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true);

        foreach (var (platform, believed) in new[] { (trusting, true), (untrusting, false) })
        {
            var client = platform.Client(new Uri("http://commonweal.example"));
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            var response = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
            Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header_and_the_same_security_headers()
    {
        var (platform, address) = await CommonwealFactory.StartOnKestrelAsync(DatabaseProvider.Sqlite, publicAggregates: true);
        await using (platform)
        {
            using var client = new HttpClient { BaseAddress = address };
            foreach (var path in new[] { "/", "/no/such/page", "/api/overview", "/css/site.css" })
            {
                using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                SecurityHeadersTests.AssertSecurityHeaders(response, "Kestrel GET " + path);
                Assert.False(response.Headers.Contains("Server"), path);
            }
        }
    }
}
