// Firely's model makes every element nullable; a test that reads one that is missing fails, which is what it should do.
#nullable disable warnings

using System.Net;
using System.Text;
using Commonweal.Core.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.Web.Features.Referrals;
using Commonweal.Web.Tests.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commonweal.Web.Tests.Referrals.AssessmentResponses;
using static Commonweal.Web.Tests.Referrals.ReferralBundles;
using Task = System.Threading.Tasks.Task;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>
/// The holistic assessment in FHIR: the Questionnaire served to anyone, as Firely reads it, with every question of the
/// assessment (types, options, bounds, SWEMWBS's scores only when licensed); a QuestionnaireResponse's answers read
/// whether grouped or flat; and each kind of problem with it an issue at its expression — directly and through POST /fhir,
/// where a bad response is a 422 and stores nothing.
/// </summary>
public abstract class FhirAssessmentTests(WebFixture platform)
{
    private const string PatientUrl = "urn:uuid:6f1b7d0e-0000-4000-8000-000000000001";
    private const string At = "Bundle.entry[2].resource";

    private static IEnumerable<Questionnaire.ItemComponent> Questions(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => i.Type is Questionnaire.QuestionnaireItemType.Group or Questionnaire.QuestionnaireItemType.Display ? Questions(i.Item) : [i]);

