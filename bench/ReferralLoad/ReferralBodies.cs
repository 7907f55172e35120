using System.Globalization;
using System.Text;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Commonweal.ReferralLoad;

/// <summary>One referral to send: its ServiceRequest identifier and the whole request body, serialised before the run.</summary>
internal sealed record ReferralBody(string Identifier, byte[] Json);

/// <summary>
/// Referral transaction bundles as a GP system would send them, reproducibly: the same seed and prefix give the same
/// bodies. Firely's model writes two templates once (with and without a Consent) — the shape is Firely's own — and each
/// referral fills in its identifier (<c>prefix-0000001</c> …), an NHS number in the test range (999, six digits, the
/// modulus 11 check digit), a name, a birth date, a phone number and a postcode drawn from the seeded Random. All of it
/// happens before the timed run, so the client spends no CPU in Firely while the server is measured.
/// </summary>
internal static class ReferralBodies
{
    public const string IdentifierSystem = "https://bench.commonweal.example/Id/referral";

    private const string PatientUrl = "urn:uuid:6f1b7d0e-0000-4000-8000-000000000001";
    private static readonly string[] Slots = ["BENCH-IDENTIFIER", "BENCH-NHS", "BENCH-FAMILY", "BENCH-GIVEN", "1901-02-03", "BENCH-PHONE", "BENCH-POSTCODE"];
    private static readonly string[] Families = ["Okafor", "Smith", "Jones", "Patel", "Williams", "Brown", "Khan", "Taylor", "Davies", "Evans", "Nowak", "Murphy"];
    private static readonly string[] Givens = ["Ada", "Olivia", "Amelia", "Isla", "George", "Noah", "Arthur", "Muhammad", "Leo", "Maya", "Zofia", "Sean"];
    private static readonly string[] Postcodes = ["SS14 1AB", "SS13 3EA", "CM12 9BX", "SS16 5NL", "CM11 2PU", "SS15 6QW", "SS12 0HR", "CM2 6LD"];

    /// <summary>The first <paramref name="count"/> referrals of the run <paramref name="prefix"/> from <paramref name="seed"/>.</summary>
    public static ReferralBody[] Make(string prefix, int count, int seed, double consentShare = 0.8)
    {
        var withConsent = Template(consent: true);
        var without = Template(consent: false);
        var random = new Random(seed);
        var bodies = new ReferralBody[count];
        var text = new StringBuilder(2048);
        for (var i = 0; i < count; i++)
        {
            var identifier = $"{prefix}-{i:D7}";
            var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 88));
            string[] values =
            [
                identifier, Nhs(random), Families[random.Next(Families.Length)], Givens[random.Next(Givens.Length)],
                birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"07700 9{random.Next(0, 100000):D5}", Postcodes[random.Next(Postcodes.Length)],
            ];
            var (pieces, order) = random.NextDouble() < consentShare ? withConsent : without;
            text.Clear().Append(pieces[0]);
            for (var s = 0; s < order.Length; s++) text.Append(values[order[s]]).Append(pieces[s + 1]);
            bodies[i] = new ReferralBody(identifier, Encoding.UTF8.GetBytes(text.ToString()));
        }

        return bodies;
    }

    /// <summary>An NHS number in the range kept for testing (999…), its check digit worked out as the standard says.</summary>
    private static string Nhs(Random random)
    {
        Span<char> digits = stackalloc char[10];
        while (true)
        {
            "999".CopyTo(digits);
            var sum = 0;
            for (var k = 3; k < 9; k++) digits[k] = (char)('0' + random.Next(10));
            for (var k = 0; k < 9; k++) sum += (digits[k] - '0') * (10 - k);
            var check = (11 - (sum % 11)) % 11;
            if (check == 10) continue; // never issued: draw again
            digits[9] = (char)('0' + check);
            if (NhsNumber.IsValid(digits)) return digits.ToString(); // Core's check too: 9999999999 passes the arithmetic but is never issued
        }
    }

    /// <summary>
    /// The bundle serialised by Firely with a marker in each slot, cut at the markers: the pieces between the values, and
    /// which slot comes where (Firely writes elements in the model's order, not the order they were set).
    /// </summary>
    private static (string[] Pieces, int[] Order) Template(bool consent)
    {
        var patient = new Patient
        {
            Meta = new Meta { Profile = ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"] },
            Identifier = [new Identifier(NhsNumber.System, Slots[1])],
            Name = [new HumanName { Family = Slots[2], Given = [Slots[3]] }],
            BirthDate = Slots[4],
            Gender = AdministrativeGender.Unknown,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, Slots[5])],
            Address = [new Address { PostalCode = Slots[6] }],
        };
        var request = new ServiceRequest
        {
            Meta = new Meta { Profile = ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest"] },
            Identifier = [new Identifier(IdentifierSystem, Slots[0])],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference(PatientUrl),
            Code = new CodeableConcept("http://snomed.info/sct", "871731000000106", "Referral to social prescribing service"),
            ReasonCode = [new CodeableConcept { Text = "Lonely since moving to the area; would like to meet people and get active" }],
            AuthoredOn = "2026-12-03T09:00:00Z",
        };
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Entry(PatientUrl, patient));
        bundle.Entry.Add(Entry("urn:uuid:6f1b7d0e-0000-4000-8000-000000000002", request));
        if (consent)
        {
            bundle.Entry.Add(Entry("urn:uuid:6f1b7d0e-0000-4000-8000-000000000003", new Consent
            {
                Status = Consent.ConsentState.Active,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0")],
                Patient = new ResourceReference(PatientUrl),
            }));
        }

        var json = bundle.ToJson();
        var found = new int[Slots.Length];
        for (var s = 0; s < Slots.Length; s++)
        {
            found[s] = json.IndexOf(Slots[s], StringComparison.Ordinal);
            if (found[s] < 0 || json.IndexOf(Slots[s], found[s] + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"the template must hold {Slots[s]} once");
        }

        var order = Enumerable.Range(0, Slots.Length).OrderBy(s => found[s]).ToArray();
        var pieces = new string[Slots.Length + 1];
        var at = 0;
        for (var k = 0; k < order.Length; k++)
        {
            pieces[k] = json[at..found[order[k]]];
            at = found[order[k]] + Slots[order[k]].Length;
        }

        pieces[^1] = json[at..];
        return (pieces, order);
    }

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };
}
