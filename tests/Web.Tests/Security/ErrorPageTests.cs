using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Errors a person can read: an HTML 404 for any unknown path, signed in or not; a 500 page with a correlation id that is
/// also in the log; problem details under /api (a bad or out-of-range parameter names itself); a page for a failed form.
/// </summary>
public sealed class ErrorPageTests(SecurityPlatform platform) : IClassFixture<SecurityPlatform>
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Administrator)]
    public async Task An_unknown_path_is_an_HTML_404_for_anyone(string? role)
    {
        foreach (var path in new[] { "/no/such/page", "/wp-login.php", "/places/E07000066/nonsense", "/admin/nothing-here" })
        {
            using var response = await platform.As(role).GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using var api = await platform.As(role).GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_form_posted_without_its_antiforgery_token_gets_a_page_that_says_why()
    {
        using var response = await platform.As(null).PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "someone",
            ["Input.Password"] = "a password",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>The form has expired</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task A_bad_audit_page_is_a_problem_that_names_the_parameter(string query, string parameter)
    {
        using var response = await platform.As(Roles.Administrator).GetAsync("/api/audit?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_audit_page_number_on_the_page_is_explained_and_the_newest_entries_shown()
    {
        var html = await platform.As(Roles.Administrator).GetStringAsync("/admin/audit?page=2147483647", TestContext.Current.CancellationToken);
        Assert.Contains("is not a page number", html, StringComparison.Ordinal);
        Assert.Contains("user.create", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_inside_a_page_shows_the_error_page_with_a_correlation_id_that_is_in_the_log_and_the_API_a_problem()
    {
        var log = new ListLogger();
        await using var failing = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true, services: services =>
        {
            services.AddSingleton<IAuthorizationHandler, FailsWhenAsked>();
            services.AddSingleton<ILoggerProvider>(log);
        });

        using var page = await failing.Client().GetAsync("/places?fail-for-test=1", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(html, "<strong><code>([^<]+)</code></strong>").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains(log.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("Unhandled error", StringComparison.Ordinal));

        using var api = await failing.Client().GetAsync("/api/overview?fail-for-test=1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var apiId = problem.GetProperty("correlationId").GetString()!;
        Assert.Contains(log.Lines, l => l.Contains(apiId, StringComparison.Ordinal));
        Assert.DoesNotContain("InvalidOperationException", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A fault inside the pipeline, on request (not on the error page itself).</summary>
    private sealed class FailsWhenAsked : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) =>
            context.Resource is HttpContext http && http.Request.Query.ContainsKey("fail-for-test") && !http.Request.Path.StartsWithSegments("/error")
                ? throw new InvalidOperationException("a fault for the test")
                : Task.CompletedTask;
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
