using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Features.Account;
using Commonweal.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Sign-in tells an attacker nothing (one message for an unknown account, a wrong password, a locked or disabled account),
/// is rate limited per client address, and every attempt is audited with its outcome, the client's address through the
/// trusted proxy only, and its User-Agent.
/// </summary>
public sealed partial class SignInTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_accounts_get_the_same_answer_and_the_audit_tells_them_apart()
    {
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: false);
        await platform.AddUserAsync("locked-user", Password, Roles.Analyst);
        await platform.AddUserAsync("disabled-user", Password, Roles.Analyst);
        await using (var scope = platform.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Application.Access.UserAdministration>().DisableAsync("disabled-user", "test");
        for (var i = 0; i < 5; i++) await SignIn.PostAsync(platform.Client(), "locked-user", "not the password");

        var answers = new Dictionary<string, string>
        {
            ["unknown"] = await MessageAsync(platform, "nobody-by-this-name", Password),
            ["wrong password"] = await MessageAsync(platform, "disabled-user-not", Password),
            ["locked, right password"] = await MessageAsync(platform, "locked-user", Password),
            ["disabled, right password"] = await MessageAsync(platform, "disabled-user", Password),
        };

        Assert.All(answers, a => Assert.Equal(PasswordSignIn.Failed, a.Value));
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=500", TestContext.Current.CancellationToken);
        string[] Actions(string actor) => [.. audit.EnumerateArray().Where(e => e.GetProperty("actor").GetString() == actor).Select(e => e.GetProperty("action").GetString()!)];
        Assert.Equal(["sign-in.unknown-user"], Actions("nobody-by-this-name"));
        Assert.Contains("sign-in.locked-out", Actions("locked-user"));
        Assert.Equal(4, Actions("locked-user").Count(a => a == "sign-in.failed"));
        Assert.Contains("sign-in.disabled", Actions("disabled-user"));
        var unknown = audit.EnumerateArray().First(e => e.GetProperty("actor").GetString() == "nobody-by-this-name");
        Assert.Equal("no account has this name", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Each_attempt_is_audited_with_the_client_address_from_the_trusted_proxy_only_and_the_user_agent()
    {
        // A reverse proxy at 10.0.0.5 is trusted; the test stands in for the network, giving each request its peer address.
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: false,
            new Dictionary<string, string> { ["Commonweal:ReverseProxy:KnownProxies"] = "10.0.0.5" },
            services => services.AddSingleton<IStartupFilter, PeerAddress>());
        await platform.AddUserAsync("someone", Password, Roles.Analyst);

        await SignInFromAsync(platform, peer: "10.0.0.5", forwardedFor: "203.0.113.7", "someone");     // through the proxy
        await SignInFromAsync(platform, peer: "198.51.100.9", forwardedFor: "203.0.113.8", "someone"); // straight in, forging the header

        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var attempts = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?actor=someone", TestContext.Current.CancellationToken)).EnumerateArray().Reverse().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("203.0.113.7", attempts[0].GetProperty("clientAddress").GetString());
        Assert.Equal("198.51.100.9", attempts[1].GetProperty("clientAddress").GetString());
        Assert.All(attempts, a => Assert.Equal("SignInTests/1.0 (test)", a.GetProperty("userAgent").GetString()));
        Assert.All(attempts, a => Assert.Equal("sign-in.failed", a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Sign_in_attempts_and_API_calls_beyond_the_limit_get_429_with_retry_after()
    {
        await using var platform = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true, new Dictionary<string, string>
        {
            ["Commonweal:RateLimits:SignInPerMinute"] = "3",
            ["Commonweal:RateLimits:ApiPerMinute"] = "5",
        });
        var client = platform.Client();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SignIn.PostAsync(client, "someone", "wrong")).StatusCode);
        var limited = await SignIn.PostAsync(client, "someone", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", TestContext.Current.CancellationToken)).StatusCode); // reading the page is not limited
        // A resident's look for a referral by reference and date of birth is a guess like a password: limited alike.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.PostAsync(client, "/refer/status", "referral-status",
            new Dictionary<string, string> { ["reference"] = "7KQM-3XTD-9PVA", ["dob-day"] = "1", ["dob-month"] = "2", ["dob-year"] = "1970" })).StatusCode);

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/overview", TestContext.Current.CancellationToken)).StatusCode);
        var api = await client.GetAsync("/api/overview", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/places", TestContext.Current.CancellationToken)).StatusCode); // pages are not API calls
    }

    private static async Task<string> MessageAsync(CommonwealFactory platform, string userName, string password)
    {
        var html = await (await SignIn.PostAsync(platform.Client(), userName, password)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Summary().Match(html).Groups[1].Value);
    }

    private static async Task SignInFromAsync(CommonwealFactory platform, string peer, string forwardedFor, string userName)
    {
        var client = platform.Client();
        client.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("SignInTests/1.0 (test)");
        await SignIn.PostAsync(client, userName, "not the password");
    }

    [GeneratedRegex("nhsuk-error-summary__body\"><p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    /// <summary>The test server has no network: this gives each request the peer address a real connection would have.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return following(context);
            });
            next(app);
        };
    }
}
