// Firely's model makes every element nullable; a test that reads one that is missing fails, which is what it should do.
#nullable disable warnings

using System.Net;
using System.Text;
using AngleSharp.Dom;
using Commonweal.Application.Referrals;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.Web.Features.Referrals;
using Commonweal.Web.Tests.Support;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commonweal.Web.Tests.Referrals.AssessmentResponses;
using static Commonweal.Web.Tests.Referrals.ReferralBundles;
using Task = System.Threading.Tasks.Task;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>
/// The referral forms, posted as a browser posts them (no JavaScript): a resident's self-referral and a professional's
/// referral each store one referral — the same Patient, ServiceRequest, QuestionnaireResponse and Consent a system's FHIR
/// bundle makes — with a Task; every problem is in the error summary, linked to its field, with the values kept and
/// nothing stored; the resident's confirmation gives nothing away; and only those who may refer see the professionals' form.
/// </summary>
public abstract class ReferralFormTests(WebFixture platform)
{
    private const string Self = "/refer/self";
    private const string Pro = "/refer";
    private const string Status = "/refer/status";

    private string District => platform.Factory.Services.GetRequiredService<IcsDefinition>().Districts[0].Code.Value;

    /// <summary>A complete form for a person whose last name is unique to the test, so their referral can be found.</summary>
    private Dictionary<string, string> Good(string family) => new(GoodFields())
    {
        [FormReferral.GivenName] = "Ada",
        [FormReferral.FamilyName] = family,
        [FormReferral.BirthDay] = "12",
        [FormReferral.BirthMonth] = "4",
        [FormReferral.BirthYear] = "1968",
        [FormReferral.Nhs] = "943 476 5919",
        [FormReferral.Postcode] = "ss14 1ab",
        [FormReferral.Place] = District,
        [FormReferral.Phone] = "07700 900123",
        [FormReferral.Email] = "",
        [FormReferral.Reason] = "Low mood since losing her job; would like help with money and getting active",
        [FormReferral.Agreed] = "yes",
    };

