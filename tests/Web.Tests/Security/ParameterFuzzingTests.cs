using System.Net;
using Commonweal.Core.Access;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Every route, every query parameter it reads and every route parameter, given random and boundary values as an
/// administrator (so each request reaches its handler): never a 500, never a hang; API refusals are problem details.
/// </summary>
public sealed class ParameterFuzzingTests(SecurityPlatform platform) : IClassFixture<SecurityPlatform>
{
    private static readonly string[] Boundaries =
    [
        "", "abc", "-1", "0", "2147483647", "2147483648", "-2147483649", "1e308", "NaN", "0.5", "0001-01-01", "9999-12-31", "2026-02-30",
        "E99999999", "'; DROP TABLE areas; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u00e9\u2603\ud83d\ude00", new string('9', 400), new string('x', 5000),
    ];

    [Fact]
    public async Task No_value_of_any_parameter_breaks_a_route()
    {
        var random = new Random(20261202);
        var client = platform.As(Roles.Administrator);
        var failures = new List<string>();
        var requests = 0;
        foreach (var route in platform.Routes.Where(r => r.Method == "GET" && r.Text != "/account/login/oidc"))
        {
            var values = Boundaries.Concat(Enumerable.Range(0, 2).Select(_ => RandomText(random))).ToList();
            foreach (var (name, _) in route.Query)
            {
                foreach (var value in values)
                    await CheckAsync(route.Address(platform.Samples) + "?" + name + "=" + Uri.EscapeDataString(value), route);
            }

            foreach (var parameter in route.Pattern.Parameters.Where(p => !p.IsCatchAll))
            {
                foreach (var value in values.Where(v => v.Length is > 0 and < 1000))
                    await CheckAsync(route.Address(platform.Samples, parameter.Name, value), route);
            }
        }

        Assert.True(requests > 1000, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Take(200)));

        async Task CheckAsync(string address, RouteEntry route)
        {
            requests++;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                using var response = await client.GetAsync(address, timeout.Token);
                if ((int)response.StatusCode >= 500) failures.Add($"{route}: GET {Clip(address)} → {(int)response.StatusCode}");
                else if (route.Text.StartsWith("/api", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.BadRequest
                         && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{route}: GET {Clip(address)} → 400 without problem details");
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                failures.Add($"{route}: GET {Clip(address)} → no answer in 30 s");
            }
        }
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ0123456789-_.,;:/?&=%+ ~!*()'\"<>[]{}|\\^`é€";
        return new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private static string Clip(string address) => address.Length > 160 ? address[..160] + "…" : address;
}
