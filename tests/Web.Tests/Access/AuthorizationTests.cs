using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Access;

/// <summary>With aggregate pages private: who may see what, through real sign-in.</summary>
public abstract class AuthorizationTests(WebFixture platform)
{
    private const string Password = "correct horse battery";

    public static TheoryData<string> ApiEndpoints =>
    [
        "/api/overview", "/api/places", "/api/places/E07000066", "/api/places/E07000066/lsoas", "/api/deprivation", "/api/deprivation/compare", "/api/audit",
        "/overview.csv", "/places.csv", "/places/E07000066/lsoas.csv", "/places/E07000066/deciles.csv", "/places/E07000066/domains.csv",
        "/places/E07000066/history.csv", "/deprivation.csv", "/deprivation/compare.csv", "/deprivation/compare/lsoas.csv",
    ];

    public static TheoryData<string> Pages => ["/", "/places", "/places/E07000066", "/map", "/places/E07000066/map", "/deprivation/compare", "/admin/audit", "/admin/settings"];

    /// <summary>API calls and downloads: a program, not a person, so a 401 rather than a redirect to sign in.</summary>
    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task Anonymous_API_calls_and_downloads_are_refused(string path)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_page_views_are_sent_to_sign_in(string path)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_analyst_sees_aggregates_but_gets_403_from_the_audit_trail()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/places/E07000066")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/deprivation.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deprivation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        var page = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var denied = await client.GetAsync(page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("You do not have permission", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_reads_the_audit_trail_of_user_changes_and_the_demo_seed()
    {
        var (client, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Administrator);

        var audit = await client.GetFromJsonAsync<JsonElement>("/api/audit");
        var page = await Html.GetAsync(client, "/admin/audit");

        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "user.create" && e.GetProperty("entityKey").GetString() == name);
        // The demo's commissioning writes many entries after the seed: ask for the seed by its action.
        var seeds = await client.GetFromJsonAsync<JsonElement>("/api/audit?action=demo.seed");
        Assert.Contains(seeds.EnumerateArray(), e => e.GetProperty("action").GetString() == "demo.seed");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "sign-in" && e.GetProperty("actor").GetString() == name);
        Assert.Contains(name, page.QuerySelector("[data-testid=audit]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_lock_the_account()
    {
        var name = "locked-" + Guid.NewGuid().ToString("N")[..6];
        await platform.Factory.AddUserAsync(name, Password, Roles.Commissioner);
        var client = platform.Factory.Client();

        var first = await SignIn.PostAsync(client, name, "not the password");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Commonweal.Web.Features.Account.PasswordSignIn.Failed), await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 4; i++) await SignIn.PostAsync(client, name, "not the password");
        var locked = await SignIn.PostAsync(client, name, Password);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(Commonweal.Web.Features.Account.PasswordSignIn.Failed), await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the same words: nothing told
        var (admin, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Administrator);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        var actions = audit.EnumerateArray().Where(e => e.GetProperty("actor").GetString() == name).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(4, actions.Count(a => a == "sign-in.failed"));
        Assert.Equal(2, actions.Count(a => a == "sign-in.locked-out")); // the fifth wrong password locks; the right one is then refused
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/overview")).StatusCode);
    }
}

public sealed class SqliteAuthorizationTests(SqlitePrivatePlatform platform) : AuthorizationTests(platform), IClassFixture<SqlitePrivatePlatform>;

public sealed class PostgresAuthorizationTests(PostgresPrivatePlatform platform) : AuthorizationTests(platform), IClassFixture<PostgresPrivatePlatform>;

/// <summary>House rule: every endpoint and page names its authorization policy; nothing relies on defaults.</summary>
public sealed class EndpointPolicyTests(SqlitePublicPlatform platform) : IClassFixture<SqlitePublicPlatform>
{
    [Fact]
    public void Every_endpoint_and_page_carries_an_explicit_policy()
    {
        // Endpoints under /_framework belong to Blazor itself (e.g. its opaque-redirect helper), not to Commonweal.
        var endpoints = platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/_framework/", StringComparison.Ordinal) != true)
            .ToList();

        var missing = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count > 10, $"only {endpoints.Count} endpoints found");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_audit_trail_stays_closed_to_anonymous_callers_even_when_aggregates_are_public()
    {
        var client = platform.Factory.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/audit")).StatusCode);
    }
}
