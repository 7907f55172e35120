using System.Net;
using Microsoft.AspNetCore.CookiePolicy;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Every cookie is <c>HttpOnly</c> and <c>Secure</c> — except <c>Secure</c> on plain HTTP to this machine (development at
/// http://localhost, where a browser would drop a secure cookie). Each cookie keeps its own SameSite (the sign-in cookie Lax,
/// antiforgery Strict, single sign-on's correlation cookies None, as the provider's form post needs).
/// </summary>
public static class CookieSecurity
{
    public static IApplicationBuilder UseCookieSecurity(this IApplicationBuilder app) => app.UseCookiePolicy(new CookiePolicyOptions
    {
        HttpOnly = HttpOnlyPolicy.Always,
        Secure = CookieSecurePolicy.None,
        MinimumSameSitePolicy = SameSiteMode.Unspecified,
        OnAppendCookie = context => Apply(context.CookieOptions, context.Context.Request),
        OnDeleteCookie = context => Apply(context.CookieOptions, context.Context.Request),
    });

    private static void Apply(CookieOptions cookie, HttpRequest request)
    {
        cookie.Secure = MustBeSecure(request);
        // A browser drops SameSite=None without Secure; on plain HTTP to this machine Lax does (the provider is same-site there).
        if (!cookie.Secure && cookie.SameSite == SameSiteMode.None) cookie.SameSite = SameSiteMode.Lax;
    }

    /// <summary>True unless the request is plain HTTP to a loopback host.</summary>
    public static bool MustBeSecure(HttpRequest request) => request.IsHttps || !IsLoopback(request.Host.Host);

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
