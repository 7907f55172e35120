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
        OnAppendCookie = context => context.CookieOptions.Secure = MustBeSecure(context.Context.Request),
        OnDeleteCookie = context => context.CookieOptions.Secure = MustBeSecure(context.Context.Request),
    });

    /// <summary>True unless the request is plain HTTP to a loopback host.</summary>
    public static bool MustBeSecure(HttpRequest request) => request.IsHttps || !IsLoopback(request.Host.Host);

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