    private static string Unique() => "Okafor" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<Referral>> ReferralsOfAsync(string family)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Referrals.AsNoTracking().Where(r => r.Person.FamilyName == family).ToListAsync();
    }

    private async Task<Dictionary<string, string>> ResourcesOfAsync(Guid referral)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().FhirResources.AsNoTracking().Where(r => r.Referral == referral).ToListAsync();
        return rows.ToDictionary(r => r.Type, r => Encoding.UTF8.GetString(r.Json));
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, path, form, fields);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_resident_refers_themself_and_one_referral_is_stored_with_its_assessment_consent_and_Task()
    {
        var family = Unique();

        var (response, page) = await PostAsync(platform.Factory.Client(), Self, "self-referral", Good(family));

        Assert.True(response.StatusCode == HttpStatusCode.OK, page.QuerySelector("[data-testid=error-summary]")?.TextContent);
        Assert.Contains("We have your referral", page.Text("confirmation"), StringComparison.Ordinal);
        var referral = Assert.Single(await ReferralsOfAsync(family));
        Assert.Equal(ReferralRoute.SelfReferral, referral.Route);
        Assert.Equal("self-referral", referral.ReferredBy);
        Assert.Equal(FhirNames.FormReferralSystem, referral.IdentifierSystem);
        Assert.True(referral.ConsentGiven);
        Assert.Equal(("Ada", new DateOnly(1968, 4, 12), "9434765919", "SS14 1AB", "07700 900123"),
            (referral.Person.GivenName, referral.Person.BirthDate, referral.Person.NhsNumber, referral.Person.Postcode, referral.Person.Phone));
        Assert.Equal(District, referral.Person.Place?.Value);
        Assert.StartsWith("Low mood", referral.Reason, StringComparison.Ordinal);
        var resources = await ResourcesOfAsync(referral.Id);
        Assert.Equal(["Consent", "Patient", "QuestionnaireResponse", "ServiceRequest", "Task"], resources.Keys.Order(StringComparer.Ordinal));

        // What happens next, by when, and the reference that finds the referral with the date of birth — nothing that would
        // let anyone read the referral without it.
        var deadline = FormReferral.ContactBy(referral.Received);
        Assert.Contains(Format.Date(deadline), page.Text("next"), StringComparison.Ordinal);
        Assert.Equal(TrackingReference.Display(referral.IdentifierValue["self/".Length..]), page.Text("reference"));
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(referral.Id.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(referral.IdentifierValue, html, StringComparison.OrdinalIgnoreCase);
        foreach (var id in resources.Values.Select(json => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()))
            Assert.DoesNotContain(id, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_resident_follows_their_referral_with_its_reference_and_date_of_birth_and_nothing_else_finds_it()
    {
        var family = Unique();
        var (_, confirmation) = await PostAsync(platform.Factory.Client(), Self, "self-referral", Good(family));
        var reference = confirmation.Text("reference");
        var referral = Assert.Single(await ReferralsOfAsync(family));
        Dictionary<string, string> Look(string typed, string year = "1968") => new() { ["reference"] = typed, ["dob-day"] = "12", ["dob-month"] = "4", ["dob-year"] = year };

        var (found, page) = await PostAsync(platform.Factory.Client(), Status, "referral-status", Look(reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        var (_, wrongBirth) = await PostAsync(platform.Factory.Client(), Status, "referral-status", Look(reference, "1969"));
        var (_, otherReference) = await PostAsync(platform.Factory.Client(), Status, "referral-status", Look(TrackingReference.New()));
        var (malformed, malformedPage) = await PostAsync(platform.Factory.Client(), Status, "referral-status", Look("12345"));
        var (empty, emptyPage) = await PostAsync(platform.Factory.Client(), Status, "referral-status", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("We have your referral.", page.Text("now"));
        Assert.Contains("Hello Ada", page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(family, page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.NotNull(wrongBirth.QuerySelector("[data-testid=not-found]"));
        Assert.NotNull(otherReference.QuerySelector("[data-testid=not-found]"));
        Assert.Null(wrongBirth.QuerySelector("[data-testid=now]"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("12 letters and numbers", malformedPage.Text("error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter your reference", emptyPage.Text("error-summary"), StringComparison.Ordinal);
        Assert.Contains("Enter your date of birth", emptyPage.Text("error-summary"), StringComparison.Ordinal);

        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
            var coordinator = new ReferralViewer("coordinator", [Roles.VolunteerCoordinator], null);
            Assert.IsType<CaseWork.Result.Done>(await work.MoveAsync(referral.Id, CaseStatus.Declined, "You live outside the area we cover; your GP can refer you locally.", coordinator,
                cancellationToken: TestContext.Current.CancellationToken));
            var audit = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Audit.AsNoTracking();
            Assert.Equal(1, await audit.CountAsync(a => a.Action == "referral.status-read" && a.EntityKey == referral.Id.ToString(), TestContext.Current.CancellationToken));
            Assert.True(await audit.CountAsync(a => a.Action == "referral.status-miss", TestContext.Current.CancellationToken) >= 2);
        }

        var (_, declined) = await PostAsync(platform.Factory.Client(), Status, "referral-status", Look(reference));
        Assert.Equal("We could not take your referral.", declined.Text("now"));
        Assert.Equal("You live outside the area we cover; your GP can refer you locally.", declined.Text("outcome"));
        Assert.Equal(2, declined.QuerySelectorAll("[data-testid=steps] li").Length);
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_one_referral()
    {
        var family = Unique();
        var fields = Good(family);
        fields[FormReferral.Submission] = TrackingReference.New();

        var first = await Forms.PostAsync(platform.Factory.Client(), Self, "self-referral", fields);
        var again = await Forms.PostAsync(platform.Factory.Client(), Self, "self-referral", fields);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Single(await ReferralsOfAsync(family));
    }

    [Fact]
    public async Task A_form_with_the_hidden_field_filled_in_looks_sent_and_stores_nothing()
    {
        var family = Unique();
        var fields = Good(family);
        fields[FormReferral.Honeypot] = "https://spam.example";

        var (response, page) = await PostAsync(platform.Factory.Client(), Self, "self-referral", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=confirmation]"));
        Assert.Empty(await ReferralsOfAsync(family));
    }

    [Fact]
    public async Task A_professional_refers_someone_with_their_own_reference_and_a_repeat_of_it_stores_nothing_new()
    {
        var (referrer, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var family = Unique();
        var fields = Good(family);
        fields[FormReferral.Reference] = "CASE-" + family;

        var (response, page) = await PostAsync(referrer, Pro, "referral", fields);

        Assert.True(response.StatusCode == HttpStatusCode.OK, page.QuerySelector("[data-testid=error-summary]")?.TextContent);
        Assert.Equal("CASE-" + family, page.Text("reference"));
        var referral = Assert.Single(await ReferralsOfAsync(family));
        Assert.Equal((ReferralRoute.Professional, name, $"{name}/CASE-{family}", true), (referral.Route, referral.ReferredBy, referral.IdentifierValue, referral.ConsentGiven));
        Assert.Contains(Format.Date(FormReferral.ContactBy(referral.Received)), page.Text("next"), StringComparison.Ordinal);
        var resources = await ResourcesOfAsync(referral.Id);
        Assert.Equal(name, Parse<ServiceRequest>(resources["ServiceRequest"]).Requester.Display);
        Assert.Equal(name, Parse<QuestionnaireResponse>(resources["QuestionnaireResponse"]).Author.Display);
        Assert.Contains("Task", resources.Keys);

        var (repeat, again) = await PostAsync(referrer, Pro, "referral", fields);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.NotNull(again.QuerySelector("[data-testid=repeat]"));
        Assert.Single(await ReferralsOfAsync(family));
    }

    [Fact]
    public async Task Without_a_reference_a_professionals_referral_gets_one_of_its_own()
    {
        var (referrer, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.VolunteerCoordinator);
        var family = Unique();

        var (response, page) = await PostAsync(referrer, Pro, "referral", Good(family));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var referral = Assert.Single(await ReferralsOfAsync(family));
        Assert.Equal($"{name}/{page.Text("reference")}", referral.IdentifierValue);
        Assert.True(TrackingReference.TryParse(page.Text("reference"), out var made) && made == page.Text("reference"), page.Text("reference"));
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "no first name", FormReferral.GivenName, "", "Enter your first name" },
        { "a date that is not real", FormReferral.BirthMonth, "2x", "real date" },
        { "the 31st of February", FormReferral.BirthDay, "31", "real date" },
        { "a bad NHS number", FormReferral.Nhs, "943 476 5918", "is not an NHS number" },
        { "a bad postcode", FormReferral.Postcode, "XYZ", "Enter a full UK postcode" },
        { "no way to contact", FormReferral.Phone, "", "phone number or an email address" },
        { "no agreement", FormReferral.Agreed, "", "agree" },
        { "ONS4 out of range", FormReferral.Question(Ons4.LifeSatisfactionLinkId), "12", "from 0 to 10" },
        { "a required question left out", FormReferral.Question("smoking"), "", "Choose an answer" },
        { "weight not a number", FormReferral.Question("weight-kg"), "twelve stone", "Enter a number" },
        { "an area not of the ICS", FormReferral.Place, "E09000001", "from the list" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_is_in_the_error_summary_linked_to_its_field_with_the_values_kept_and_nothing_stored(string what, string field, string value, string words)
    {
        var family = Unique();
        var fields = Good(family);
        if (field == FormReferral.Phone) fields[FormReferral.Email] = "";
        if (field == FormReferral.BirthDay) fields[FormReferral.BirthMonth] = "2";
        fields[field] = value;
        var anchor = field is FormReferral.BirthMonth or FormReferral.BirthDay ? FormReferral.BirthDay : field;

        var (response, page) = await PostAsync(platform.Factory.Client(), Self, "self-referral", fields);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector("[data-testid=error-summary]");
        Assert.NotNull(summary);
        var link = summary.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == "#" + anchor);
        Assert.True(link is not null, $"{what}: no link to #{anchor} in: {Html.Normalise(summary.TextContent)}");
        Assert.Contains(words, link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById(anchor));
        Assert.Contains(words, page.GetElementById(anchor + "-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Empty(await ReferralsOfAsync(family));

        // Every other value is kept.
        Assert.Equal(family, page.GetElementById(FormReferral.FamilyName)?.GetAttribute("value"));
        Assert.Equal("1968", page.GetElementById(FormReferral.BirthYear)?.GetAttribute("value"));
        Assert.Contains("Low mood", page.GetElementById(FormReferral.Reason)?.TextContent, StringComparison.Ordinal);
        if (field != FormReferral.Question("smoking")) Assert.Equal("yes-want-to-quit", page.QuerySelector("input[name=q-smoking][checked]")?.GetAttribute("value"));
        if (field != FormReferral.Agreed) Assert.NotNull(page.QuerySelector("#consent[checked]"));
    }

    [Fact]
    public async Task Every_mistake_at_once_is_listed_in_the_order_of_the_page()
    {
        var fields = Good(Unique());
        fields[FormReferral.GivenName] = "";
        fields[FormReferral.Nhs] = "123";
        fields[FormReferral.Agreed] = "";

        var (response, page) = await PostAsync(platform.Factory.Client(), Self, "self-referral", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#given-name", "#nhs-number", "#consent"], page.QuerySelectorAll("[data-testid=error-summary] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_stored_resources_have_the_shape_of_a_referral_sent_over_FHIR()
    {
        var (referrer, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var family = Unique();
        var (formed, formPage) = await PostAsync(referrer, Pro, "referral", Good(family));
        Assert.True(formed.StatusCode == HttpStatusCode.OK, formPage.QuerySelector("[data-testid=error-summary]")?.TextContent);

        // The same person sent by a system.
        var bundle = Referral("R-" + Guid.NewGuid().ToString("N")[..12]);
        var patient = (Patient)bundle.Entry[0].Resource;
        patient.Name[0].Family = family + "F";
        patient.Address[0].PostalCode = "SS14 1AB";
        patient.Address[0].Extension.Add(new Extension(FhirNames.PlaceExtension, new Code(District)));
        var posted = await referrer.PostAsync("/fhir", new StringContent(Json(WithResponse(bundle, Response("urn:uuid:6f1b7d0e-0000-4000-8000-000000000001"))), Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var viaForm = Assert.Single(await ReferralsOfAsync(family));
        var viaFhir = Assert.Single(await ReferralsOfAsync(family + "F"));
        Assert.Equal(viaFhir.Person with { FamilyName = family, Gender = null }, viaForm.Person);
        Assert.Equal((viaFhir.Reason, viaFhir.ConsentGiven, viaFhir.RequestedService), (viaForm.Reason, viaForm.ConsentGiven, viaForm.RequestedService));
        var form = await ResourcesOfAsync(viaForm.Id);
        var fhir = await ResourcesOfAsync(viaFhir.Id);
        Assert.Equal(fhir.Keys.Order(), form.Keys.Order());

        var (p1, p2) = (Parse<Patient>(form["Patient"]), Parse<Patient>(fhir["Patient"]));
        Assert.Equal(p2.Identifier.Select(i => (i.System, i.Value)), p1.Identifier.Select(i => (i.System, i.Value)));
        Assert.Equal((p2.BirthDate, p2.Name[0].Given.Single()), (p1.BirthDate, p1.Name[0].Given.Single()));
        Assert.Equal(p2.Telecom.Select(t => (t.System, t.Value)), p1.Telecom.Select(t => (t.System, t.Value)));
        Assert.Equal((p2.Address[0].PostalCode, ((Code)p2.Address[0].GetExtension(FhirNames.PlaceExtension).Value).Value),
            (p1.Address[0].PostalCode, ((Code)p1.Address[0].GetExtension(FhirNames.PlaceExtension).Value).Value));
        Assert.Equal(p2.Meta.Profile, p1.Meta.Profile);

        var (s1, s2) = (Parse<ServiceRequest>(form["ServiceRequest"]), Parse<ServiceRequest>(fhir["ServiceRequest"]));
        Assert.Equal((s2.Status, s2.Intent, s2.Code.Coding[0].System, s2.Code.Coding[0].Code, s2.ReasonCode[0].Text), (s1.Status, s1.Intent, s1.Code.Coding[0].System, s1.Code.Coding[0].Code, s1.ReasonCode[0].Text));
        Assert.Equal($"Patient/{p1.Id}", s1.Subject.Reference);
        Assert.Equal($"Patient/{p2.Id}", s2.Subject.Reference);
        Assert.Equal(FhirNames.FormReferralSystem, s1.Identifier[0].System);
        Assert.Equal(s2.Meta.Profile, s1.Meta.Profile);

        var (q1, q2) = (Parse<QuestionnaireResponse>(form["QuestionnaireResponse"]), Parse<QuestionnaireResponse>(fhir["QuestionnaireResponse"]));
        Assert.Equal((q2.Questionnaire, q2.Status), (q1.Questionnaire, q1.Status));
        Assert.Equal($"Patient/{p1.Id}", q1.Subject.Reference);
        Assert.Equal(q2.Item.Select(g => g.LinkId), q1.Item.Select(g => g.LinkId));
        Assert.Equal(Answers(q2), Answers(q1));

        var (c1, c2) = (Parse<Consent>(form["Consent"]), Parse<Consent>(fhir["Consent"]));
        Assert.Equal((c2.Status, c2.Scope.Coding[0].Code, c2.Category[0].Coding[0].Code), (c1.Status, c1.Scope.Coding[0].Code, c1.Category[0].Coding[0].Code));
        Assert.Equal($"Patient/{p1.Id}", c1.Patient.Reference);
    }

    private static List<(string, string, string)> Answers(QuestionnaireResponse response) =>
        [.. response.Item.SelectMany(g => g.Item).Select(i => (i.LinkId, i.Answer[0].Value.TypeName, i.Answer[0].Value is Coding c ? $"{c.System}|{c.Code}" : i.Answer[0].Value.ToString()))];

    [Fact]
    public async Task Anyone_may_open_the_self_referral_form_and_it_works_without_JavaScript()
    {
        var page = await Html.GetAsync(platform.Factory.Client(), Self);

        var form = page.QuerySelector("form[data-testid=self-referral-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("input[name=_handler][value=self-referral]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        foreach (var item in HolisticAssessment.Sections(false).SelectMany(s => s.Items))
            Assert.NotNull(form.QuerySelector($"[name={FormReferral.Question(item.LinkId)}]"));
        Assert.Contains("I agree to this referral and to my details being shared with the services that will support me", form.TextContent, StringComparison.Ordinal);
        Assert.Equal(11, form.QuerySelectorAll($"input[name={FormReferral.Question(Ons4.LifeSatisfactionLinkId)}][type=radio]").Length);
        Assert.Null(page.QuerySelector("[data-testid=error-summary]"));
    }

    [Fact]
    public async Task Only_those_who_may_refer_open_the_professionals_form_and_see_it_in_the_menu()
    {
        var anonymous = await platform.Factory.Client().GetAsync(Pro);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Analyst, Roles.Commissioner })
        {
            var (client, _) = await platform.Factory.SignedInAsNewUserAsync(role);
            var refused = await client.GetAsync(Pro);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(refused.Headers.Location)).StatusCode);
            Assert.Null((await Html.GetAsync(client, Self)).QuerySelector("nav a[href='/refer']"));
        }

        var (referrer, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        var page = await Html.GetAsync(referrer, Pro);
        Assert.NotNull(page.QuerySelector("nav a[href='/refer']"));
        Assert.Contains("The person has agreed to this referral", page.QuerySelector("form[data-testid=referral-form]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("footer a[href='/refer/self']"));
        Assert.Equal(HttpStatusCode.OK, (await platform.Factory.Client().GetAsync(Self)).StatusCode);
    }
}

public sealed class SqliteReferralFormTests(SqlitePublicPlatform platform) : ReferralFormTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresReferralFormTests(PostgresPublicPlatform platform) : ReferralFormTests(platform), IClassFixture<PostgresPublicPlatform>;
