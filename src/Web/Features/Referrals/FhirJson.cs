using System.IO.Pipelines;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// Reading and writing FHIR JSON with Firely's SDK: the body is parsed once, in place, by the strict default
/// deserializer (the lenient presets would silently drop a missing required element), and every problem it finds comes
/// back at once as an OperationOutcome issue with the path of the element at fault.
/// </summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";
    public const string ContentType = MediaType + "; charset=utf-8";

    /// <summary>The largest body taken: a referral with its assessment is a few kilobytes; a megabyte is room to spare.</summary>
    public const long MaxBody = 1024 * 1024;

    private static readonly FhirJsonDeserializer Deserializer = FhirJsonDeserializer.DEFAULT;

    public static bool IsFhirJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body's resource, or why it cannot be taken (415, 413, 400 or 422).</summary>
    public static async Task<(Resource? Resource, FhirProblems? Problems)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsFhirJson(request.ContentType))
            return (null, FhirProblems.One(StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported,
                $"Send the resource as {MediaType} (or application/json); this request's content type is '{request.ContentType ?? "none"}'."));
        if (request.ContentLength > MaxBody) return (null, TooLarge());

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBody + 1;
        ReadResult read;
        try
        {
            read = await request.BodyReader.ReadAtLeastAsync((int)MaxBody + 1, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        try
        {
            if (read.Buffer.Length > MaxBody) return (null, TooLarge());
            if (read.Buffer.IsEmpty)
                return (null, FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Structure, "The request has no body: send a transaction Bundle."));
            return Parse(read.Buffer);
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
    }

    /// <summary>Parses a resource, every problem kept: malformed JSON or a structural fault is 400, a rule of the model broken is 422.</summary>
    public static (Resource? Resource, FhirProblems? Problems) Parse(System.Buffers.ReadOnlySequence<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        Resource? resource;
        IEnumerable<CodedException> errors;
        try
        {
            Deserializer.TryDeserializeResource(ref reader, out resource, out errors);
        }
        catch (JsonException e)
        {
            return (null, FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Structure,
                $"The body is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}"));
        }

        var issues = errors.Select(Issue).ToList();
        if (issues.Count == 0) return (resource, null);
        var fatal = issues.Any(i => i.Severity == OperationOutcome.IssueSeverity.Fatal) || resource is null;
        return (resource, new FhirProblems(fatal ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity, issues));
    }

    private static OperationOutcome.IssueComponent Issue(CodedException error) => error switch
    {
        ExtendedCodedException extended => extended.ToIssue(),
        _ => FhirProblems.Issue(IssueType.Invalid, error.Message),
    };

    private static FhirProblems TooLarge() =>
        FhirProblems.One(StatusCodes.Status413PayloadTooLarge, IssueType.TooLong, $"The body is larger than {MaxBody / 1024} KB; a referral is a few kilobytes.");

    /// <summary>The resource as FHIR JSON bytes (no indentation).</summary>
    public static byte[] Bytes(Resource resource) => FhirJsonSerializer.Default.SerializeToBytes(resource);
}
