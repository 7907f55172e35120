using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Application.Referrals;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;

namespace Commonweal.Web.Features.Referrals;

/// <summary>A problem with one field of a form: the words beside the field, and the words in the error summary (with the question when the field alone would not say which).</summary>
public sealed record FieldError(string Field, string Message, string Summary);

/// <summary>What a referral form offers to choose from: the ICS's districts and the directory's services.</summary>
public sealed record FormChoices(IReadOnlyList<IcsDistrict> Districts, IReadOnlySet<string> Services);

/// <summary>
/// A referral made on a web form — the professionals' or a resident's own. The posted fields are read and checked in
/// plain words (what FHIR cannot carry: a date typed as three boxes, a number that is not one, a way to contact, the
/// agreement), then made into the same transaction Bundle a referrer's system posts to <c>/fhir</c> (Patient,
/// ServiceRequest, QuestionnaireResponse, Consent) so that <see cref="ReferralBundle.Read"/> checks and stores it exactly as
/// it does theirs; any problem it finds is put back on the field its expression points at. Every problem is found at once.
/// </summary>
public sealed partial class FormReferral
{
    public const string GivenName = "given-name";
    public const string FamilyName = "family-name";
    public const string BirthDay = "dob-day";
    public const string BirthMonth = "dob-month";
    public const string BirthYear = "dob-year";
    public const string Nhs = "nhs-number";
    public const string Postcode = "postcode";
    public const string Place = "place";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Reason = "reason";
    public const string Reference = "reference";
    public const string Service = "service";
    public const string Agreed = "consent";

    /// <summary>A fresh value made when the form is shown: a resubmission of the same form (a refresh) is the same referral, not a second one.</summary>
    public const string Submission = "submission";

    /// <summary>A field people do not see and robots fill in: a form that comes back with it filled is not stored.</summary>
    public const string Honeypot = "website";

    public const int LongestName = 100;
    public const int LongestReason = 2000;
    public const int LongestReference = 64;

    private const string PatientUrl = "urn:uuid:00000000-0000-4000-8000-000000000001";
    private const string RequestUrl = "urn:uuid:00000000-0000-4000-8000-000000000002";
    private const string AnswersUrl = "urn:uuid:00000000-0000-4000-8000-000000000003";
    private const string ConsentUrl = "urn:uuid:00000000-0000-4000-8000-000000000004";

    private readonly Dictionary<string, string> values;
    private readonly List<FieldError> errors = [];
    private readonly Dictionary<string, AssessmentValue> answers = new(StringComparer.Ordinal);
    private DateOnly? birth;

    private FormReferral(bool professional, bool swemwbs, Dictionary<string, string> values)
    {
        Professional = professional;
        Swemwbs = swemwbs;
        this.values = values;
    }

    /// <summary>The form for professionals (words about "the person"), or a resident's own (words to "you").</summary>
    public bool Professional { get; }

    /// <summary>Whether the assessment includes SWEMWBS (the ICS holds its licence).</summary>
    public bool Swemwbs { get; }

    /// <summary>Every problem, in the order the fields are on the page.</summary>
    public IReadOnlyList<FieldError> Errors => errors;

    /// <summary>The filled-in honeypot: a robot's post, answered as if stored and stored nowhere.</summary>
    public bool IsRobot => Value(Honeypot).Length > 0;

    /// <summary>The assessment's sections as this form asks them.</summary>
    public IReadOnlyList<AssessmentSection> Sections => HolisticAssessment.Sections(Swemwbs);

    /// <summary>Whether a question is asked with radios: a choice, yes or no, or a whole number on a short scale (ONS4's 0 to 10, days of a week).</summary>
    public static bool AsRadios(AssessmentItem item) =>
        item.Kind is AnswerKind.Choice or AnswerKind.Boolean || (item.Kind == AnswerKind.Integer && item.Min is { } min && item.Max is { } max && max - min <= 10);

    /// <summary>The choices of a question asked with radios: its options, yes and no, or each number of its scale.</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices(AssessmentItem item) => item.Kind switch
    {
        AnswerKind.Choice => [.. item.Options.Select(o => (o.Code, o.Display))],
        AnswerKind.Boolean => [("yes", "Yes"), ("no", "No")],
        _ => [.. Enumerable.Range(item.Min ?? 0, (item.Max ?? 0) - (item.Min ?? 0) + 1).Select(n => (n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))],
    };

    /// <summary>The form's field for a question.</summary>
    public static string Question(string linkId) => "q-" + linkId;

    /// <summary>The form as first shown: empty, with a fresh submission value.</summary>
    public static FormReferral Empty(bool professional, bool swemwbs) =>
        new(professional, swemwbs, new(StringComparer.Ordinal) { [Submission] = TrackingReference.New() });

