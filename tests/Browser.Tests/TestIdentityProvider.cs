using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Commonweal.Browser.Tests;

/// <summary>
/// A real OpenID Connect provider (OpenIddict, authorization code flow with PKCE, its store in a SQLite file) on its own
/// Kestrel port, with one person who signs in through its own form and whose id token carries the Commonweal roles in a
/// "roles" claim, as Entra ID and NHS.net Connect do.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "commonweal";
    public const string ClientSecret = "commonweal-test-secret";
    public const string UserName = "dr.sso";
    public const string Password = "provider password";

    private readonly WebApplication app;
    private readonly string folder;

    private TestIdentityProvider(WebApplication app, string folder, Uri address)
    {
        this.app = app;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TestIdentityProvider> StartAsync(IReadOnlyList<string> roles)
    {
        var folder = Directory.CreateTempSubdirectory("commonweal-idp-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "idp.db")}").UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/login");
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", (string? returnUrl) => Results.Content(
            $"""
            <!DOCTYPE html><html lang="en"><head><title>Test provider sign-in</title></head><body>
            <h1>Test provider</h1>
            <form method="post" action="/login?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}">
            <label for="u">User</label><input id="u" name="user" /><label for="p">Password</label><input id="p" name="password" type="password" />
            <button type="submit">Continue</button></form></body></html>
            """, "text/html"));
        app.MapPost("/login", async (HttpContext context, string? returnUrl) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["user"] != UserName || form["password"] != Password) return Results.Content("<p>Wrong user or password</p>", "text/html", statusCode: 401);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, UserName)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') ? returnUrl : "/");
        });
        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext context) =>
        {
            var signedIn = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!signedIn.Succeeded)
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });

            var request = context.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, "roles");
            identity.SetClaim(Claims.Subject, "sso-" + UserName).SetClaim(Claims.Name, UserName).SetClaim(Claims.PreferredUsername, UserName);
            foreach (var role in roles) identity.AddClaim(new Claim("roles", role));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestIdentityProvider(app, folder, new Uri(address));
    }

    /// <summary>Registers Commonweal (at its address) as the client, once its port is known.</summary>
    public async Task RegisterClientAsync(Uri commonweal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(commonweal, "/signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
        });
    }

    /// <summary>Commonweal's settings for this provider.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Commonweal:Oidc:Authority"] = Address.ToString().TrimEnd('/'),
        ["Commonweal:Oidc:ClientId"] = ClientId,
        ["Commonweal:Oidc:ClientSecret"] = ClientSecret,
        ["Commonweal:Oidc:DisplayName"] = "Test provider",
        ["Commonweal:Oidc:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
