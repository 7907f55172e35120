using Commonweal.Application.Referrals;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// Who is sending a referral, and the services a ServiceRequest may name. <paramref name="SwemwbsLicensed"/>: the ICS holds
/// the SWEMWBS licence, so the holistic assessment includes it (<see cref="FhirAssessment.Licensed"/>).
/// </summary>
public sealed record ReferralSender(string Name, int? Partner, ReferralRoute Route, IReadOnlySet<string> KnownServices, string? ClientAddress = null, string? UserAgent = null,
    bool SwemwbsLicensed = false);

/// <summary>
/// A transaction Bundle read into a referral: the checks the model itself does not make (one Patient and one
/// ServiceRequest, POSTs only, references that resolve within the bundle, a valid NHS number, a known service), every
/// problem at once with its expression; then ids assigned, references rewritten to them, a Task made to track it.
/// </summary>
public sealed class ReferralBundle
{
    private static readonly string[] Allowed = ["Patient", "ServiceRequest", "QuestionnaireResponse", "Consent"];

    private readonly List<OperationOutcome.IssueComponent> issues = [];
    private readonly Bundle bundle;

    private ReferralBundle(Bundle bundle) => this.bundle = bundle;

    /// <summary>The entries' resource types in order, for the transaction-response.</summary>
    public IReadOnlyList<string> EntryTypes => [.. bundle.Entry.Select(e => e.Resource?.TypeName ?? "")];

    /// <summary>The identifier the ServiceRequest entry's <c>ifNoneExist</c> names, when it names one other than the ServiceRequest's own.</summary>
    public (string? System, string Value)? IfNoneExist { get; private set; }

