using System.Globalization;
using Commonweal.Core;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// A demo referral's FHIR resources as the front door stores them once it has read a bundle: ids assigned and references
/// rewritten to them, version 1 at the moment of receipt, UK Core profiles named — the Patient (NHS number where known,
/// name, birth date, sex where the referrer's system sends it, phone or email, the place extension), the ServiceRequest
/// (the referrer's identifier, the reason, the service asked for or SNOMED CT 871731000000106), the assessment's
/// QuestionnaireResponse grouped by section, the Consent and the Task. Made with Firely's model, so each parses.
/// </summary>
internal static class DemoFhirResources
{
    private const string Base = "https://commonweal.example/fhir";
    private const string Profiles = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    public const string PlaceExtension = Base + "/StructureDefinition/place";
    public const string ServiceSystem = Base + "/CodeSystem/referral-service";

    /// <summary>The ids of a referral's resources (the ServiceRequest's is the referral's).</summary>
    public sealed record Ids(string Patient, string Answers, string Consent, string Task);

    public static List<StoredResource> Make(Referral referral, IReadOnlyDictionary<string, AssessmentValue> answers, Ids ids, string? requester, string? practice)
    {
        var at = referral.Received;
        var person = referral.Person;
        var patient = new Patient
        {
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = person.FamilyName, Given = [person.GivenName] }],
            BirthDate = person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = person.Gender switch { "male" => AdministrativeGender.Male, "female" => AdministrativeGender.Female, _ => null },
        };
        if (person.NhsNumber is { } nhs) patient.Identifier.Add(new Identifier(NhsNumber.System, nhs));
        if (person.Phone is { } phone) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        if (person.Email is { } email) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        if (person.Place is { } place) patient.Address.Add(new Address { Extension = [new Extension(PlaceExtension, new Code(place.Value))] });
        if (practice is not null)
            patient.GeneralPractitioner.Add(new ResourceReference { Identifier = new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", practice) });

        var self = $"Patient/{ids.Patient}";
        var request = new ServiceRequest
        {
            Identifier = [new Identifier(referral.IdentifierSystem, referral.IdentifierValue)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference(self),
            Code = referral.RequestedService is { } service
                ? new CodeableConcept(ServiceSystem, service)
                : new CodeableConcept("http://snomed.info/sct", "871731000000106", "Referral to social prescribing service"),
            ReasonCode = [new CodeableConcept { Text = referral.Reason }],
            AuthoredOn = Instant(at),
            Requester = requester is not null ? new ResourceReference(requester) : new ResourceReference { Display = referral.ReferredBy },
            SupportingInfo = [new ResourceReference($"QuestionnaireResponse/{ids.Answers}")],
        };

        var response = Response(answers, self, at);
        if (referral.Route == ReferralRoute.SelfReferral) response.Source = new ResourceReference(self);
        else response.Author = new ResourceReference { Display = referral.ReferredBy };

        var consent = new Consent
        {
            Status = Consent.ConsentState.Active,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
            Category = [new CodeableConcept("http://loinc.org", "59284-0")],
            Patient = new ResourceReference(self),
            DateTime = Instant(at),
            PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
        };

        var task = new TaskState(ids.Task, referral.Id, ids.Patient, CaseStatus.Received, null, null, null, 1, at, at, requester);
        return
        [
            Stored(patient, "Patient", ids.Patient, referral, "Patient"),
            Stored(request, "ServiceRequest", referral.Id.ToString(), referral, "ServiceRequest"),
            Stored(response, "QuestionnaireResponse", ids.Answers, referral, "QuestionnaireResponse"),
            Stored(consent, "Consent", ids.Consent, referral, "Consent"),
            new StoredResource("Task", ids.Task, referral.Id, 1, at, FhirTasks.StatusCode(CaseStatus.Received), null, FhirTasks.Write(task)),
        ];
    }

    /// <summary>The answers grouped by the questionnaire's sections (group linkIds as the Questionnaire's), each question's words beside its answer.</summary>
    private static QuestionnaireResponse Response(IReadOnlyDictionary<string, AssessmentValue> answers, string subject, DateTimeOffset authored)
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = HolisticAssessment.Url + "|" + HolisticAssessment.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference(subject),
            Authored = Instant(authored),
        };
        foreach (var section in HolisticAssessment.Sections(includeSwemwbs: false))
        {
            var group = new QuestionnaireResponse.ItemComponent { LinkId = EnumNames.Kebab(section.Group.ToString()), Text = section.Title };
            foreach (var item in section.Items.Where(i => answers.ContainsKey(i.LinkId)))
            {
                var value = answers[item.LinkId];
                DataType answer = value.Kind switch
                {
                    AnswerKind.Choice => new Coding(HolisticAssessment.Url, value.Code, item.Options.FirstOrDefault(o => o.Code == value.Code)?.Display),
                    AnswerKind.Boolean => new FhirBoolean(value.Boolean),
                    AnswerKind.Integer => new Integer(value.Integer),
                    _ => new FhirDecimal(value.Decimal),
                };
                group.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Text = item.Text, Answer = [new() { Value = answer }] });
            }

            if (group.Item.Count > 0) response.Item.Add(group);
        }

        return response;
    }

    private static StoredResource Stored(Resource resource, string type, string id, Referral referral, string profile)
    {
        resource.Id = id;
        resource.Meta = new Meta { VersionId = "1", LastUpdated = referral.Received, Profile = [Profiles + profile] };
        return new StoredResource(type, id, referral.Id, 1, referral.Received, null, null, FhirJsonSerializer.Default.SerializeToBytes(resource));
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
