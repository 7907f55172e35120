using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;
using Commonweal.Web.Features.Commissioning;
using Commonweal.Web.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Systems sign in with an API key as a bearer token (issue #15): under /fhir, no key or a key that is not an active
/// client's is a 401 (an OperationOutcome, WWW-Authenticate: Bearer), a client without the role a 403; a revoked key is
/// refused at once in this process and within five seconds when revoked elsewhere; each client has its own rate limit
/// (429, Retry-After, OperationOutcome); cookies still sign people in; keys are accepted under /fhir only (never on the
/// web pages, the professional referral form among them); the OpenID Connect provider's client-credentials tokens are accepted when it is configured. The FHIR
/// endpoints are someone else's: these tests put two stand-ins under /fhir (<see cref="StandIns"/>).
/// </summary>
public abstract class ApiKeyTests(DatabaseProvider provider)
{
    private const string Referrals = "/fhir/_test/referrals";
    private const string Administration = "/fhir/_test/administration";

    [Fact]
    public async Task Without_a_valid_key_under_fhir_the_answer_is_401_as_an_OperationOutcome_and_refusals_are_audited_once_a_minute()
    {
        await using var platform = await StartAsync();

        var none = await platform.Client().GetAsync(Referrals, TestContext.Current.CancellationToken);
        var unknown = await GetAsync(platform, Referrals, ApiKeys.New());
        var malformed = await GetAsync(platform, Referrals, "not-a-key");
        var unknownAdministration = await GetAsync(platform, Administration, ApiKeys.New());

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        await AssertOutcomeAsync(none, "login");
        foreach (var refused in new[] { unknown, malformed, unknownAdministration })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
            await AssertOutcomeAsync(refused, "login");
        }

        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var audited = await db.Audit.AsNoTracking().Where(a => a.Action == "client.key-refused").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Single(audited); // three refusals from one address within the minute
        Assert.Equal("unknown or revoked key", audited[0].Detail!.Split(';')[0]);
    }

    [Fact]
    public async Task A_good_key_signs_the_client_in_with_its_roles_and_partner_and_a_revoked_key_is_refused_at_once()
    {
        await using var platform = await StartAsync();
        var partner = await ProviderPartnerAsync(platform);
        var (key, name) = await AddClientAsync(platform, [Roles.Referrer], partner.Name);
        var (adminKey, _) = await AddClientAsync(platform, [Roles.Administrator]);

        var allowed = await GetAsync(platform, Referrals, key);
        var forbidden = await GetAsync(platform, Administration, key);
        var administrator = await GetAsync(platform, Administration, adminKey);
        // A key is for the FHIR front door (and policies that name it): elsewhere it signs no one in.
        var api = await GetAsync(platform, "/api/audit", adminKey);
        var form = await GetAsync(platform, "/refer", key);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal($"client:{name} partner={partner.Id}", await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertOutcomeAsync(forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode); // the professional form is for people: to sign in
        Assert.Contains("login", form.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ApiClients>().RevokeAsync(name, "test", TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        var revoked = await GetAsync(platform, Referrals, key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        await AssertOutcomeAsync(revoked, "login");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Administration, adminKey)).StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_replaces_the_old_one_at_once()
    {
        await using var platform = await StartAsync();
        var (key, name) = await AddClientAsync(platform, [Roles.Referrer]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Referrals, key)).StatusCode);

        await using var scope = platform.Services.CreateAsyncScope();
        var rotated = await scope.ServiceProvider.GetRequiredService<ApiClients>().RotateAsync(name, "test", TestContext.Current.CancellationToken);

        Assert.True(rotated.Succeeded, rotated.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(platform, Referrals, key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Referrals, rotated.Key!)).StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_stops_working_within_five_seconds()
    {
        var clock = new ShiftedClock();
        await using var platform = await StartAsync(services: services => services.AddSingleton<TimeProvider>(clock));
        var (key, name) = await AddClientAsync(platform, [Roles.Referrer]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Referrals, key)).StatusCode);

        // As the command line does it, from another process: straight to the store, this process's list not told.
        await using (var db = platform.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CommonwealDbContext>())
        {
            var now = clock.GetUtcNow();
            await db.ApiClients.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), TestContext.Current.CancellationToken);
        }

        clock.Shift = ActiveApiClients.RefreshInterval;
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(platform, Referrals, key)).StatusCode);
    }

    [Fact]
    public async Task Each_client_has_its_own_rate_limit_answered_with_429_Retry_After_and_an_OperationOutcome()
    {
        await using var platform = await StartAsync(new Dictionary<string, string> { ["Commonweal:RateLimits:FhirPerMinute"] = "3" });
        var (busy, _) = await AddClientAsync(platform, [Roles.Referrer]);
        var (quiet, _) = await AddClientAsync(platform, [Roles.Referrer]);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Referrals, busy)).StatusCode);
        var throttled = await GetAsync(platform, Referrals, busy);

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {throttled.Headers.RetryAfter}");
        await AssertOutcomeAsync(throttled, "throttled");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, Referrals, quiet)).StatusCode);
    }

    [Fact]
    public async Task People_still_sign_in_with_the_cookie_and_the_Referrals_policy_takes_their_roles()
    {
        await using var platform = await StartAsync();
        var (referrer, name) = await platform.SignedInAsNewUserAsync(Roles.Referrer);
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);

        var allowed = await referrer.GetAsync(Referrals, TestContext.Current.CancellationToken);
        var forbidden = await analyst.GetAsync(Referrals, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal($"{name} partner=", await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertOutcomeAsync(forbidden, "forbidden");
    }

    [Fact]
    public async Task The_OpenID_Connect_provider_s_client_credentials_tokens_are_accepted_when_it_is_configured()
    {
        var signing = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        const string issuer = "https://idp.example.test/realm";
        await using var platform = await StartAsync(
            new Dictionary<string, string> { ["Commonweal:Oidc:Authority"] = issuer, ["Commonweal:Oidc:ClientId"] = "commonweal", ["Commonweal:Oidc:ApiAudience"] = "commonweal-api" },
            services => services.PostConfigure<JwtBearerOptions>(ApiKeyAuthentication.JwtScheme, options =>
            {
                // The provider's signing key and issuer, as its discovery document would give them (the test has no network).
                options.ConfigurationManager = null;
                options.TokenValidationParameters.ValidIssuer = issuer;
                options.TokenValidationParameters.IssuerSigningKey = signing;
            }));

        string Token(SecurityKey key, string audience, params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["azp"] = "gp-connect", ["roles"] = roles },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        var allowed = await GetAsync(platform, Referrals, Token(signing, "commonweal-api", Roles.Referrer));
        var forbidden = await GetAsync(platform, Administration, Token(signing, "commonweal-api", Roles.Referrer));
        var forged = await GetAsync(platform, Referrals, Token(new SymmetricSecurityKey(new byte[32]), "commonweal-api", Roles.Referrer));
        var otherAudience = await GetAsync(platform, Referrals, Token(signing, "someone-else", Roles.Referrer));
        var apiKeyStill = await GetAsync(platform, Referrals, (await AddClientAsync(platform, [Roles.Referrer])).Key);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("client:gp-connect partner=", await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertOutcomeAsync(forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await AssertOutcomeAsync(forged, "login");
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiKeyStill.StatusCode);
    }

    private async Task<CommonwealFactory> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts one, or set {TestDatabase.PostgresVariable}");
        return await CommonwealFactory.StartAsync(provider, publicAggregates: false, settings, s =>
        {
            s.AddSingleton<IStartupFilter, StandIns>();
            services?.Invoke(s);
        });
    }

    private static async Task<(string Key, string Name)> AddClientAsync(CommonwealFactory platform, string[] roles, string? partner = null)
    {
        var name = "system-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = platform.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ApiClients>().AddAsync(name, roles, partner, "test", TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Message);
        return (outcome.Key!, name);
    }

    private static async Task<Core.Commissioning.Partner> ProviderPartnerAsync(CommonwealFactory platform)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        return (await db.Partners.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).Where(p => p.Provides).OrderBy(p => p.Id).First();
    }

    private static async Task<HttpResponseMessage> GetAsync(CommonwealFactory platform, string path, string token)
    {
        using var client = platform.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertOutcomeAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("OperationOutcome", json.RootElement.GetProperty("resourceType").GetString());
        var issue = json.RootElement.GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal(code, issue.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(issue.GetProperty("diagnostics").GetString()));
    }

    /// <summary>
    /// Two endpoints under /fhir standing in for the FHIR front door: one for the Referrals policy (it answers with the
    /// caller's name and the partner <see cref="ViewerResolver"/> finds), one for Administration. Chosen before routing, so
    /// they go through the platform's whole pipeline (sign-in, rate limit, authorization) as a mapped endpoint does.
    /// </summary>
    private sealed class StandIns : IStartupFilter
    {
        private static readonly Endpoint ReferralsEndpoint = new(async context =>
        {
            var viewer = await context.RequestServices.GetRequiredService<ViewerResolver>().OfAsync(context.User);
            await context.Response.WriteAsync($"{context.User.Identity?.Name} partner={viewer.Partner}");
        }, new EndpointMetadataCollection(new AuthorizeAttribute(Policies.Referrals)), "stand-in referrals");

        private static readonly Endpoint AdministrationEndpoint = new(context => context.Response.WriteAsync("administration"),
            new EndpointMetadataCollection(new AuthorizeAttribute(Policies.Administration)), "stand-in administration");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Path == Referrals) context.SetEndpoint(ReferralsEndpoint);
                else if (context.Request.Path == Administration) context.SetEndpoint(AdministrationEndpoint);
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>The system clock moved on by <see cref="Shift"/>, for a test that needs the in-memory list of keys to be stale.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Shift;
    }
}

public sealed class SqliteApiKeyTests() : ApiKeyTests(DatabaseProvider.Sqlite);

public sealed class PostgresApiKeyTests() : ApiKeyTests(DatabaseProvider.Postgres);
