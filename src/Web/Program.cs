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

// Sign-in: local accounts (Identity, cookies) and, when configured, an OpenID Connect provider.
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.AccessDeniedPath = "/account/denied";
    options.Cookie.Name = "commonweal";
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Events = new CookieAuthenticationEvents
    {
        OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden),
    };
});
builder.Services.AddCommonwealIdentityCore().AddSignInManager();
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
        options.TokenValidationParameters.NameClaimType = oidc["NameClaim"] ?? "preferred_username";
        options.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
    });
}

// Official files and indicator exports are uploaded whole: up to 256 MB (the largest publisher zips are about 60 MB).
const long LargestUpload = 256L * 1024 * 1024;
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = LargestUpload);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options => options.MultipartBodyLengthLimit = LargestUpload);

var publicAggregates = configuration.GetValue("Commonweal:PublicAggregates", true);
builder.Services.AddAuthorization(options => Policies.Add(options, publicAggregates));
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    app.Logger.LogInformation("Commonweal store: {Database}", database.Description);
    var seeded = await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync();
    if (seeded == DemoSeeding.Result.Seeded) app.Logger.LogInformation("The store was empty: the demo dataset was generated");
}

app.UseExceptionHandler();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).RequireAuthorization(Policies.Anyone).WithTags("Health");
app.MapOpenApi().RequireAuthorization(Policies.Anyone);
app.MapAccountEndpoints();
app.MapPlacesEndpoints();
app.MapDeprivationEndpoints();
app.MapIndicatorApiEndpoints();
app.MapOutcomesApiEndpoints();
app.MapPlaceDownloads();
app.MapAdminDownloads();
Commonweal.Web.Features.Indicators.IndicatorDownloads.MapIndicatorDownloads(app);
Commonweal.Web.Features.Outcomes.OutcomeDownloads.MapOutcomeDownloads(app);
app.MapRazorComponents<Commonweal.Web.App>();

await app.RunAsync();

static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