    /// <summary>What was typed, trimmed (kept and shown again when there is a problem).</summary>
    public string Value(string field) => values.TryGetValue(field, out var value) ? value : "";

    public string? Error(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    public bool HasError(params string[] fields) => errors.Any(e => fields.Contains(e.Field));

    /// <summary>The posted form read and checked: every problem the form itself can see (the rest are found in <see cref="Bundle"/>'s reading).</summary>
    public static FormReferral Read(IFormCollection form, bool professional, bool swemwbs, FormChoices choices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(choices);
        var values = form.Where(f => f.Key != "__RequestVerificationToken" && f.Key != "_handler")
            .ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal);
        var read = new FormReferral(professional, swemwbs, values);
        values[Submission] = TrackingReference.TryParse(read.Value(Submission), out var submission) ? submission : TrackingReference.New();
        read.Check(choices, today);
        return read;
    }

    private string You(string yours, string theirs) => Professional ? theirs : yours;

    private void Add(string field, string message, string? summary = null)
    {
        if (errors.Any(e => e.Field == field)) return;
        errors.Add(new FieldError(field, message, summary ?? message));
    }

    private void Check(FormChoices choices, DateOnly today)
    {
        Name(GivenName, "first name");
        Name(FamilyName, "last name");
        Birth(today);
        if (Value(Place) is { Length: > 0 } place && !choices.Districts.Any(d => d.Code.Value == place))
            Add(Place, You("Choose your area from the list", "Choose the area from the list"));

        var phone = Value(Phone);
        var email = Value(Email);
        if (phone.Length == 0 && email.Length == 0)
            Add(Phone, You("Enter a phone number or an email address, so that we can contact you", "Enter a phone number or an email address, so that the service can contact them"));
        if (phone.Length > 0 && !PhoneShape().IsMatch(PhoneNoise().Replace(phone, "")))
            Add(Phone, "Enter a phone number, like 01632 960 001 or 07700 900 982");
        if (email.Length > 0 && !EmailShape().IsMatch(email))
            Add(Email, "Enter an email address in the right format, like name@example.com");

        var reason = Value(Reason);
        if (reason.Length == 0) Add(Reason, You("Tell us what you would like help with", "Enter the reason for the referral"));
        else if (reason.Length > LongestReason) Add(Reason, $"{You("What you would like help with", "The reason")} must be {LongestReason:N0} characters or fewer");

        if (Professional)
        {
            if (Value(Reference).Length > LongestReference) Add(Reference, $"Your reference must be {LongestReference} characters or fewer");
            if (Value(Service) is { Length: > 0 } service && !choices.Services.Contains(service)) Add(Service, "Choose a service from the list");
        }

        Assessment();
        if (Value(Agreed) != "yes")
            Add(Agreed, You("Tick the box to say you agree to this referral", "Confirm that the person has agreed to this referral"));
        Order();
    }

    private void Name(string field, string words)
    {
        var name = Value(field);
        if (name.Length == 0) Add(field, You($"Enter your {words}", $"Enter their {words}"));
        else if (name.Length > LongestName) Add(field, $"The {words} must be {LongestName} characters or fewer");
    }

    private void Birth(DateOnly today)
    {
        var (date, error) = BirthDate(Value(BirthDay), Value(BirthMonth), Value(BirthYear), today, You("Enter your date of birth", "Enter their date of birth"));
        if (error is not null) Add(BirthDay, error);
        else birth = date;
    }

    /// <summary>A date of birth typed as day, month and year: the date, or what is wrong with it (<paramref name="missing"/> when nothing was typed).</summary>
    public static (DateOnly? Date, string? Error) BirthDate(string day, string month, string year, DateOnly today, string missing)
    {
        string[] parts = [day, month, year];
        if (parts.All(p => p.Length == 0)) return (null, missing);
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (numbers[2] is < 1900 or > 9999 || numbers[1] is < 1 or > 12 || numbers[0] < 1 || numbers[0] > DateTime.DaysInMonth(Math.Max(numbers[2], 1), Math.Clamp(numbers[1], 1, 12)))
            return (null, "Date of birth must be a real date, like 31 3 1980");
        var date = new DateOnly(numbers[2], numbers[1], numbers[0]);
        return date > today ? (null, "Date of birth must be in the past") : (date, null);
    }

