using Commonweal.Application;
using Commonweal.Application.Places;
using Commonweal.Persistence;
using Commonweal.Web;
using Commonweal.Web.Features.Account;
using Commonweal.Web.Features.Admin;
using Commonweal.Web.Features.Api;
using Commonweal.Web.Features.Indicators;
using Commonweal.Web.Features.Outcomes;
using Commonweal.Web.Features.Places;
using Commonweal.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("COMMONWEAL_");
var configuration = builder.Configuration;

// Store: the embedded SQLite file unless Commonweal:Database (COMMONWEAL_DATABASE) names another.
var database = DatabaseSettings.FromSetting(configuration["Commonweal:Database"] ?? configuration["DATABASE"]);
builder.Services.AddPersistence(database);
builder.Services.AddApplication(configuration["Commonweal:Ics"] ?? configuration["ICS"]);

// Keys for cookies, sessions and antiforgery tokens: in the store, shared by every instance (docs/deploying.md).
builder.Services.AddCommonwealKeyStorage(configuration);

// Sign-in: local accounts (Identity, cookies) and, when configured, an OpenID Connect provider. Each session is kept in
// the store and the cookie carries only its key, so ending a session (sign-out, a new password or roles) takes effect at once.
builder.Services.AddSingleton<StoredSessions>();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IServiceProvider>(StoredSessions.Use);
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.AccessDeniedPath = "/account/denied";
    options.Cookie.Name = "commonweal";
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.HttpOnly = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    options.Events = new CookieAuthenticationEvents
    {
        OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden),
    };
});
builder.Services.AddCommonwealIdentityCore().AddSignInManager<CommonwealSignInManager>();
builder.Services.AddScoped<PasswordSignIn>();
builder.Services.AddScoped<Commonweal.Web.Features.Targeting.DemoPopulation>();
builder.Services.AddScoped<Commonweal.Web.Features.Commissioning.ViewerResolver>();
builder.Services.AddScoped<Commonweal.Web.Features.Referrals.ReferralViewers>();
builder.Services.AddSingleton<Commonweal.Web.Features.Referrals.ReferralServiceCodes>();
// Systems (a GP system sending referrals): an API key, or the OpenID Connect provider's access token, as a bearer token.
builder.Services.AddApiClientAuthentication(configuration);
var oidc = configuration.GetSection("Commonweal:Oidc");
if (oidc["Authority"] is { Length: > 0 })
{
    // The provider's identity becomes the application cookie directly; its role claim (default "roles") must
    // carry Commonweal role names (Administrator, Analyst, ...).
    builder.Services.AddAuthentication().AddOpenIdConnect(AccountEndpoints.OidcScheme, oidc["DisplayName"] ?? "single sign-on", options =>
    {
        oidc.Bind(options);
        options.SignInScheme = IdentityConstants.ApplicationScheme;
        options.ResponseType = "code";
        options.MapInboundClaims = false; // keep the provider's claim names (preferred_username, roles) as configured below
        options.TokenValidationParameters.NameClaimType = oidc["NameClaim"] ?? "preferred_username";
        options.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
        options.Events.OnTicketReceived = SingleSignOn.AuditAsync;
    });
}

// Official files and indicator exports are uploaded whole: up to 256 MB (the largest publisher zips are about 60 MB).
const long LargestUpload = 256L * 1024 * 1024;
builder.WebHost.ConfigureKestrel(options =>
{
    options.Limits.MaxRequestBodySize = LargestUpload;
    options.AddServerHeader = false;
});
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options => options.MultipartBodyLengthLimit = LargestUpload);

