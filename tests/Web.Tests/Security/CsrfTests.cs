using System.Net;
using Commonweal.Core.Access;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery: every state-changing route in the endpoint table (page forms, sign-out, API writes),
/// posted by a signed-in administrator's browser the way another site's form would (form-encoded, no antiforgery token),
/// changes nothing: page forms and sign-out refuse the missing token (400, with the page that says why) and the API takes
/// only JSON (415), which another site's form cannot send.
/// </summary>
public sealed class CsrfTests(SecurityPlatform platform) : IClassFixture<SecurityPlatform>
{
    [Fact]
    public async Task No_state_changing_route_accepts_a_form_post_without_its_antiforgery_token()
    {
        var writes = platform.Routes.Where(r => r.Method is "POST" or "PUT" or "DELETE" or "PATCH").ToList();
        Assert.True(writes.Count >= 15, $"{writes.Count} state-changing routes");
        var before = await AuditCountAsync();
        var accepted = new List<string>();
        foreach (var route in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Address(platform.Samples))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["Input.Text"] = "forged", ["text"] = "forged" }),
            };
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await platform.As(Roles.Administrator).SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType))
                accepted.Add($"{route}: {(int)response.StatusCode}");
        }

        Assert.True(accepted.Count == 0, string.Join("\n", accepted));
        Assert.Equal(before, await AuditCountAsync()); // nothing was done
    }

    private async Task<int> AuditCountAsync()
    {
        var entries = await platform.As(Roles.Administrator).GetStringAsync("/api/audit?pageSize=500", TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(entries).RootElement.GetArrayLength();
    }
}
