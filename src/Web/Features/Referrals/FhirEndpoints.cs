using System.Globalization;
using System.Text.Json;
using Commonweal.Application.Referrals;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The FHIR R4 front door at <c>/fhir</c>: a referral comes in as a transaction Bundle and is answered with a
/// transaction-response Bundle once it is committed; ServiceRequests and Tasks are read and searched as stored; the
/// CapabilityStatement says all of it. Every refusal is an OperationOutcome.
/// </summary>
public static class FhirEndpoints
{
    private static readonly string[] ReadableTypes = ["Patient", "ServiceRequest", "QuestionnaireResponse", "Consent", "Task"];

    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        // What the server can do is public (a referrer's system reads it before it has a key).
        app.MapGet("/fhir/metadata", () => new FhirResult(StatusCodes.Status200OK, FhirCapability.Json)).WithTags("FHIR").RequireAuthorization(Policies.Anyone);
        var fhir = app.MapGroup("/fhir").WithTags("FHIR").RequireAuthorization(Policies.Referrals);
        fhir.MapPost("/", TransactionAsync).DisableAntiforgery();
        fhir.MapGet("/ServiceRequest", SearchServiceRequestsAsync);
        fhir.MapGet("/Task", SearchTasksAsync);
        fhir.MapGet("/{type}/{id}", ReadAsync);
    }

    private static async Task<FhirResult> TransactionAsync(HttpContext http, ReferralIntake intake, ReferralViewers viewers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (resource, problems) = await FhirJson.ReadAsync(http.Request, cancellationToken);
        if (problems is not null) return FhirResult.Of(problems);

        var viewer = await viewers.OfAsync(http.User);
        var sender = new ReferralSender(viewer.Name, viewer.Partner, ReferralRoute.Fhir, ServiceCodes(http),
            http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), FhirAssessment.Licensed(http.RequestServices.GetRequiredService<IConfiguration>()));
        var (read, draft, refused) = ReferralBundle.Read(resource!, sender, clock.GetUtcNow());
        if (refused is not null) return FhirResult.Of(refused);

        if (read!.IfNoneExist is { } condition && condition != (draft!.Referral.IdentifierSystem, draft.Referral.IdentifierValue))
        {
            var matches = await intake.MatchingAsync(condition.System, condition.Value, sender.Name, sender.Partner, cancellationToken);
            if (matches.Count > 1)
            {
                return FhirResult.Of(FhirProblems.One(StatusCodes.Status412PreconditionFailed, IssueType.MultipleMatches,
                    $"ifNoneExist identifier={condition.Value} matches more than one referral; give the system too (identifier=system|value).",
                    "Bundle.entry.request.ifNoneExist"));
            }

            if (matches.Count == 1) return FhirResult.Of(StatusCodes.Status200OK, TransactionResponse(read.EntryTypes, matches[0]));
        }

        var result = await intake.SubmitAsync(draft!, cancellationToken);
        if (result.IdentifierTaken)
        {
            return FhirResult.Of(FhirProblems.One(StatusCodes.Status409Conflict, IssueType.Duplicate,
                "Another referrer has sent a referral with this identifier: give the ServiceRequest an identifier in your own system.",
                $"Bundle.entry[{read.EntryTypes.ToList().IndexOf("ServiceRequest")}].resource.identifier[0]"));
        }

        return FhirResult.Of(StatusCodes.Status200OK, TransactionResponse(read.EntryTypes, result));
    }

    /// <summary>The answer to a transaction: each entry's status (201 made, 200 already there) and where it is; the ServiceRequest's says which Task tracks it.</summary>
    internal static Bundle TransactionResponse(IReadOnlyList<string> entryTypes, IntakeResult result)
    {
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        var task = result.Find("Task");
        foreach (var type in entryTypes)
        {
            var stored = result.Find(type);
            var entry = new Bundle.EntryComponent
            {
                FullUrl = stored is null ? null : $"{FhirNames.Base}/{stored.Type}/{stored.Id}",
                Response = new Bundle.ResponseComponent
                {
                    Status = result.Created ? "201 Created" : "200 OK",
                    Location = stored?.Location,
                    Etag = stored is null ? null : $"W/\"{stored.Version}\"",
                    LastModified = stored?.LastUpdated,
                },
            };
            if (type == "ServiceRequest" && task is not null)
            {
                entry.Response.Outcome = new OperationOutcome
                {
                    Issue = [FhirProblems.Issue(IssueType.Informational,
                        result.Created ? $"Referral received; its progress is Task/{task.Id}." : $"This referral was received before (the same identifier); its progress is Task/{task.Id}. Nothing new was stored.",
                        null, OperationOutcome.IssueSeverity.Information)],
                };
            }

            response.Entry.Add(entry);
        }

        return response;
    }

    private static async Task<FhirResult> ReadAsync(string type, string id, HttpContext http, ReferralRecords records, ReferralViewers viewers, CancellationToken cancellationToken)
    {
        if (!ReadableTypes.Contains(type))
        {
            return FhirResult.Of(FhirProblems.One(StatusCodes.Status404NotFound, IssueType.NotSupported,
                $"{type} is not served here; the types are {string.Join(", ", ReadableTypes)}."));
        }

        var resource = await records.ReadAsync(type, id, await viewers.OfAsync(http.User), cancellationToken);
        return resource is null
            ? FhirResult.Of(FhirProblems.One(StatusCodes.Status404NotFound, IssueType.NotFound, $"No {type}/{id} that you may see."))
            : new FhirResult(StatusCodes.Status200OK, resource.Json, null, resource.Version.ToString(CultureInfo.InvariantCulture), resource.LastUpdated);
    }

    private static async Task<FhirResult> SearchServiceRequestsAsync(HttpContext http, ReferralRecords records, ReferralViewers viewers, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!Paging(query, out var count, out var offset, out var bad)) return FhirResult.Of(bad!);
        if (query["identifier"] is not [{ Length: > 0 } identifier])
        {
            return FhirResult.Of(FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.NotSupported,
                "Search ServiceRequests by identifier: ?identifier=system|value."));
        }

        var (system, value) = ReferralBundle.Token(identifier);
        var page = await records.ServiceRequestsAsync(system, value, await viewers.OfAsync(http.User), count, offset, cancellationToken);
        return Searchset(http, page, count, offset);
    }

    private static async Task<FhirResult> SearchTasksAsync(HttpContext http, ReferralRecords records, ReferralViewers viewers, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!Paging(query, out var count, out var offset, out var bad)) return FhirResult.Of(bad!);
        var statuses = query["status"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknown = statuses.Where(s => !TaskStatuses.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            return FhirResult.Of(FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Value,
                $"'{string.Join(", ", unknown)}' is not a Task status; the statuses are {string.Join(", ", TaskStatuses)}."));
        }

        var owner = query["owner"].FirstOrDefault() is { Length: > 0 } o ? o : null;
        var focus = query["focus"].FirstOrDefault() is { Length: > 0 } f ? f : null;
        var page = await records.TasksAsync(statuses, owner, focus, await viewers.OfAsync(http.User), count, offset, cancellationToken);
        return Searchset(http, page, count, offset);
    }

    private static readonly string[] TaskStatuses =
        ["draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error"];

    private static bool Paging(IQueryCollection query, out int count, out int offset, out FhirProblems? problem)
    {
        count = 100;
        offset = 0;
        problem = null;
        if (query["_count"].FirstOrDefault() is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > ReferralRecords.MaxPage))
            problem = FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Value, $"_count must be a whole number from 0 to {ReferralRecords.MaxPage}; it is '{c}'.");
        else if (query["_offset"].FirstOrDefault() is { } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            problem = FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Value, $"_offset must be a whole number; it is '{o}'.");
        return problem is null;
    }

    /// <summary>A searchset Bundle written around the stored bytes of each match: no parse, no serialise.</summary>
    private static FhirResult Searchset(HttpContext http, ReferralRecords.Page page, int count, int offset)
    {
        var self = $"{http.Request.Path}{http.Request.QueryString}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resourceType", "Bundle");
            json.WriteString("type", "searchset");
            json.WriteNumber("total", page.Total);
            json.WriteStartArray("link");
            Link(json, "self", self);
            if (offset + page.Resources.Count < page.Total && count > 0)
            {
                var next = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path,
                    http.Request.Query.Where(q => q.Key != "_offset").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                        .Append(KeyValuePair.Create("_offset", (string?)(offset + page.Resources.Count).ToString(CultureInfo.InvariantCulture))));
                Link(json, "next", next);
            }

            json.WriteEndArray();
            if (page.Resources.Count > 0) json.WriteStartArray("entry"); // FHIR JSON has no empty arrays
            foreach (var resource in page.Resources)
            {
                json.WriteStartObject();
                json.WriteString("fullUrl", $"{FhirNames.Base}/{resource.Type}/{resource.Id}");
                json.WritePropertyName("resource");
                json.WriteRawValue(resource.Json, skipInputValidation: true);
                json.WriteStartObject("search");
                json.WriteString("mode", "match");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (page.Resources.Count > 0) json.WriteEndArray();
            json.WriteEndObject();
        }

        return new FhirResult(StatusCodes.Status200OK, buffer.ToArray());
    }

    private static void Link(Utf8JsonWriter json, string relation, string url)
    {
        json.WriteStartObject();
        json.WriteString("relation", relation);
        json.WriteString("url", url);
        json.WriteEndObject();
    }

    /// <summary>The service codes a ServiceRequest may name: the directory's.</summary>
    private static IReadOnlySet<string> ServiceCodes(HttpContext http) =>
        http.RequestServices.GetRequiredService<ReferralServiceCodes>().Codes;
}