var publicAggregates = configuration.GetValue("Commonweal:PublicAggregates", true);
builder.Services.AddAuthorization(options => Policies.Add(options, publicAggregates));
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ErrorResponses.Handler>();
// A query value the framework cannot bind (page=abc) is an exception the error handling turns into problem details naming it.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();
builder.Services.AddCommonwealRateLimits(configuration);
builder.Services.AddSingleton<AssetPaths>();
builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = configuration.GetValue("Commonweal:Hsts:IncludeSubDomains", false);
});
if (configuration["Commonweal:HttpsPort"] is { Length: > 0 } httpsPort)
    builder.Services.AddHttpsRedirection(options => options.HttpsPort = int.Parse(httpsPort, System.Globalization.CultureInfo.InvariantCulture));
builder.Services.AddCommonwealCompression();
builder.Services.AddSingleton<KeptPages>();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    app.Logger.LogInformation("Commonweal store: {Database}", database.Description);
    var seeded = await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync();
    if (seeded == DemoSeeding.Result.Seeded) app.Logger.LogInformation("The store was empty: the demo dataset was generated");
}

if (!KeyStorage.Encrypted(configuration))
    app.Logger.LogWarning("The data-protection keys are stored in the database unencrypted: set Commonweal:DataProtection:CertificateFile to encrypt them (docs/deploying.md)");

// The client's address from the trusted proxy only; then the headers every response carries, HTTPS, compression.
app.UseReverseProxy(configuration);
app.UseAuditOrigin();
app.UseSecurityHeaders();
app.UseHsts();
if (configuration["Commonweal:HttpsPort"] is { Length: > 0 }) app.UseHttpsRedirection();
app.UseResponseCompression();
app.UseErrorResponses();
app.UseStaticFiles(AssetPaths.StaticFileOptions());
app.UseCookieSecurity();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();
// After sign-in and authorization: a kept page goes only to a request that has just proved its session.
var keptPages = app.Services.GetRequiredService<KeptPages>();
app.Use(keptPages.InvokeAsync);

app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).RequireAuthorization(Policies.Anyone).WithTags("Health");
app.MapOpenApi().RequireAuthorization(Policies.Anyone);
app.MapAccountEndpoints();
app.MapPlacesEndpoints();
app.MapDeprivationEndpoints();
app.MapIndicatorApiEndpoints();
app.MapOutcomesApiEndpoints();
Commonweal.Web.Features.Targeting.TargetingEndpoints.MapTargetingEndpoints(app);
Commonweal.Web.Features.Allocation.AllocationEndpoints.MapAllocationEndpoints(app);
Commonweal.Web.Features.Commissioning.CommissioningEndpoints.MapCommissioningEndpoints(app);
Commonweal.Web.Features.Referrals.FhirEndpoints.MapFhirEndpoints(app);
Commonweal.Web.Features.Referrals.QuestionnaireEndpoints.MapQuestionnaireEndpoints(app);
Commonweal.Web.Features.Cases.CaseEndpoints.MapCaseEndpoints(app);
app.MapPlaceDownloads();
app.MapAdminDownloads();
app.MapAuditEndpoints();
Commonweal.Web.Features.Indicators.IndicatorDownloads.MapIndicatorDownloads(app);
Commonweal.Web.Features.Outcomes.OutcomeDownloads.MapOutcomeDownloads(app);
app.MapRazorComponents<Commonweal.Web.App>();
// Any other address read: 404 for everyone, signed in or not (the error page, or problem details under /api). Other methods
// are left to routing, so a write to a known address with the wrong content type is a 415, to an unknown one a 405.
app.MapFallback("{*path}", () => TypedResults.NotFound()).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
    .RequireAuthorization(Policies.Anyone).ExcludeFromDescription();

await app.RunAsync();

static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
{
    // The FHIR front door answers as FHIR: 401 with WWW-Authenticate: Bearer or 403, each with an OperationOutcome.
    if (FhirOutcomeBody.IsFhir(context.Request))
        return status == StatusCodes.Status401Unauthorized ? ApiKeyAuthentication.ChallengeAsync(context.HttpContext, tokenRefused: ApiKeyAuthentication.BearerToken(context.Request) is not null) : ApiKeyAuthentication.ForbidAsync(context.HttpContext);
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