    [Fact]
    public async Task The_Questionnaire_is_served_to_anyone_and_round_trips_through_Firely()
    {
        var response = await platform.Factory.Client().GetAsync("/fhir/Questionnaire/holistic-assessment", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var questionnaire = Parse<Questionnaire>(body);
        Assert.True(questionnaire.IsExactly(FhirAssessment.Definition(false)), "the served Questionnaire differs from the one made");
        Assert.True(Parse<Questionnaire>(questionnaire.ToJson()).IsExactly(questionnaire), "the Questionnaire does not survive being written and read again");
        Assert.Equal((HolisticAssessment.Url, HolisticAssessment.Version, PublicationStatus.Active), (questionnaire.Url, questionnaire.Version, questionnaire.Status));
        Assert.Equal(HolisticAssessment.Sections(false).SelectMany(s => s.Items).Select(i => i.LinkId), Questions(questionnaire.Item).Select(i => i.LinkId));
        Assert.Equal(FhirAssessment.GroupLinkIds(false), questionnaire.Item.Select(g => g.LinkId));
        Assert.DoesNotContain(Questions(questionnaire.Item), i => i.LinkId.StartsWith("swemwbs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_question_has_its_type_options_required_flag_and_bounds()
    {
        var questions = Questions(FhirAssessment.Definition(true).Item).ToDictionary(i => i.LinkId);

        foreach (var item in HolisticAssessment.Sections(true).SelectMany(s => s.Items))
        {
            var question = questions[item.LinkId];
            Assert.Equal(item.Kind.ToString(), question.Type.ToString());
            Assert.Equal(item.Required, question.Required ?? false);
            Assert.Equal(item.Options.Select(o => (FhirAssessment.AnswerSystem, o.Code, o.Display)),
                question.AnswerOption.Select(o => (Coding)o.Value).Select(c => (c.System, c.Code, c.Display)));
        }

        var satisfied = questions[Ons4.LifeSatisfactionLinkId];
        Assert.Equal(Questionnaire.QuestionnaireItemType.Integer, satisfied.Type);
        Assert.Equal(0, ((Integer)satisfied.GetExtension("http://hl7.org/fhir/StructureDefinition/minValue").Value).Value);
        Assert.Equal(10, ((Integer)satisfied.GetExtension("http://hl7.org/fhir/StructureDefinition/maxValue").Value).Value);
        Assert.Equal(350m, ((FhirDecimal)questions["weight-kg"].GetExtension("http://hl7.org/fhir/StructureDefinition/maxValue").Value).Value);
        var scores = questions["swemwbs-1"].AnswerOption.Select(o => ((FhirDecimal)o.Value.GetExtension("http://hl7.org/fhir/StructureDefinition/ordinalValue").Value).Value);
        Assert.Equal([1m, 2m, 3m, 4m, 5m], scores);
    }

    [Fact]
    public async Task The_CapabilityStatement_says_the_Questionnaire_is_read()
    {
        var statement = Parse<CapabilityStatement>(await platform.Factory.Client().GetStringAsync("/fhir/metadata", TestContext.Current.CancellationToken));

        var questionnaire = Assert.Single(statement.Rest[0].Resource, r => r.Type == "Questionnaire");
        Assert.Contains(questionnaire.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Good_answers_grouped_or_flat_are_read_by_linkId(bool nested)
    {
        var read = FhirAssessment.Read(Response(PatientUrl, nested), At, includeSwemwbs: false);

        Assert.Empty(read.Issues);
        Assert.Equal(Good.Count, read.Answers.Count);
        Assert.Equal(AssessmentValue.OfCode("yes-want-to-quit"), read.Answers["smoking"]);
        Assert.Equal(AssessmentValue.Of(82.5m), read.Answers["weight-kg"]);
        Assert.Equal(AssessmentValue.Of(false), read.Answers["caring"]);
        Assert.Equal(AssessmentValue.Of(4), read.Answers[Ons4.LifeSatisfactionLinkId]);
        Assert.True(HolisticAssessment.Check(read.Answers, false).IsValid);
    }

    private static readonly (string What, string Kind, OperationOutcome.IssueType Code, string Expression)[] Cases =
    [
        ("another questionnaire", "questionnaire", OperationOutcome.IssueType.Value, At + ".questionnaire"),
        ("another version", "version", OperationOutcome.IssueType.Value, At + ".questionnaire"),
        ("no questionnaire", "none", OperationOutcome.IssueType.Required, At + ".questionnaire"),
        ("an unknown linkId", "unknown", OperationOutcome.IssueType.NotFound, At + ".item[5].linkId"),
        ("SWEMWBS not licensed", "swemwbs", OperationOutcome.IssueType.NotFound, At + ".item[5].linkId"),
        ("a string answer", "string", OperationOutcome.IssueType.Value, $"{At}.{PathOf("smoking")}.answer[0]"),
        ("a number for yes or no", "kind", OperationOutcome.IssueType.Value, $"{At}.{PathOf("caring")}.answer[0]"),
        ("a coding of another system", "system", OperationOutcome.IssueType.CodeInvalid, $"{At}.{PathOf("money")}.answer[0].valueCoding.system"),
        ("a code that is not an option", "code", OperationOutcome.IssueType.Value, $"{At}.{PathOf("money")}.answer[0]"),
        ("ONS4 out of range", "ons4", OperationOutcome.IssueType.Value, $"{At}.{PathOf(Ons4.LifeSatisfactionLinkId)}.answer[0]"),
        ("a required question left out", "missing", OperationOutcome.IssueType.Required, $"{At}.repeat(item).where(linkId='debt')"),
        ("ONS4 partly answered", "partial", OperationOutcome.IssueType.Required, $"{At}.repeat(item).where(linkId='{Ons4.AnxiousLinkId}')"),
        ("a question answered twice", "twice", OperationOutcome.IssueType.Duplicate, At + ".item[0].item[5]"),
    ];

    public static TheoryData<string, string, OperationOutcome.IssueType, string> Problems()
    {
        var data = new TheoryData<string, string, OperationOutcome.IssueType, string>();
        foreach (var (what, kind, code, expression) in Cases) data.Add(what, kind, code, expression);
        return data;
    }

    /// <summary>The good response with one thing wrong.</summary>
    private static QuestionnaireResponse Bad(string kind)
    {
        static List<(string, DataType)> Set(List<(string LinkId, DataType Value)> answers, string linkId, DataType value) =>
            [.. answers.Select(a => a.LinkId == linkId ? (a.LinkId, value) : (a.LinkId, a.Value))];

        var response = kind switch
        {
            "string" => Response(PatientUrl, change: a => Set(a, "smoking", new FhirString("yes"))),
            "kind" => Response(PatientUrl, change: a => Set(a, "caring", new Integer(1))),
            "system" => Response(PatientUrl, change: a => Set(a, "money", new Coding("http://example.org/other", "struggling"))),
            "code" => Response(PatientUrl, change: a => Set(a, "money", Choice("rich"))),
            "ons4" => Response(PatientUrl, change: a => Set(a, Ons4.LifeSatisfactionLinkId, new Integer(12))),
            "missing" => Response(PatientUrl, change: a => [.. a.Where(x => x.LinkId != "debt")]),
            "partial" => Response(PatientUrl, change: a => [.. a.Where(x => x.LinkId != Ons4.AnxiousLinkId)]),
            "unknown" => Response(PatientUrl, change: a => [.. a, ("shoe-size", new Integer(9))]),
            "swemwbs" => Response(PatientUrl, change: a => [.. a, ("swemwbs-1", Choice("often"))]),
            "twice" => Response(PatientUrl, change: a => [.. a, ("smoking", Choice("never"))]),
            _ => Response(PatientUrl),
        };
        response.Questionnaire = kind switch
        {
            "questionnaire" => "https://example.org/Questionnaire/phq-9",
            "version" => HolisticAssessment.Url + "|2",
            "none" => null,
            _ => response.Questionnaire,
        };
        return response;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_problem_with_a_response_is_an_issue_at_its_expression(string what, string kind, OperationOutcome.IssueType code, string expression)
    {
        var read = FhirAssessment.Read(Bad(kind), At, includeSwemwbs: false);

        var issue = read.Issues.FirstOrDefault(i => i.Expression.Contains(expression));
        Assert.True(issue is not null, $"{what}: no issue at {expression}; the issues: {string.Join("; ", read.Issues.Select(i => $"{i.Expression.FirstOrDefault()} {i.Diagnostics}"))}");
        Assert.Equal(code, issue.Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public void SWEMWBS_is_read_when_licensed()
    {
        var read = FhirAssessment.Read(Response(PatientUrl, change: a => [.. a, .. Enumerable.Range(1, 7).Select(k => (Swemwbs.LinkId(k), (DataType)Choice("often")))]), At, includeSwemwbs: true);

        Assert.Empty(read.Issues);
        Assert.Equal(AssessmentValue.OfCode("often"), read.Answers["swemwbs-7"]);
    }

    [Fact]
    public async Task A_referral_with_its_assessment_is_stored_and_the_draft_carries_the_answers()
    {
        var (referrer, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var identifier = "R-" + Guid.NewGuid().ToString("N")[..12];

        var posted = await referrer.PostAsync("/fhir", Fhir(WithResponse(Referral(identifier), Response(PatientUrl))), TestContext.Current.CancellationToken);

        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var stored = await StoredAsync(identifier, "QuestionnaireResponse");
        var response = Parse<QuestionnaireResponse>(stored);
        Assert.Equal(FhirAssessment.Canonical, response.Questionnaire);
        Assert.StartsWith("Patient/", response.Subject.Reference, StringComparison.Ordinal);

        var sender = new ReferralSender("a-system", null, ReferralRoute.Fhir, new HashSet<string>());
        var (_, draft, problems) = ReferralBundle.Read(WithResponse(Referral("R-draft"), Response(PatientUrl)), sender, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Null(problems);
        var answers = AssessmentAnswers.FromJson(draft.Referral.Answers);
        Assert.Equal(Good.Count, answers.Count);
        Assert.Equal(AssessmentValue.OfCode("often-always"), answers["loneliness"]);
    }

    [Theory]
    [InlineData("ons4")]
    [InlineData("unknown")]
    [InlineData("questionnaire")]
    [InlineData("missing")]
    public async Task A_referral_whose_assessment_has_a_problem_is_422_at_its_expression_and_stores_nothing(string kind)
    {
        var (referrer, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Referrer);
        var identifier = "R-" + Guid.NewGuid().ToString("N")[..12];
        var expected = Cases.Single(c => c.Kind == kind).Expression;

        var posted = await referrer.PostAsync("/fhir", Fhir(WithResponse(Referral(identifier), Bad(kind))), TestContext.Current.CancellationToken);

        var body = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(posted.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var outcome = Parse<OperationOutcome>(body);
        Assert.Contains(outcome.Issue, i => i.Expression.Contains(expected));
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Referrals.CountAsync(r => r.IdentifierValue == identifier, TestContext.Current.CancellationToken));
    }

    private static StringContent Fhir(Bundle bundle) => new(Json(bundle), Encoding.UTF8, "application/fhir+json");

    private async Task<string> StoredAsync(string identifier, string type)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.IdentifierValue == identifier);
        var resource = await db.FhirResources.AsNoTracking().SingleAsync(r => r.Referral == referral.Id && r.Type == type);
        return Encoding.UTF8.GetString(resource.Json);
    }
}

public sealed class SqliteFhirAssessmentTests(SqlitePublicPlatform platform) : FhirAssessmentTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresFhirAssessmentTests(PostgresPublicPlatform platform) : FhirAssessmentTests(platform), IClassFixture<PostgresPublicPlatform>;
