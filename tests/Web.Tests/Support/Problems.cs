using System.Net;
using System.Text.Json;

namespace Commonweal.Web.Tests.Support;

/// <summary>RFC 9457 problem details as the API answers them.</summary>
public static class Problems
{
    /// <summary>The problem of a response that must have this status and be <c>application/problem+json</c>.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}, expected {(int)status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
