using Commonweal.Application.Access;

namespace Commonweal.Web.Hosting;

/// <summary>Gives each request's audit entries the client's address (through the trusted proxy only) and its User-Agent.</summary>
public static class AuditOrigins
{
    public static IApplicationBuilder UseAuditOrigin(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<AuditOrigin>().Set(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        return next(context);
    });
}
