using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Sign-in for systems (<c>Authorization: Bearer &lt;key&gt;</c>, issue #15): the key is looked up by its hash among the
/// active clients kept in memory (<see cref="ActiveApiClients"/>: a revoke in this process applies at once, one made by the
/// command line within 5 seconds). The client becomes a principal named <c>client:&lt;name&gt;</c> with its roles, its
/// partner (<see cref="PartnerClaim"/>) and <see cref="ClientClaim"/>. No Authorization header: no result, so a cookie
/// still signs in; a bearer token that is not an active key: failure, so 401. Success is not audited (thousands a
/// second); a refusal is logged and audited at most once a minute per client address.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ActiveApiClients clients, ApiKeyAuthentication.Refusals refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The API key scheme.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>
    /// A system's bearer token, of either kind: forwards to <see cref="SchemeName"/> for a key (<c>cwk_…</c>) and to
    /// <see cref="JwtScheme"/> for anything else when an OpenID Connect provider is configured.
    /// </summary>
    public const string BearerScheme = "SystemBearer";

    /// <summary>Access tokens (JWT) the configured OpenID Connect provider issued to clients (OAuth2 client credentials).</summary>
    public const string JwtScheme = "OidcBearer";

    /// <summary>What a request signs in with by default: a system's bearer token under <c>/fhir</c>, else the sign-in cookie.</summary>
    public const string DefaultScheme = "Commonweal";

    /// <summary>The claim that marks a system client, carrying its name.</summary>
    public const string ClientClaim = "commonweal:client";

    /// <summary>The partner organisation (its id) a system client acts for.</summary>
    public const string PartnerClaim = "commonweal:partner";

    /// <summary>The name a client's work is audited under: <c>client:&lt;name&gt;</c>.</summary>
    public static string ActorOf(string clientName) => "client:" + clientName;

    /// <summary>A system client as a principal: its name, roles (as <see cref="ClaimTypes.Role"/>), partner and the client marker.</summary>
    public static ClaimsPrincipal PrincipalOf(string clientName, IEnumerable<string> roles, int? partner, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, ActorOf(clientName)), new(ClientClaim, clientName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (partner is { } p) claims.Add(new Claim(PartnerClaim, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Whether the principal is a system client, and if so its partner organisation's id (null when it acts for none).</summary>
    public static bool IsClient(ClaimsPrincipal user, out int? partner)
    {
        ArgumentNullException.ThrowIfNull(user);
        partner = int.TryParse(user.FindFirstValue(PartnerClaim), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
        return user.HasClaim(c => c.Type == ClientClaim);
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null when there is none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token) return AuthenticateResult.NoResult();
        if (await clients.FindByKeyAsync(token, Context.RequestAborted) is { } client)
            return AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(client.Name, client.Roles, client.Partner, SchemeName), SchemeName));

        var reason = ApiKeys.IsWellFormed(token) ? "unknown or revoked key" : "not an API key";
        await refusals.NoteAsync(Context, reason, Logger);
        return AuthenticateResult.Fail("The bearer token is not an active API key.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ChallengeAsync(Context, tokenRefused: BearerToken(Request) is not null);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ForbidAsync(Context);

    /// <summary>401 for a system: an OperationOutcome under /fhir, else the status and the header alone.</summary>
    public static Task ChallengeAsync(HttpContext context, bool tokenRefused)
    {
        if (FhirOutcomeBody.IsFhir(context.Request)) return FhirOutcomeBody.UnauthorizedAsync(context, tokenRefused);
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>403 for a system: an OperationOutcome under /fhir, else the status alone.</summary>
    public static Task ForbidAsync(HttpContext context)
    {
        if (FhirOutcomeBody.IsFhir(context.Request)) return FhirOutcomeBody.ForbiddenAsync(context);
        if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Refused keys: each logged (without the key), and audited as <c>client.key-refused</c> at most once a minute per client
    /// address, so that a script trying keys cannot fill the audit trail.
    /// </summary>
    public sealed class Refusals(TimeProvider clock)
    {
        private const int MostAddresses = 10_000;
        private readonly ConcurrentDictionary<string, long> audited = new();

        public async Task NoteAsync(HttpContext context, string reason, ILogger logger)
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            logger.LogWarning("API key refused ({Reason}) from {Address} for {Path}", reason, address, context.Request.Path.Value);
            var now = clock.GetUtcNow().UtcTicks;
            var last = audited.GetValueOrDefault(address);
            if (last != 0 && now - last < TimeSpan.TicksPerMinute) return;
            if (audited.Count >= MostAddresses) audited.Clear();
            if (!audited.TryUpdate(address, now, last) && !audited.TryAdd(address, now)) return; // another request is auditing it

            var services = context.RequestServices;
            services.GetRequiredService<AuditLog>().Record("anonymous", "client.key-refused", "ApiClient", "(refused)",
                $"{reason}; {context.Request.Method} {context.Request.Path.Value}; later refusals from this address within a minute are not audited");
            await services.GetRequiredService<CommonwealDbContext>().SaveChangesAsync(context.RequestAborted);
        }
    }
}

/// <summary>Registers system sign-in: API keys always, and the OpenID Connect provider's access tokens when one is configured.</summary>
public static class ApiClientAuthentication
{
    public static IServiceCollection AddApiClientAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ApiKeyAuthentication.Refusals>();
        var oidc = configuration.GetSection("Commonweal:Oidc");
        var jwt = oidc["Authority"] is { Length: > 0 };
        var authentication = services.AddAuthentication(options => options.DefaultAuthenticateScheme = ApiKeyAuthentication.DefaultScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, "API key", null)
            .AddPolicyScheme(ApiKeyAuthentication.BearerScheme, "A system's bearer token", options => options.ForwardDefaultSelector = context =>
                !jwt || ApiKeyAuthentication.BearerToken(context.Request)?.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) != false
                    ? ApiKeyAuthentication.SchemeName
                    : ApiKeyAuthentication.JwtScheme)
            // A bearer token signs a request in under /fhir only (before the rate limiter partitions it by client); everywhere
            // else — the web forms and pages — only the sign-in cookie does, so a system's key never opens a person's page.
            // Refusals under /fhir are OperationOutcomes, from the key's scheme or from the cookie's redirect events.
            .AddPolicyScheme(ApiKeyAuthentication.DefaultScheme, "Cookie, or a system's bearer token under /fhir", options => options.ForwardDefaultSelector = context =>
                FhirOutcomeBody.IsFhir(context.Request) && ApiKeyAuthentication.BearerToken(context.Request) is not null
                    ? ApiKeyAuthentication.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        if (!jwt) return services;

        // OAuth2 client credentials: an access token the provider issued to a system, for this API's audience, its roles
        // in the provider's role claim. The client (azp, client_id or appid) becomes client:<id>; it acts for no partner.
        var roleClaim = oidc["RoleClaim"] ?? "roles";
        authentication.AddJwtBearer(ApiKeyAuthentication.JwtScheme, options =>
        {
            options.Authority = oidc["Authority"];
            options.Audience = oidc["ApiAudience"] ?? oidc["ClientId"];
            options.MapInboundClaims = false;
            options.TokenValidationParameters.RoleClaimType = roleClaim;
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var token = context.Principal!;
                    var client = token.FindFirstValue("azp") ?? token.FindFirstValue("client_id") ?? token.FindFirstValue("appid") ?? token.FindFirstValue("sub");
                    if (client is null)
                    {
                        context.Fail("The token names no client (azp, client_id, appid or sub).");
                        return Task.CompletedTask;
                    }

                    var roles = token.FindAll(roleClaim).Select(c => Roles.Find(c.Value)).OfType<string>().Distinct();
                    context.Principal = ApiKeyAuthentication.PrincipalOf(client, roles, null, ApiKeyAuthentication.JwtScheme);
                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    return ApiKeyAuthentication.ChallengeAsync(context.HttpContext, tokenRefused: ApiKeyAuthentication.BearerToken(context.Request) is not null);
                },
                OnForbidden = context => ApiKeyAuthentication.ForbidAsync(context.HttpContext),
            };
        });
        return services;
    }
}
