// Firely's model makes every element nullable; a test that reads one that is missing fails, which is what it should do.
#nullable disable warnings

using Commonweal.Web.Features.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>Referral transaction bundles as a referrer's system would send them, made with Firely's model.</summary>
public static class ReferralBundles
{
    public const string ReferrerSystem = "https://gp-system.example/Id/referral";

    public static Bundle Referral(string identifier, string? nhsNumber = "9434765919", string? service = null, bool consent = true)
    {
        var patient = new Patient
        {
            Meta = new Meta { Profile = [FhirNames.UkCorePatient] },
            Name = [new HumanName { Family = "Okafor", Given = ["Ada"] }],
            BirthDate = "1968-04-12",
            Gender = AdministrativeGender.Female,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, "07700 900123")],
            Address = [new Address { PostalCode = "ss14 1ab" }],
        };
        if (nhsNumber is not null) patient.Identifier.Add(new Identifier(Hl7NhsSystem, nhsNumber));

        var request = new ServiceRequest
        {
            Meta = new Meta { Profile = [FhirNames.UkCoreServiceRequest] },
            Identifier = [new Identifier(ReferrerSystem, identifier)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference("urn:uuid:6f1b7d0e-0000-4000-8000-000000000001"),
            Code = service is null
                ? new CodeableConcept(FhirNames.Snomed, FhirNames.SocialPrescribingReferral, "Referral to social prescribing service")
                : new CodeableConcept(FhirNames.ServiceSystem, service),
            ReasonCode = [new CodeableConcept { Text = "Low mood since losing her job; would like help with money and getting active" }],
            AuthoredOn = "2026-12-03T09:00:00Z",
        };

        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Entry("urn:uuid:6f1b7d0e-0000-4000-8000-000000000001", patient));
        bundle.Entry.Add(Entry("urn:uuid:6f1b7d0e-0000-4000-8000-000000000002", request));
        if (consent)
        {
            bundle.Entry.Add(Entry("urn:uuid:6f1b7d0e-0000-4000-8000-000000000003", new Consent
            {
                Status = Consent.ConsentState.Active,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0")],
                Patient = new ResourceReference("urn:uuid:6f1b7d0e-0000-4000-8000-000000000001"),
            }));
        }

        return bundle;
    }

    public const string Hl7NhsSystem = "https://fhir.nhs.uk/Id/nhs-number";

    public static string Json(Resource resource) => resource.ToJson();

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };

    public static T Parse<T>(string json)
        where T : Resource => FhirJsonDeserializer.DEFAULT.Deserialize<T>(json);
}
