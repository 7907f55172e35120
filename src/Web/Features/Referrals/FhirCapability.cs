using Hl7.Fhir.Model;
using SearchParamType = Hl7.Fhir.Model.SearchParamType;

namespace Commonweal.Web.Features.Referrals;

/// <summary>What the front door does, as a CapabilityStatement: made once, served as bytes.</summary>
public static class FhirCapability
{
    public static readonly CapabilityStatement Statement = Make();

    public static readonly byte[] Json = FhirJson.Bytes(Statement);

    private static CapabilityStatement Make() => new()
    {
        Url = FhirNames.Base + "/CapabilityStatement/commonweal",
        Name = "CommonwealReferralFrontDoor",
        Title = "Commonweal: one referral route into the wellbeing pathway",
        Status = PublicationStatus.Active,
        Date = "2026-12-03",
        Publisher = "Commonweal",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "Commonweal" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Commonweal FHIR R4 referral front door", Url = "/fhir" },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "A referral is one transaction Bundle: a Patient, a ServiceRequest (with an identifier of the referrer's own, "
                    + "so a repeat is recognised), and optionally the holistic assessment's QuestionnaireResponse and a Consent. The answer "
                    + "is a transaction-response Bundle, given only once the referral is committed; a Task tracks it. Send "
                    + "Authorization: Bearer <key> (an API client's key) or a signed-in session.",
                Security = new CapabilityStatement.SecurityComponent
                {
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")],
                    Description = "Bearer API keys issued with 'commonweal clients add', or tokens of the configured OpenID Connect provider.",
                },
                Interaction = [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction }],
                Resource =
                [
                    Resource("Patient", FhirNames.UkCorePatient, read: true),
                    Resource("ServiceRequest", FhirNames.UkCoreServiceRequest, read: true,
                        search: [("identifier", SearchParamType.Token, "The referrer's identifier of the referral: system|value")]),
                    Resource("Task", FhirNames.UkCoreTask, read: true,
                        search:
                        [
                            ("status", SearchParamType.Token, "The Task's status, e.g. received, accepted, in-progress, completed"),
                            ("owner", SearchParamType.Reference, "The organisation the work is with, e.g. Organization/12"),
                            ("focus", SearchParamType.Reference, "The referral's ServiceRequest"),
                        ]),
                    Resource("QuestionnaireResponse", FhirNames.UkCoreQuestionnaireResponse, read: true),
                    Resource("Consent", FhirNames.UkCoreConsent, read: true),
                    Resource("Questionnaire", "http://hl7.org/fhir/StructureDefinition/Questionnaire", read: true,
                        about: $"The holistic assessment ({FhirAssessment.Canonical}), public: GET /fhir/Questionnaire/{FhirAssessment.Id}. "
                            + "A referral's QuestionnaireResponse answers it; answer options are codings in its own url's system."),
                ],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Resource(string type, string profile, bool read, (string Name, SearchParamType Type, string Documentation)[]? search = null,
        string? about = null)
    {
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = profile,
            Documentation = about,
            ConditionalCreate = type is "ServiceRequest" or "Patient",
            Interaction =
            [
                .. read ? [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }] : Array.Empty<CapabilityStatement.ResourceInteractionComponent>(),
                .. search is null ? [] : new[] { new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType } },
            ],
        };
        foreach (var (name, kind, documentation) in search ?? [])
            component.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = name, Type = kind, Documentation = documentation });
        return component;
    }
}