    private void Assessment()
    {
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Sections.SelectMany(s => s.Items))
        {
            var text = Value(Question(item.LinkId));
            if (text.Length == 0) continue;
            AssessmentValue? value = item.Kind switch
            {
                AnswerKind.Choice => AssessmentValue.OfCode(text),
                AnswerKind.Boolean => text switch { "yes" => AssessmentValue.Of(true), "no" => AssessmentValue.Of(false), _ => null },
                AnswerKind.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? AssessmentValue.Of(whole) : null,
                _ => decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? AssessmentValue.Of(number) : null,
            };
            if (value is not null)
            {
                answers[item.LinkId] = value;
                continue;
            }

            unreadable.Add(item.LinkId);
            AddQuestion(item, item.Kind switch
            {
                AnswerKind.Boolean => "Choose yes or no",
                AnswerKind.Integer => "Enter a whole number, like 3",
                _ => "Enter a number, like 64.5",
            });
        }

        foreach (var problem in HolisticAssessment.Check(answers, Swemwbs).Problems.Where(p => !unreadable.Contains(p.LinkId)))
        {
            if (Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.LinkId == problem.LinkId) is not { } item) continue;
            var answered = answers.ContainsKey(item.LinkId);
            var number = item.Kind is AnswerKind.Integer or AnswerKind.Decimal;
            AddQuestion(item, (answered, item.Required) switch
            {
                (true, _) when AsRadios(item) => $"Choose a number from {item.Min} to {item.Max}",
                (true, _) when number => $"Enter a number from {item.Min} to {item.Max}",
                (true, _) => "Choose one of the answers",
                (false, true) when number && !AsRadios(item) => "Enter a number",
                (false, true) => "Choose an answer",
                _ => $"Answer this question too, or leave all {Sections.First(s => s.Items.Contains(item)).Items.Count} of these questions empty",
            });
        }
    }

    private void AddQuestion(AssessmentItem item, string message) => Add(Question(item.LinkId), message, $"{item.Text} {message}.");

    /// <summary>The problems in the order of the fields on the page, so the summary reads from the top.</summary>
    private void Order()
    {
        List<string> order = [GivenName, FamilyName, BirthDay, Nhs, Postcode, Place, Phone, Email, Reason, Reference, Service,
            .. Sections.SelectMany(s => s.Items).Select(i => Question(i.LinkId)), Agreed];
        var sorted = errors.OrderBy(e => order.IndexOf(e.Field) is var k and >= 0 ? k : int.MaxValue).ToList();
        errors.Clear();
        errors.AddRange(sorted);
    }

    /// <summary>
    /// The transaction Bundle a referrer's system would send for this form: the Patient, the ServiceRequest (identified in
    /// <see cref="FhirNames.FormReferralSystem"/> by <paramref name="identifier"/>), the assessment's QuestionnaireResponse
    /// and, when the person agreed, the Consent. <paramref name="requester"/> is the professional's name (none for a resident,
    /// who requests it for themself).
    /// </summary>
    public Bundle Bundle(string identifier, string? requester, DateTimeOffset now)
    {
        var patient = new Patient
        {
            Meta = new Meta { Profile = [FhirNames.UkCorePatient] },
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = Value(FamilyName), Given = [Value(GivenName)] }],
            BirthDate = birth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (Value(Nhs) is { Length: > 0 } nhs)
            patient.Identifier.Add(new Identifier(NhsNumber.System, NhsNumber.TryParse(nhs, out var digits, out _) ? digits : nhs));
        if (Value(Phone) is { Length: > 0 } phone) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        if (Value(Email) is { Length: > 0 } email) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        if (Value(Postcode).Length > 0 || Value(Place).Length > 0)
        {
            var postcode = Value(Postcode);
            var address = new Address { PostalCode = postcode.Length == 0 ? null : Postcodes.IsValid(postcode) ? Postcodes.Format(postcode) : postcode };
            if (Value(Place) is { Length: > 0 } place) address.Extension.Add(new Extension(FhirNames.PlaceExtension, new Code(place)));
            patient.Address.Add(address);
        }

        var request = new ServiceRequest
        {
            Meta = new Meta { Profile = [FhirNames.UkCoreServiceRequest] },
            Identifier = [new Identifier(FhirNames.FormReferralSystem, identifier)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference(PatientUrl),
            Code = Value(Service) is { Length: > 0 } service && Professional
                ? new CodeableConcept(FhirNames.ServiceSystem, service)
                : new CodeableConcept(FhirNames.Snomed, FhirNames.SocialPrescribingReferral, "Referral to social prescribing service"),
            ReasonCode = [new CodeableConcept { Text = Value(Reason) }],
            AuthoredOn = Timestamp(now),
            Requester = requester is null ? new ResourceReference(PatientUrl) : new ResourceReference { Display = requester },
            SupportingInfo = [new ResourceReference(AnswersUrl)],
        };

        var response = FhirAssessment.Response(answers, Swemwbs, PatientUrl, now);
        if (requester is null) response.Source = new ResourceReference(PatientUrl);
        else response.Author = new ResourceReference { Display = requester };

        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Transaction };
        bundle.Entry.Add(Entry(PatientUrl, patient));
        bundle.Entry.Add(Entry(RequestUrl, request));
        bundle.Entry.Add(Entry(AnswersUrl, response));
        if (Value(Agreed) == "yes")
        {
            bundle.Entry.Add(Entry(ConsentUrl, new Consent
            {
                Meta = new Meta { Profile = [FhirNames.UkCoreConsent] },
                Status = Consent.ConsentState.Active,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0")],
                Patient = new ResourceReference(PatientUrl),
                DateTime = Timestamp(now),
                PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
            }));
        }

        return bundle;
    }

    /// <summary>
    /// Sends the form's referral through the front door: made into its bundle, read as a system's is (its problems put on
    /// the fields) and, when nothing is wrong, committed. Null when there is a problem (see <see cref="Errors"/>).
    /// </summary>
    public async Task<IntakeResult?> SubmitAsync(ReferralIntake intake, ReferralSender sender, string identifier, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(sender);
        var bundle = Bundle(identifier, Professional ? sender.Name : null, now);
        var (_, draft, problems) = ReferralBundle.Read(bundle, sender, now);
        if (problems is not null) Add(problems, bundle);
        if (errors.Count > 0 || draft is null) return null;
        return await intake.SubmitAsync(draft, cancellationToken);
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Hl7.Fhir.Model.Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };

    /// <summary>
    /// The problems <see cref="ReferralBundle.Read"/> found in <paramref name="bundle"/> (as made by <see cref="Bundle"/>), each
    /// put on the field its expression points at — a question by where its item is — and left out where the form already
    /// says what is wrong with that field.
    /// </summary>
    public void Add(FhirProblems problems, Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(bundle);
        // Each expression's field, and the fields whose own problems already say it (a name missing is the first or last name's).
        var fields = new List<(string Expression, string Field)>
        {
            ("Bundle.entry[0].resource.identifier", Nhs),
            ("Bundle.entry[0].resource.name", GivenName),
            ("Bundle.entry[0].resource.birthDate", BirthDay),
            ("Bundle.entry[0].resource.address[0].postalCode", Postcode),
            ("Bundle.entry[0].resource.address[0].extension", Place),
            ("Bundle.entry[0].resource.telecom", Phone),
            ("Bundle.entry[1].resource.identifier", Professional ? Reference : GivenName),
            ("Bundle.entry[1].resource.code", Professional ? Service : GivenName),
            ("Bundle.entry[1].resource.reasonCode", Reason),
            ("Bundle.entry[3]", Agreed),
        };
        var covered = new Dictionary<string, string[]>(StringComparer.Ordinal) { [GivenName] = [GivenName, FamilyName], [Phone] = [Phone, Email] };
        var groups = ((QuestionnaireResponse)bundle.Entry[2].Resource!).Item;
        for (var g = 0; g < groups.Count; g++)
        {
            for (var i = 0; i < groups[g].Item.Count; i++)
                fields.Add(($"Bundle.entry[2].resource.item[{g}].item[{i}]", Question(groups[g].Item[i].LinkId ?? "")));
        }

        foreach (var item in Sections.SelectMany(s => s.Items))
            fields.Add(($"Bundle.entry[2].resource.repeat(item).where(linkId='{item.LinkId}')", Question(item.LinkId)));

        foreach (var issue in problems.Issues)
        {
            var expression = issue.Expression.FirstOrDefault() ?? "";
            var field = fields.Where(f => Within(expression, f.Expression)).OrderByDescending(f => f.Expression.Length).Select(f => f.Field).FirstOrDefault() ?? GivenName;
            if (!HasError(covered.TryGetValue(field, out var also) ? also : [field]))
                Add(field, field == Postcode ? "Enter a full UK postcode, like SS14 1AB" : (issue.Diagnostics ?? "This could not be taken").TrimEnd('.'));
        }

        Order();
    }

    private static bool Within(string expression, string prefix) =>
        expression.StartsWith(prefix, StringComparison.Ordinal) && (expression.Length == prefix.Length || expression[prefix.Length] is '.' or '[');

    /// <summary>The day a referral received at <paramref name="received"/> must be contacted by (5 working days, as the case's service level says).</summary>
    public static DateOnly ContactBy(DateTimeOffset received) => CaseSla.ContactWithinFiveWorkingDays.Deadline(Core.EnglandDate.On(received));


    // A UK number: 0 and 9 or 10 digits, or +44 and 9 or 10; the spaces, dashes and brackets people write are ignored.
    [GeneratedRegex(@"^(\+44|0)[0-9]{9,10}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex PhoneNoise();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
