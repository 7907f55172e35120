using Resource = Hl7.Fhir.Model.Resource;

namespace Commonweal.Web.Features.Referrals;

/// <summary>A FHIR JSON response: a resource made now, or stored bytes sent as they are.</summary>
public sealed class FhirResult(int status, byte[] json, string? location = null, string? version = null, DateTimeOffset? lastModified = null) : IResult
{
    public static FhirResult Of(int status, Resource resource, string? location = null) => new(status, FhirJson.Bytes(resource), location);

    public static FhirResult Of(FhirProblems problems) => Of(problems.Status, problems.Outcome());

    public int Status => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = FhirJson.ContentType;
        if (location is not null) response.Headers.Location = location;
        if (version is not null) response.Headers.ETag = $"W/\"{version}\"";
        if (lastModified is { } modified) response.Headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, httpContext.RequestAborted);
    }
}
