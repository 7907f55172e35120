using System.Net;
using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Sessions end on the server: signing out, a new password, new roles or a disabled account refuse every existing cookie
/// of that user on the next request; sign-out needs its antiforgery token; the keys are in the store, so a second
/// instance (or a restart) accepts the cookies of the first.
/// </summary>
public abstract class SessionTests(DatabaseProvider provider)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_user_and_the_old_cookie_is_refused()
    {
        await using var platform = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (laptop, name) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var phone = await platform.SignedInAsync(name, Password);
        var stolen = await CookieSignIn.SignInAsync(Bare(platform), name, Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);

        var signedOut = await PostWithTokenAsync(laptop, "/admin/audit", "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(platform, stolen, "/api/audit")).StatusCode);
        var page = await Replay(platform, stolen, "/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_its_antiforgery_token_is_refused_with_a_page_that_says_why_and_the_session_lives()
    {
        await using var platform = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (client, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        // As another site's form would post it: no token (and a cross-site Origin).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example");
        var refused = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The form has expired", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/logout", TestContext.Current.CancellationToken)).StatusCode); // a link cannot sign out
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("roles")]
    [InlineData("disable")]
    public async Task A_new_password_new_roles_or_disabling_ends_the_user_s_sessions_at_once(string change)
    {
        await using var platform = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (client, name) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/overview", TestContext.Current.CancellationToken)).StatusCode);

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var outcome = change switch
            {
                "password" => await users.ResetPasswordAsync(name, "a brand new passphrase", "test"),
                "roles" => await users.SetRolesAsync(name, [Roles.Commissioner], "test"),
                _ => await users.DisableAsync(name, "test"),
            };
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.Contains("1 session(s) ended", outcome.Message, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/overview", TestContext.Current.CancellationToken)).StatusCode);
        var again = await SignIn.PostAsync(platform.Client(), name, change == "password" ? "a brand new passphrase" : Password);
        Assert.Equal(change == "disable" ? HttpStatusCode.OK : HttpStatusCode.Redirect, again.StatusCode); // a disabled account stays out
    }

    [Fact]
    public async Task A_second_instance_on_the_same_store_accepts_the_first_s_cookies_and_sign_out_on_one_ends_both()
    {
        await using var first = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (client, name) = await first.SignedInAsNewUserAsync(Roles.Administrator);
        var cookie = await CookieSignIn.SignInAsync(Bare(first), name, Password);
        await using var second = first.SecondInstance();

        Assert.Equal(HttpStatusCode.OK, (await Replay(second, cookie, "/api/audit")).StatusCode);
        await PostWithTokenAsync(client, "/admin/audit", "/account/logout");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(second, cookie, "/api/audit")).StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string formPage, string action)
    {
        var html = await client.GetStringAsync(formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.TokenIn(html),
        }));
    }

    private static HttpClient Bare(CommonwealFactory platform) =>
        platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpResponseMessage> Replay(CommonwealFactory platform, string cookie, string path)
    {
        using var bare = Bare(platform);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }
}

public sealed class SqliteSessionTests() : SessionTests(DatabaseProvider.Sqlite);

public sealed class PostgresSessionTests() : SessionTests(DatabaseProvider.Postgres);
