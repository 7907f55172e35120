using System.Net;
using Commonweal.Core.Access;

namespace Commonweal.Web.Tests.Security;

/// <summary>The headers every response carries, whatever the route, the user and the outcome (OWASP secure headers).</summary>
public sealed class SecurityHeadersTests(SecurityPlatform platform) : IClassFixture<SecurityPlatform>
{
    [Fact]
    public async Task Every_route_answers_with_the_security_headers_for_anonymous_and_signed_in_users()
    {
        var checkedResponses = 0;
        foreach (var role in new[] { (string?)null, Roles.Administrator })
        {
            var client = platform.As(role);
            var addresses = platform.Routes.Where(r => r.Method == "GET").Select(r => r.Address(platform.Samples))
                .Concat(["/no/such/page", "/api/no-such-thing", "/css/site.css", "/lib/nhsuk-frontend/nhsuk-frontend.min.js", "/error/500"]);
            foreach (var address in addresses.Distinct())
            {
                using var response = await client.GetAsync(address, TestContext.Current.CancellationToken);
                AssertSecurityHeaders(response, $"{role ?? "anonymous"} GET {address}");
                checkedResponses++;
            }
        }

        Assert.True(checkedResponses > 100, $"only {checkedResponses} responses checked");
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_or_style_and_pages_have_none()
    {
        using var response = await platform.As(Roles.Administrator).GetAsync("/", TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);

        foreach (var route in platform.Routes.Where(r => r.Method == "GET" && r.Policies.Count > 0 && !r.Text.Contains('.', StringComparison.Ordinal) && !r.Text.StartsWith("/api", StringComparison.Ordinal)))
        {
            var address = route.Address(platform.Samples);
            using var page = await platform.As(Roles.Administrator).GetAsync(address, TestContext.Current.CancellationToken);
            if (page.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>");
            Assert.All(scripts, s => Assert.Contains("src=", s.Groups["attributes"].Value, StringComparison.Ordinal));
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_printable_board_paper_s_style_sheet_is_allowed_by_its_hash()
    {
        using var response = await platform.As(Roles.Administrator).GetAsync("/outcomes/pack.html", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var style = System.Text.RegularExpressions.Regex.Match(html, "<style>(.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"'sha256-{hash}'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrative_and_personal_responses_are_not_stored_and_fingerprinted_files_are_kept_a_year()
    {
        foreach (var address in new[] { "/admin/audit", "/api/audit", "/admin/users", "/account/login", "/" })
        {
            using var response = await platform.As(Roles.Administrator).GetAsync(address, TestContext.Current.CancellationToken);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{address}: {response.Headers.CacheControl}");
        }

        var home = await platform.As(null).GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site\\.css\\?v=[0-9a-f]{16})\"").Groups[1].Value;
        Assert.NotEmpty(css);
        using var file = await platform.As(null).GetAsync(css, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), file.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", file.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var plain = await platform.As(null).GetAsync("/css/site.css", TestContext.Current.CancellationToken);
        Assert.True(plain.Headers.CacheControl?.NoCache, "a file without its fingerprint is revalidated");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_files_are_compressed(string encoding)
    {
        foreach (var address in new[] { "/", "/map", "/css/site.css", "/api/overview" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await platform.As(Roles.Administrator).SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : null;
        Assert.True(Header("Content-Security-Policy")?.Contains("default-src 'none'", StringComparison.Ordinal), $"{what}: Content-Security-Policy");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options");
        Assert.True(Header("Referrer-Policy") == "strict-origin-when-cross-origin", $"{what}: Referrer-Policy");
        Assert.True(Header("Permissions-Policy")?.Contains("camera=()", StringComparison.Ordinal), $"{what}: Permissions-Policy");
        Assert.True(Header("Server") is null, $"{what}: Server");
    }
}
