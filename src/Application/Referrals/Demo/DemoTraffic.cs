using System.Globalization;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>One demo referral: the draft the intake stores, who it is about in the synthetic population, and what became of its case.</summary>
/// <param name="Lsoa">The LSOA the person lives in (the Patient carries it for a system's referral; a form carries the district).</param>
/// <param name="Traits">The person's characteristics in the synthetic population (<see cref="Core.Targeting.Population.Traits"/>).</param>
public sealed record DemoReferral(ReferralDraft Draft, IReadOnlyDictionary<string, AssessmentValue> Answers, AreaCode Lsoa, bool Core20, ulong Traits, DemoJourney Journey);

/// <summary>
/// The demo's referral traffic, made from its people: each chosen person (<see cref="DemoPeople"/>) is referred once, on a
/// day of the last 26 weeks (fewer at weekends, rising a little over the period as the service becomes known), by their
/// route — a GP system or the council's case system (FHIR, with the NHS number and the LSOA), a professional's web form or
/// their own (with the district, an NHS number where known, a phone or an email) — with their assessment and a reason in
/// their own terms; then followed through its case (<see cref="DemoJourneys"/>). Everything comes from the seed: the same
/// seed, people, directory and day make the same referrals with the same ids.
/// </summary>
internal static class DemoTraffic
{
    public const int Days = 182;

    public const string GpSystem = "https://gp-referrals.demo.example/Id/referral";
    public const string CouncilSystem = "https://council-cases.demo.example/Id/case";
    public const string FormSystem = "https://commonweal.example/fhir/Id/referral";
    public const string GpClient = "client:demo-gp-systems";
    public const string CouncilClient = "client:demo-council-cases";
    public const string SelfReferrer = "self-referral";

    /// <summary>The professionals who use the web form: social prescribing link workers, a practice nurse, a housing officer, a Citizens Advice caseworker.</summary>
    public static readonly string[] Professionals = ["priya.shah", "liam.fraser", "helen.marsh", "dan.okoro", "grace.adeyemi"];

    private static readonly string[] MaleNames = ["James", "Oliver", "Jack", "Harry", "George", "Thomas", "David", "Michael", "Paul", "Mark", "Steven", "Gary", "Peter", "Daniel", "Ryan", "Kevin", "Alan", "Brian", "Ian", "Keith"];
    private static readonly string[] FemaleNames = ["Olivia", "Amelia", "Emily", "Sophie", "Jessica", "Sarah", "Emma", "Claire", "Karen", "Susan", "Julie", "Nicola", "Lisa", "Joanne", "Margaret", "Jean", "Linda", "Patricia", "Hannah", "Chloe"];
    private static readonly string[] MinorityMaleNames = ["Mohammed", "Ahmed", "Ravi", "Arjun", "Kwame", "Chidi", "Tomasz", "Andrei", "Wei", "Yusuf"];
    private static readonly string[] MinorityFemaleNames = ["Aisha", "Fatima", "Priya", "Anjali", "Ama", "Ngozi", "Agnieszka", "Elena", "Mei", "Zainab"];
    private static readonly string[] FamilyNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Wright", "Green", "Hall", "Wood", "Clarke", "Turner", "Hill", "Cooper", "Ward", "Morris", "King", "Baker", "Harris", "Martin", "Cole", "Webb", "Barker", "Fisher"];
    private static readonly string[] MinorityFamilyNames = ["Khan", "Ahmed", "Patel", "Begum", "Hussain", "Okafor", "Mensah", "Adeyemi", "Kowalski", "Nowak", "Popescu", "Chen", "Ali", "Singh"];

