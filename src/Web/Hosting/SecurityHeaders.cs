using System.Security.Cryptography;
using System.Text;
using Commonweal.Application.Reporting;

namespace Commonweal.Web.Hosting;

/// <summary>
/// The headers every response carries (OWASP secure headers): a strict Content-Security-Policy with no inline script or
/// style (the printable board paper's one style sheet is allowed by its hash), no sniffing, no framing, no referrer
/// beyond this site, no powerful browser features; and, unless the endpoint says otherwise, <c>Cache-Control: no-store</c>
/// on everything that is not a static file, since pages carry signed-in users' names and administrative or personal data.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; computed once.</summary>
    public static readonly string ContentSecurityPolicy = string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        $"style-src 'self' 'sha256-{Sha256("\n" + HtmlDocumentWriter.Styles + "\n")}'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'");

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