    public static (ReferralBundle? Read, ReferralDraft? Draft, FhirProblems? Problems) Read(Resource resource, ReferralSender sender, DateTimeOffset now)
    {
        if (resource is not Bundle bundle)
        {
            return (null, null, FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Invalid,
                $"POST /fhir takes a transaction Bundle; this is a {resource.TypeName}.", resource.TypeName));
        }

        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            return (null, null, FhirProblems.One(StatusCodes.Status400BadRequest, IssueType.Value,
                $"Bundle.type must be 'transaction'; it is '{bundle.Type.GetLiteral() ?? "missing"}'.", "Bundle.type"));
        }

        var read = new ReferralBundle(bundle);
        var draft = read.Draft(sender, now);
        return read.issues.Count > 0 || draft is null
            ? (null, null, new FhirProblems(StatusCodes.Status422UnprocessableEntity, read.issues))
            : (read, draft, null);
    }

    private void Problem(IssueType code, string diagnostics, string expression) => issues.Add(FhirProblems.Issue(code, diagnostics, expression));

    private ReferralDraft? Draft(ReferralSender sender, DateTimeOffset now)
    {
        var found = new Dictionary<string, (int Index, Resource Resource)>();
        var urls = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            var at = $"Bundle.entry[{i}]";
            if (entry.FullUrl is { Length: > 0 } fullUrl && !urls.TryAdd(fullUrl, i))
                Problem(IssueType.Duplicate, $"The fullUrl '{fullUrl}' is used by entry {urls[fullUrl]} too: each entry needs its own.", at + ".fullUrl");
            if (entry.Resource is not { } resource)
            {
                Problem(IssueType.Required, "Each entry needs its resource.", at + ".resource");
                continue;
            }

            var type = resource.TypeName;
            if (!Allowed.Contains(type))
            {
                Problem(IssueType.NotSupported, $"A referral is a Patient, a ServiceRequest and optionally a QuestionnaireResponse and a Consent; {type} is not taken.", at + ".resource");
                continue;
            }

            if (entry.Request is not { } request)
                Problem(IssueType.Required, "Each entry of a transaction needs its request (method POST, url the resource type).", at + ".request");
            else
            {
                if (request.Method != Bundle.HTTPVerb.POST)
                    Problem(IssueType.NotSupported, $"Only POST (create) is taken; this entry's method is {request.Method?.ToString() ?? "missing"}.", at + ".request.method");
                if (!string.Equals(request.Url, type, StringComparison.Ordinal))
                    Problem(IssueType.Value, $"The request url of a {type} must be '{type}'; it is '{request.Url}'.", at + ".request.url");
                if (request.IfNoneExist is { Length: > 0 } && type != "ServiceRequest")
                    Problem(IssueType.NotSupported, "ifNoneExist is taken on the ServiceRequest only: a referral's Patient is stored with it.", at + ".request.ifNoneExist");
            }

            if (!found.TryAdd(type, (i, resource)))
                Problem(IssueType.Invalid, $"A referral has one {type}; this bundle has more than one.", at + ".resource");
        }

        foreach (var needed in new[] { "Patient", "ServiceRequest" })
        {
            if (!found.ContainsKey(needed))
                Problem(IssueType.Required, $"A referral needs a {needed} entry.", "Bundle.entry");
        }

        if (issues.Count > 0) return null;

        var (patientAt, patientResource) = found["Patient"];
        var (requestAt, requestResource) = found["ServiceRequest"];
        var patient = (Patient)patientResource;
        var serviceRequest = (ServiceRequest)requestResource;

        var person = Person(patient, $"Bundle.entry[{patientAt}].resource");
        var identifier = Identifier(serviceRequest, $"Bundle.entry[{requestAt}].resource", sender);
        CheckRequest(serviceRequest, $"Bundle.entry[{requestAt}].resource", sender.KnownServices);
        Resolves(serviceRequest.Subject, urls, patientAt, $"Bundle.entry[{requestAt}].resource.subject", "the Patient");
        if (bundle.Entry[requestAt].Request?.IfNoneExist is { Length: > 0 } condition)
            IfNoneExist = Condition(condition, $"Bundle.entry[{requestAt}].request.ifNoneExist");
        var consent = false;
        IReadOnlyDictionary<string, AssessmentValue>? assessment = null;
        if (found.TryGetValue("QuestionnaireResponse", out var answers))
        {
            var response = (QuestionnaireResponse)answers.Resource;
            Resolves(response.Subject, urls, patientAt, $"Bundle.entry[{answers.Index}].resource.subject", "the Patient");
            var assessed = FhirAssessment.Read(response, $"Bundle.entry[{answers.Index}].resource", sender.SwemwbsLicensed);
            issues.AddRange(assessed.Issues);
            assessment = assessed.Answers;
        }

        if (found.TryGetValue("Consent", out var agreed))
        {
            var given = (Consent)agreed.Resource;
            Resolves(given.Patient, urls, patientAt, $"Bundle.entry[{agreed.Index}].resource.patient", "the Patient");
            consent = given.Status == Consent.ConsentState.Active;
        }

        if (issues.Count > 0 || person is null || identifier is null) return null;

        var referralId = Guid.CreateVersion7(now);
        var ids = new Dictionary<string, string> { ["ServiceRequest"] = referralId.ToString() };
        foreach (var type in found.Keys.Where(t => t != "ServiceRequest")) ids[type] = Guid.CreateVersion7(now).ToString();
        var references = urls.ToDictionary(u => u.Key, u => bundle.Entry[u.Value].Resource is { } r ? $"{r.TypeName}/{ids[r.TypeName]}" : u.Key);
        var resources = new List<StoredResource>();
        foreach (var (type, (_, resource)) in found)
        {
            resource.Id = ids[type];
            resource.Meta = new Meta { VersionId = "1", LastUpdated = now, Profile = resource.Meta?.Profile ?? [] };
            Rewrite(resource, references);
            resources.Add(new StoredResource(type, ids[type], referralId, 1, now, null, null, FhirJson.Bytes(resource)));
        }

        var requester = serviceRequest.Requester?.Reference is { } r && !r.StartsWith("urn:", StringComparison.Ordinal) ? r : null;
        var task = new TaskState(Guid.CreateVersion7(now).ToString(), referralId, ids["Patient"], CaseStatus.Received, null, null, null, 1, now, now, requester);
        resources.Add(new StoredResource("Task", task.Id, referralId, 1, now, FhirTasks.StatusCode(task.Status), null, FhirTasks.Write(task)));

        var requested = serviceRequest.Code?.Coding.FirstOrDefault(c => c.System == FhirNames.ServiceSystem)?.Code;
        var reason = string.Join("; ", serviceRequest.ReasonCode.Select(c => c.Text ?? c.Coding.FirstOrDefault()?.Display).Concat(serviceRequest.Note.Select(n => n.Text))
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var referral = new Referral(referralId, identifier.Value.System, identifier.Value.Value, sender.Route, now, sender.Name, sender.Partner, requested,
            reason.Length == 0 ? null : reason[..Math.Min(reason.Length, 2000)], person, consent, assessment is null ? null : AssessmentAnswers.ToJson(assessment));
        return new ReferralDraft(referral, resources, sender.ClientAddress, sender.UserAgent);
    }

    private ReferralPerson? Person(Patient patient, string at)
    {
        string? nhs = null;
        for (var j = 0; j < patient.Identifier.Count; j++)
        {
            var id = patient.Identifier[j];
            if (id.System != NhsNumber.System) continue;
            if (!NhsNumber.TryParse(id.Value, out var parsed, out var error))
                Problem(IssueType.Value, $"{error}.", $"{at}.identifier[{j}].value");
            else nhs = parsed;
        }

        var name = patient.Name.FirstOrDefault(n => n.Use is null or HumanName.NameUse.Official or HumanName.NameUse.Usual);
        var given = name?.Given.FirstOrDefault();
        if (name is null || string.IsNullOrWhiteSpace(name.Family) || string.IsNullOrWhiteSpace(given))
            Problem(IssueType.Required, "The Patient needs a family name and a given name, to be contacted by.", $"{at}.name");
        if (string.IsNullOrEmpty(patient.BirthDate))
            Problem(IssueType.Required, "The Patient needs a birth date (services have age limits).", $"{at}.birthDate");
        DateOnly birth = default;
        if (patient.BirthDate is { Length: > 0 } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", out birth))
            Problem(IssueType.Value, $"The birth date must be a whole date (YYYY-MM-DD); '{text}' is not.", $"{at}.birthDate");

        var address = patient.Address.FirstOrDefault();
        var postcode = address?.PostalCode?.Trim().ToUpperInvariant();
        if (postcode is { Length: > 0 } && !Postcodes.IsValid(postcode))
            Problem(IssueType.Value, $"'{address!.PostalCode}' is not a UK postcode.", $"{at}.address[0].postalCode");
        AreaCode? place = null;
        if (address?.GetExtension(FhirNames.PlaceExtension) is { } extension)
        {
            var code = (extension.Value as Code)?.Value ?? (extension.Value as FhirString)?.Value;
            if (AreaCode.TryParse(code, out var parsed, out var error)) place = parsed;
            else Problem(IssueType.Value, $"The place must be a GSS code such as E01021552: {error}.", $"{at}.address[0].extension");
        }

        var phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value;
        var email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value;
        if (issues.Count > 0) return null;
        return new ReferralPerson(nhs, given!.Trim(), name!.Family!.Trim(), birth, patient.Gender.GetLiteral(),
            postcode is { Length: > 0 } ? Postcodes.Format(postcode) : null, place, phone, email);
    }

    private (string System, string Value)? Identifier(ServiceRequest request, string at, ReferralSender sender)
    {
        var identifier = request.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.System) && !string.IsNullOrWhiteSpace(i.Value));
        if (identifier is null)
        {
            Problem(IssueType.Required, "The ServiceRequest needs an identifier (system and value) of the referrer's own: a repeat with the same identifier is recognised and not stored twice.", at + ".identifier");
            return null;
        }

        if (identifier.System == FhirNames.FormReferralSystem && sender.Route == ReferralRoute.Fhir)
        {
            Problem(IssueType.Value, $"The identifier system {FhirNames.FormReferralSystem} is Commonweal's own; use your system's.", at + ".identifier[0].system");
            return null;
        }

        return (identifier.System!.Trim(), identifier.Value!.Trim());
    }

    private void CheckRequest(ServiceRequest request, string at, IReadOnlySet<string> services)
    {
        if (request.Status != RequestStatus.Active)
            Problem(IssueType.Value, $"A referral's status is 'active'; this one is '{request.Status.GetLiteral()}'.", at + ".status");
        if (request.Intent is not (RequestIntent.Order or RequestIntent.OriginalOrder))
            Problem(IssueType.Value, $"A referral's intent is 'order'; this one is '{request.Intent.GetLiteral()}'.", at + ".intent");
        if (request.Code is null) return;
        for (var k = 0; k < request.Code.Coding.Count; k++)
        {
            var coding = request.Code.Coding[k];
            var known = coding.System switch
            {
                FhirNames.ServiceSystem => services.Contains(coding.Code ?? ""),
                FhirNames.Snomed => coding.Code == FhirNames.SocialPrescribingReferral,
                _ => false,
            };
            if (!known)
            {
                Problem(IssueType.CodeInvalid,
                    coding.System == FhirNames.ServiceSystem
                        ? $"No service '{coding.Code}' is in the directory; leave the code out and triage will choose, or use one of: {string.Join(", ", services.Order())}."
                        : $"The service must be a code of {FhirNames.ServiceSystem}, or SNOMED CT {FhirNames.SocialPrescribingReferral} (referral to social prescribing service); {coding.System}|{coding.Code} is not known.",
                    $"{at}.code.coding[{k}]");
            }
        }
    }

    private void Resolves(ResourceReference? reference, IReadOnlyDictionary<string, int> urls, int target, string at, string what)
    {
        if (reference?.Reference is not { Length: > 0 } text)
            Problem(IssueType.Required, $"The reference to {what} is missing.", at);
        else if (!urls.TryGetValue(text, out var index) || index != target)
            Problem(IssueType.NotFound, $"'{text}' does not resolve to {what} in this bundle: give {what}'s entry a fullUrl (urn:uuid:…) and refer to it.", at + ".reference");
    }

    private (string? System, string Value)? Condition(string condition, string at)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(condition.StartsWith('?') ? condition : "?" + condition);
        if (query.Count != 1 || !query.TryGetValue("identifier", out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            Problem(IssueType.NotSupported, $"ifNoneExist on a ServiceRequest is 'identifier=system|value'; '{condition}' is not.", at);
            return null;
        }

        return Token(values[0]!);
    }

    /// <summary>A FHIR token search value: "system|value", "|value" or "value" (any system).</summary>
    internal static (string? System, string Value) Token(string text)
    {
        var parts = text.Split('|', 2);
        return parts.Length == 2 ? (parts[0].Length == 0 ? null : parts[0], parts[1]) : (null, parts[0]);
    }

    private static void Rewrite(Resource resource, IReadOnlyDictionary<string, string> references)
    {
        IEnumerable<ResourceReference?> all = resource switch
        {
            ServiceRequest request => [request.Subject, request.Requester, .. request.SupportingInfo],
            QuestionnaireResponse response => [response.Subject, response.Source, response.Author],
            Consent consent => [consent.Patient],
            _ => [],
        };
        foreach (var reference in all)
        {
            if (reference?.Reference is { } text && references.TryGetValue(text, out var local)) reference.Reference = local;
        }
    }
}