    public static List<DemoReferral> Make(IReadOnlyList<DemoPerson> people, DemoJourneys journeys, DateTimeOffset now, Random random)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Enumerable.Range(1, Days).Select(k => today.AddDays(-k)).ToArray();
        var weights = days.Select((d, k) => (WorkingDays.IsWorkingDay(d) ? 1.0 : d.DayOfWeek == DayOfWeek.Saturday ? 0.25 : 0.15) * (1.2 - (0.4 * k / Days))).ToArray();
        var cumulative = new double[weights.Length];
        for (var k = 0; k < weights.Length; k++) cumulative[k] = weights[k] + (k > 0 ? cumulative[k - 1] : 0);

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<(DemoPerson Person, Referral Referral, Dictionary<string, AssessmentValue> Answers, DemoFhirResources.Ids Ids, string? Requester, DateTimeOffset Triaged)>();
        for (var n = 0; n < people.Count; n++)
        {
            var person = people[n];
            var k = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            var day = days[Math.Min(k < 0 ? ~k : k, days.Length - 1)];
            var (from, to) = person.Route == ReferralRoute.SelfReferral ? (7 * 60, 23 * 60) : (8 * 60, 18 * 60);
            var received = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(from, to)).AddSeconds(random.Next(60));
            var answers = DemoAnswers.For(person, random);
            var id = NewId(received, random);
            var ids = new DemoFhirResources.Ids(NewId(received, random).ToString(), NewId(received, random).ToString(), NewId(received, random).ToString(), NewId(received, random).ToString());
            var (referral, requester) = Referral(person, answers, id, ids, received, n + 1, random, numbers);
            drafts.Add((person, referral, answers, ids, requester, journeys.TriageTime(received)));
        }

        return [.. drafts.OrderBy(d => d.Triaged).ThenBy(d => d.Referral.Id).Select(d =>
        {
            var journey = journeys.Follow(d.Referral, d.Answers, d.Ids.Task, d.Ids.Patient, d.Requester, d.Triaged, at => NewId(at, random));
            var resources = DemoFhirResources.Make(d.Referral, d.Answers, d.Ids, d.Requester, d.Person.Route == ReferralRoute.Fhir ? d.Person.Practice?.Value : null);
            return new DemoReferral(new ReferralDraft(d.Referral, resources), d.Answers, d.Person.Lsoa.Code, d.Person.Lsoa.Core20, d.Person.Traits, journey);
        }).OrderBy(r => r.Draft.Referral.Received)];
    }

    private static (Referral Referral, string? Requester) Referral(DemoPerson person, Dictionary<string, AssessmentValue> answers, Guid id, DemoFhirResources.Ids ids, DateTimeOffset received, int number, Random random, HashSet<string> numbers)
    {
        var minority = person.Has(Core.Targeting.Population.Trait.EthnicMinority);
        var given = Pick(random, minority && random.NextDouble() < 0.8 ? person.Sex == Sex.Male ? MinorityMaleNames : MinorityFemaleNames : person.Sex == Sex.Male ? MaleNames : FemaleNames);
        var family = Pick(random, minority && random.NextDouble() < 0.8 ? MinorityFamilyNames : FamilyNames);
        var birth = DateOnly.FromDateTime(received.UtcDateTime).AddYears(-person.Age).AddDays(-random.Next(0, 365));
        var phone = $"07700 900{random.Next(1000):D3}";
        var reference = $"demo-{number:D6}";
        var fhir = person.Route == ReferralRoute.Fhir;
        var council = fhir && (person.Has(Core.Targeting.Population.Trait.Debt) || person.Has(Core.Targeting.Population.Trait.Homeless) || person.Has(Core.Targeting.Population.Trait.PoorHousing)) && random.NextDouble() < 0.6;
        var professional = person.Route == ReferralRoute.Professional ? Pick(random, Professionals) : null;
        var (system, value, by) = person.Route switch
        {
            ReferralRoute.Fhir => council ? (CouncilSystem, reference, CouncilClient) : (GpSystem, reference, GpClient),
            ReferralRoute.Professional => (FormSystem, $"{professional}/{reference}", professional!),
            _ => (FormSystem, $"self/{reference}", SelfReferrer),
        };
        var nhs = fhir || random.NextDouble() < (person.Route == ReferralRoute.Professional ? 0.7 : 0.35) ? Nhs(random, numbers) : null;
        var email = person.Route == ReferralRoute.SelfReferral && random.NextDouble() < 0.6 ? $"{given}.{family}{random.Next(10, 99)}@example.com".ToLowerInvariant() : null;
        var place = fhir ? person.Lsoa.Code : random.NextDouble() < 0.9 ? person.District : (AreaCode?)null;
        var referral = new Referral(id, system, value, person.Route, received, by, null, null, Reason(answers), new ReferralPerson(nhs, given, family, birth, fhir ? person.Sex == Sex.Male ? "male" : "female" : null,
            null, place, person.Route == ReferralRoute.SelfReferral && email is not null && random.NextDouble() < 0.5 ? null : phone, email), true, AssessmentAnswers.ToJson(answers));
        return (referral, person.Route == ReferralRoute.SelfReferral ? $"Patient/{ids.Patient}" : null);
    }

    /// <summary>The reason as a referrer writes it: the person's main needs in words.</summary>
    private static string Reason(IReadOnlyDictionary<string, AssessmentValue> answers)
    {
        var needs = HolisticAssessment.Score(answers, includeSwemwbs: true).Findings.OrderByDescending(f => f.Level).Take(3).Select(f => f.Need switch
        {
            Need.Smoking => "wants help to stop smoking",
            Need.Weight => "would like support to lose weight",
            Need.PhysicalActivity => "wants to be more active",
            Need.Alcohol => "worried about how much they drink",
            Need.Money => "struggling with money",
            Need.Debt => "worried about debt",
            Need.Employment => "wants help with work",
            Need.Housing => "worried about their home",
            Need.Loneliness => "feeling lonely and cut off",
            Need.Caring => "caring for a family member",
            Need.LongTermConditions => "finding their health conditions hard to manage",
            Need.Frailty => "getting less steady on their feet",
            Need.Environment => "a cold or damp home",
            _ => "low mood",
        }).ToList();
        if (needs.Count == 0) return "Would like a conversation about their wellbeing and what is on offer locally.";
        var text = string.Join("; ", needs);
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + ".";
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    /// <summary>An NHS number not given yet, from the range set aside for testing (999…), with its check digit.</summary>
    private static string Nhs(Random random, HashSet<string> given)
    {
        while (true)
        {
            var digits = "999" + random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var k = 0; k < 9; k++) sum += (digits[k] - '0') * (10 - k);
            var check = (11 - (sum % 11)) % 11;
            var number = digits + check.ToString(CultureInfo.InvariantCulture);
            if (check < 10 && NhsNumber.IsValid(number) && given.Add(number)) return number;
        }
    }

    /// <summary>A version 7 UUID for the moment, its random part from the seeded generator (so the demo's ids are the same each time).</summary>
    public static Guid NewId(DateTimeOffset at, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var k = 0; k < 6; k++) bytes[k] = (byte)(ms >> (8 * (5 - k)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
