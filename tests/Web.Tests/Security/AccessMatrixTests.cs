using System.Net;
using Commonweal.Core.Access;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// The 401/403 matrix: every route in the endpoint table, for an anonymous caller and for each kind of user, is refused
/// exactly when its policies say so (aggregates not public here). The API answers 401/403; pages and downloads send
/// anonymous callers to sign in and others to "not permitted" (itself a 403 page, so not in the matrix).
/// </summary>
public sealed class AccessMatrixTests(SecurityPlatform platform) : IClassFixture<SecurityPlatform>
{
    private static readonly string?[] Callers = [null, Roles.Provider, Roles.Analyst, Roles.Commissioner, Roles.Administrator];

    [Fact]
    public async Task Every_route_admits_exactly_the_callers_its_policies_name()
    {
        var wrong = new List<string>();
        var routes = platform.Routes.Where(r => r.Text is not ("/account/logout" or "/account/denied") && !r.Text.StartsWith("/error", StringComparison.Ordinal) && r.Text != "/{*path}").ToList();
        Assert.True(routes.Count > 60, $"{routes.Count} routes");
        foreach (var route in routes)
        {
            foreach (var caller in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Address(platform.Samples));
                if (route.Method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                using var response = await platform.As(caller).SendAsync(request, TestContext.Current.CancellationToken);
                var refused = Refused(response, caller) && !await DecidedByUseCaseAsync(response);
                var allowed = route.Policies.All(p => Allows(p, caller));
                if (refused == allowed) wrong.Add($"{route} as {caller ?? "anonymous"}: {(int)response.StatusCode} {response.Headers.Location}, expected {(allowed ? "allowed" : "refused")} by {string.Join("+", route.Policies)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Refused: 401/403, or a page's redirect to sign in or to "not permitted".</summary>
    private static bool Refused(HttpResponseMessage response, string? caller)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains(caller is null ? "/account/login" : "/account/denied", StringComparison.Ordinal));
    }

    /// <summary>
    /// A policy that lets any signed-in user through may leave the decision to the use case (a lead officer's own target, a
    /// list of people for the roles that need it), which refuses in its own words: a problem titled otherwise than
    /// "Forbidden", or a page that says why (its refusal callout).
    /// </summary>
    private static async Task<bool> DecidedByUseCaseAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden) return false;
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/problem+json" => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() != "Forbidden",
            "text/html" => body.Contains("data-testid=\"refusal\"", StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool Allows(string policy, string? role) => policy switch
    {
        Policies.Anyone => true,
        Policies.Aggregates or Policies.SignedIn => role is not null,
        Policies.Administration => role == Roles.Administrator,
        Policies.Analysis => role is Roles.Analyst or Roles.Administrator,
        Policies.Commissioning => role is Roles.Commissioner or Roles.Administrator,
        Policies.Allocation or Policies.Register => role is Roles.Commissioner or Roles.Analyst or Roles.Administrator,
        Policies.Contracts => role is Roles.Commissioner or Roles.Analyst or Roles.Administrator or Roles.Provider,
        Policies.Referrals => role is Roles.Referrer or Roles.VolunteerCoordinator or Roles.Provider or Roles.Administrator,
        _ => throw new InvalidOperationException($"the matrix does not know the policy {policy}"),
    };
}
