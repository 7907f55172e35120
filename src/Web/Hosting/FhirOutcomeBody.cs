using System.Text.Json;

namespace Commonweal.Web.Hosting;

/// <summary>
/// The FHIR-shaped answers the platform itself gives under <c>/fhir</c> (sign-in, permission, rate limit): an
/// <c>OperationOutcome</c> written by hand, as <c>application/fhir+json</c>, so that a FHIR client reads every refusal the
/// same way without the platform's edge depending on a FHIR library.
/// </summary>
public static class FhirOutcomeBody
{
    public const string ContentType = "application/fhir+json";

    /// <summary>Whether the request is to the FHIR front door.</summary>
    public static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the status and an OperationOutcome with one issue of the given FHIR issue type (login, forbidden, throttled …).</summary>
    public static async Task WriteAsync(HttpResponse response, int status, string code, string diagnostics)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("resourceType", "OperationOutcome");
        json.WriteStartArray("issue");
        json.WriteStartObject();
        json.WriteString("severity", "error");
        json.WriteString("code", code);
        json.WriteString("diagnostics", diagnostics);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(response.HttpContext.RequestAborted);
    }

    /// <summary>
    /// 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750; with <c>error="invalid_token"</c> when a token was refused). Several
    /// schemes may be asked to challenge one request (a policy that takes a cookie or a key): the first answers, the rest
    /// find the response started and leave it.
    /// </summary>
    public static Task UnauthorizedAsync(HttpContext context, bool tokenRefused)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.Headers.WWWAuthenticate = tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer";
        return WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "login",
            tokenRefused ? "The bearer token was not accepted: unknown, revoked or not a key." : "Sign in, or send an API key as 'Authorization: Bearer <key>'.");
    }

    /// <summary>403: signed in, but without a role this request needs.</summary>
    public static Task ForbiddenAsync(HttpContext context)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        return WriteAsync(context.Response, StatusCodes.Status403Forbidden, "forbidden", "The client does not hold a role this request needs.");
    }
}
