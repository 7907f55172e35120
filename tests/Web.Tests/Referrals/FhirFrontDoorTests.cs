// Firely's model makes every element nullable; a test that reads one that is missing fails, which is what it should do.
#nullable disable warnings

using System.Net;
using System.Text;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commonweal.Web.Tests.Referrals.ReferralBundles;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>
/// The FHIR front door: a referral posted as a transaction Bundle is committed and answered with a transaction-response
/// (Firely parses what it sends back), read and searched as stored; a repeat of its identifier — sequential, concurrent
/// or by ifNoneExist — stores nothing new; every kind of bad input is an OperationOutcome with the status, code and
/// expression a system can act on; and only those who may see a referral read it, each read audited.
/// </summary>
public abstract class FhirFrontDoorTests(WebFixture platform)
{
    private async Task<(HttpClient Client, string Name)> AsAsync(string role) => await platform.Factory.SignedInAsNewUserAsync(role);

    private static StringContent Fhir(string json, string contentType = "application/fhir+json") => new(json, Encoding.UTF8, contentType);

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, Bundle bundle) =>
        await SendAsync(client, Fhir(Json(bundle)));

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync("/fhir", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Unique() => "R-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<int> ReferralsWithAsync(string identifier)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Referrals.CountAsync(r => r.IdentifierValue == identifier);
    }

    [Fact]
    public async Task A_referral_is_committed_and_answered_with_each_entrys_status_and_location_and_a_Task_tracks_it()
    {
        var (referrer, name) = await AsAsync(Roles.Referrer);
        var identifier = Unique();

        var (status, body) = await PostAsync(referrer, Referral(identifier));

        Assert.True(status == HttpStatusCode.OK, body);
        var response = Parse<Bundle>(body);
        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        Assert.Equal(3, response.Entry.Count);
        Assert.All(response.Entry, e => Assert.Equal("201 Created", e.Response.Status));
        Assert.Matches("^Patient/[0-9a-f-]{36}/_history/1$", response.Entry[0].Response.Location);
        Assert.Matches("^ServiceRequest/[0-9a-f-]{36}/_history/1$", response.Entry[1].Response.Location);
        Assert.Matches("^Consent/[0-9a-f-]{36}/_history/1$", response.Entry[2].Response.Location);
        Assert.Equal(1, await ReferralsWithAsync(identifier));

        var requestAt = response.Entry[1].Response.Location.Split("/_history")[0];
        var patientAt = response.Entry[0].Response.Location.Split("/_history")[0];
        var read = await referrer.GetAsync("/fhir/" + requestAt);
        Assert.Equal("application/fhir+json", read.Content.Headers.ContentType?.MediaType);
        var request = Parse<ServiceRequest>(await read.Content.ReadAsStringAsync());
        Assert.Equal(patientAt, request.Subject.Reference);
        Assert.Equal((ReferrerSystem, identifier), (request.Identifier[0].System, request.Identifier[0].Value));
        Assert.Equal("1", request.Meta.VersionId);
        Assert.Equal("W/\"1\"", read.Headers.ETag?.ToString());

        var taskId = Assert.Single(response.Entry[1].Response.Outcome is OperationOutcome o ? o.Issue : []).Diagnostics.Split("Task/")[1].TrimEnd('.');
        var task = Parse<Hl7.Fhir.Model.Task>(await referrer.GetStringAsync($"/fhir/Task/{taskId}"));
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Received, task.Status);
        Assert.Equal(requestAt, task.Focus.Reference);
        Assert.Equal(patientAt, task.For.Reference);

        var found = Parse<Bundle>(await referrer.GetStringAsync($"/fhir/Task?focus={requestAt}&status=received"));
        Assert.Equal(1, found.Total);
        Assert.Equal(taskId, found.Entry.Single().Resource.Id);
        Assert.Contains(("referral.create", name), await AuditAsync(name, "referral.create"));
    }

    [Fact]
    public async Task A_repeat_of_the_same_identifier_returns_the_stored_referral_and_stores_nothing()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);
        var identifier = Unique();
        var first = Parse<Bundle>((await PostAsync(referrer, Referral(identifier))).Body);

        var (status, body) = await PostAsync(referrer, Referral(identifier));

        Assert.Equal(HttpStatusCode.OK, status);
        var again = Parse<Bundle>(body);
        Assert.All(again.Entry, e => Assert.Equal("200 OK", e.Response.Status));
        Assert.Equal(first.Entry.Select(e => e.Response.Location), again.Entry.Select(e => e.Response.Location));
        Assert.Equal(1, await ReferralsWithAsync(identifier));
    }

    [Fact]
    public async Task The_same_identifier_sent_by_another_referrer_is_409_and_reveals_nothing_of_the_stored_referral()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);
        var (another, _) = await AsAsync(Roles.Referrer);
        var identifier = Unique();
        await PostAsync(referrer, Referral(identifier));

        var (status, body) = await PostAsync(another, Referral(identifier));

        Assert.Equal(HttpStatusCode.Conflict, status);
        var issue = Parse<OperationOutcome>(body).Issue.Single();
        Assert.Equal(OperationOutcome.IssueType.Duplicate, issue.Code);
        Assert.Contains("Bundle.entry[1].resource.identifier[0]", issue.Expression);
        Assert.DoesNotContain("ServiceRequest/", body, StringComparison.Ordinal);
        Assert.Equal(1, await ReferralsWithAsync(identifier));
    }

    [Fact]
    public async Task Concurrent_repeats_create_exactly_one_referral()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);
        var identifier = Unique();
        var json = Json(Referral(identifier));

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => SendAsync(referrer, Fhir(json))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var bundles = answers.Select(a => Parse<Bundle>(a.Body)).ToList();
        Assert.Single(bundles, b => b.Entry[1].Response.Status == "201 Created");
        Assert.Single(bundles.Select(b => b.Entry[1].Response.Location).Distinct());
        Assert.Equal(1, await ReferralsWithAsync(identifier));
    }

    [Fact]
    public async Task IfNoneExist_naming_a_stored_referral_returns_it_and_naming_a_value_in_several_systems_is_412()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);
        var identifier = Unique();
        var stored = Parse<Bundle>((await PostAsync(referrer, Referral(identifier))).Body);

        var conditional = Referral(Unique());
        conditional.Entry[1].Request.IfNoneExist = $"identifier={Uri.EscapeDataString(ReferrerSystem)}|{identifier}";
        var (status, body) = await PostAsync(referrer, conditional);

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = Parse<Bundle>(body);
        Assert.Equal("200 OK", answer.Entry[1].Response.Status);
        Assert.Equal(stored.Entry[1].Response.Location, answer.Entry[1].Response.Location);
        Assert.Equal(0, await ReferralsWithAsync(conditional.Entry[1].Resource is ServiceRequest r ? r.Identifier[0].Value : ""));

        var shared = Unique();
        var other = Referral(shared);
        ((ServiceRequest)other.Entry[1].Resource).Identifier[0].System = "https://council.example/Id/case";
        await PostAsync(referrer, Referral(shared));
        await PostAsync(referrer, other);
        var ambiguous = Referral(Unique());
        ambiguous.Entry[1].Request.IfNoneExist = $"identifier={shared}";
        var (multiple, outcome) = await PostAsync(referrer, ambiguous);
        Assert.Equal(HttpStatusCode.PreconditionFailed, multiple);
        Assert.Equal(OperationOutcome.IssueType.MultipleMatches, Parse<OperationOutcome>(outcome).Issue.Single().Code);
    }

    public static TheoryData<string, string, int, OperationOutcome.IssueType, string?> BadBundles => new()
    {
        { "malformed JSON", "{\"resourceType\":\"Bundle\",\"type\":", 400, OperationOutcome.IssueType.Structure, null },
        { "a Patient, not a Bundle", "{\"resourceType\":\"Patient\",\"birthDate\":\"1970-01-01\"}", 400, OperationOutcome.IssueType.Invalid, "Patient" },
        { "a batch, not a transaction", Json(WithType(Bundle.BundleType.Batch)), 400, OperationOutcome.IssueType.Value, "Bundle.type" },
        { "the ServiceRequest's status missing", Json(Change(b => ((ServiceRequest)b.Entry[1].Resource).Status = null)), 422, OperationOutcome.IssueType.Required, "Bundle.entry[1].resource.status" },
        { "the subject unresolved", Json(Change(b => ((ServiceRequest)b.Entry[1].Resource).Subject = new ResourceReference("urn:uuid:0d3a0000-0000-4000-8000-00000000dead"))), 422, OperationOutcome.IssueType.NotFound, "Bundle.entry[1].resource.subject.reference" },
        { "a bad NHS number", Json(Referral("x", nhsNumber: "9434765918")), 422, OperationOutcome.IssueType.Value, "Bundle.entry[0].resource.identifier[0].value" },
        { "one digit ten times", Json(Referral("x", nhsNumber: "4444444444")), 422, OperationOutcome.IssueType.Value, "Bundle.entry[0].resource.identifier[0].value" },
        { "an unknown service", Json(Referral("x", service: "NO-SUCH-SERVICE")), 422, OperationOutcome.IssueType.CodeInvalid, "Bundle.entry[1].resource.code.coding[0]" },
        { "no birth date", Json(Change(b => ((Patient)b.Entry[0].Resource).BirthDate = null)), 422, OperationOutcome.IssueType.Required, "Bundle.entry[0].resource.birthDate" },
        { "no identifier on the ServiceRequest", Json(Change(b => ((ServiceRequest)b.Entry[1].Resource).Identifier.Clear())), 422, OperationOutcome.IssueType.Required, "Bundle.entry[1].resource.identifier" },
        { "an Observation entry", Json(Change(b => b.Entry.Add(new Bundle.EntryComponent { Resource = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "29463-7") }, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Observation" } }))), 422, OperationOutcome.IssueType.NotSupported, "Bundle.entry[3].resource" },
        { "a PUT", Json(Change(b => b.Entry[0].Request.Method = Bundle.HTTPVerb.PUT)), 422, OperationOutcome.IssueType.NotSupported, "Bundle.entry[0].request.method" },
        { "no ServiceRequest", Json(Change(b => b.Entry.RemoveAt(1))), 422, OperationOutcome.IssueType.Required, "Bundle.entry" },
        { "two entries with one fullUrl", Json(Change(b => b.Entry[2].FullUrl = b.Entry[0].FullUrl)), 422, OperationOutcome.IssueType.Duplicate, "Bundle.entry[2].fullUrl" },
        { "an unknown element", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"colour\":\"blue\"}", 422, OperationOutcome.IssueType.Value, "Bundle.colour" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public async Task Bad_input_is_an_OperationOutcome_saying_where_and_stores_nothing(string what, string json, int status, OperationOutcome.IssueType code, string? expression)
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);
        var before = await CountAsync();

        var (answered, body) = await SendAsync(referrer, Fhir(json));

        Assert.True((int)answered == status, $"{what}: {(int)answered} {body}");
        var outcome = Parse<OperationOutcome>(body);
        var issue = expression is null ? outcome.Issue.First() : outcome.Issue.FirstOrDefault(i => i.Expression.Contains(expression));
        Assert.True(issue is not null, $"{what}: no issue at {expression} in {body}");
        Assert.Equal(code, issue.Code);
        Assert.Contains(issue.Severity, new OperationOutcome.IssueSeverity?[] { OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueSeverity.Fatal });
        Assert.False(string.IsNullOrWhiteSpace(issue.Diagnostics ?? issue.Details?.Text ?? issue.Details?.Coding.FirstOrDefault()?.Display), what);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_wrong_content_type_is_415_and_a_body_too_large_is_413()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);

        var (wrongType, body) = await SendAsync(referrer, Fhir(Json(Referral(Unique())), "text/plain"));
        var (tooLarge, large) = await SendAsync(referrer, Fhir("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"id\":\"" + new string('a', 1_100_000) + "\"}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, Parse<OperationOutcome>(body).Issue.Single().Code);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal(OperationOutcome.IssueType.TooLong, Parse<OperationOutcome>(large).Issue.Single().Code);
    }

    [Fact]
    public async Task An_unknown_address_or_an_unsupported_method_under_fhir_is_answered_as_an_OperationOutcome()
    {
        var (referrer, _) = await AsAsync(Roles.Referrer);

        var unknown = await referrer.GetAsync("/fhir/Nothing/1/more/parts", TestContext.Current.CancellationToken);
        var method = await referrer.DeleteAsync($"/fhir/Task/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/fhir+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OperationOutcome.IssueType.NotFound, Parse<OperationOutcome>(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Issue.Single().Code);
        // A method no endpoint takes falls to the platform's fallback policy (administrators): refused, as FHIR.
        Assert.False(method.IsSuccessStatusCode);
        Assert.Equal("application/fhir+json", method.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, Parse<OperationOutcome>(await method.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Issue.Single().Code);
    }

    [Fact]
    public async Task The_CapabilityStatement_says_what_the_front_door_takes_to_anyone()
    {
        var response = await platform.Factory.Client().GetAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = Parse<CapabilityStatement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var rest = statement.Rest.Single();
        Assert.Contains(rest.Interaction, i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        Assert.Equal(["Consent", "Patient", "Questionnaire", "QuestionnaireResponse", "ServiceRequest", "Task"], rest.Resource.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.Equal(["focus", "owner", "status"], rest.Resource.Single(r => r.Type == "Task").SearchParam.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("identifier", rest.Resource.Single(r => r.Type == "ServiceRequest").SearchParam.Single().Name);
    }

    [Fact]
    public async Task Only_those_who_may_see_a_referral_read_it_and_every_read_is_audited()
    {
        var (referrer, name) = await AsAsync(Roles.Referrer);
        var identifier = Unique();
        var answer = Parse<Bundle>((await PostAsync(referrer, Referral(identifier))).Body);
        var requestAt = answer.Entry[1].Response.Location.Split("/_history")[0];
        var (otherReferrer, _) = await AsAsync(Roles.Referrer);
        var (coordinator, coordinatorName) = await AsAsync(Roles.VolunteerCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await otherReferrer.GetAsync("/fhir/" + requestAt)).StatusCode);
        Assert.Equal(0, Parse<Bundle>(await otherReferrer.GetStringAsync($"/fhir/ServiceRequest?identifier={Uri.EscapeDataString(ReferrerSystem)}|{identifier}")).Total);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/fhir/" + requestAt)).StatusCode);
        var search = Parse<Bundle>(await referrer.GetStringAsync($"/fhir/ServiceRequest?identifier={Uri.EscapeDataString(ReferrerSystem)}|{identifier}"));
        Assert.Equal(1, search.Total);
        Assert.Contains(await AuditAsync(coordinatorName, "referral.read"), e => e.Actor == coordinatorName);
        Assert.NotEmpty(await AuditAsync(name, "referral.read"));

        foreach (var role in new[] { Roles.Analyst, Roles.Commissioner })
        {
            var (refused, _) = await AsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync("/fhir/" + requestAt)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsync("/fhir", Fhir(Json(Referral(Unique()))))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync("/fhir/Task?status=received")).StatusCode);
        }

        var anonymous = platform.Factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/fhir", Fhir(Json(Referral(Unique()))))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/fhir/" + requestAt)).StatusCode);
    }

    [Fact]
    public async Task A_system_client_refers_with_its_key_reads_its_own_referral_and_is_refused_once_revoked()
    {
        var name = "gp-system-" + Guid.NewGuid().ToString("N")[..6];
        string key;
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<Commonweal.Application.Access.ApiClients>().AddAsync(name, [Roles.Referrer], null, "tester");
            Assert.True(added.Succeeded, added.Message);
            key = added.Key!;
        }

        var client = platform.Factory.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var identifier = Unique();

        var (status, body) = await PostAsync(client, Referral(identifier));

        Assert.True(status == HttpStatusCode.OK, body);
        var requestAt = Parse<Bundle>(body).Entry[1].Response.Location.Split("/_history")[0];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/" + requestAt)).StatusCode);
        Assert.Contains(("referral.create", "client:" + name), await AuditAsync("client:" + name, "referral.create"));
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Commonweal.Application.Access.ApiClients>().RevokeAsync(name, "tester")).Succeeded);
        var refused = await client.GetAsync("/fhir/" + requestAt);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Login, Parse<OperationOutcome>(await refused.Content.ReadAsStringAsync()).Issue.Single().Code);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Referrals.CountAsync();
    }

    private async Task<List<(string Action, string Actor)>> AuditAsync(string actor, string action)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().Audit.AsNoTracking()
            .Where(a => a.Actor == actor && a.Action == action).Select(a => new { a.Action, a.Actor }).ToListAsync();
        return [.. rows.Select(r => (r.Action, r.Actor))];
    }

    private static Bundle Change(Action<Bundle> change)
    {
        var bundle = Referral("R-bad-" + Guid.NewGuid().ToString("N")[..8]);
        change(bundle);
        return bundle;
    }

    private static Bundle WithType(Bundle.BundleType type) => Change(b => b.Type = type);
}

public sealed class SqliteFhirFrontDoorTests(SqlitePublicPlatform platform) : FhirFrontDoorTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresFhirFrontDoorTests(PostgresPublicPlatform platform) : FhirFrontDoorTests(platform), IClassFixture<PostgresPublicPlatform>;
