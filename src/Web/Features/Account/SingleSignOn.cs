using Commonweal.Application.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Authentication;

namespace Commonweal.Web.Features.Account;

/// <summary>Single sign-on through the configured OpenID Connect provider: each sign-in is audited like a password sign-in.</summary>
public static class SingleSignOn
{
    public static async Task AuditAsync(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Principal?.Identity?.Name ?? "(no name claim)";
        var roles = context.Principal?.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value) ?? [];
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<AuditLog>().Record(name, "sign-in.sso", "User", name, "roles: " + string.Join(", ", roles));
        await services.GetRequiredService<CommonwealDbContext>().SaveChangesAsync(context.HttpContext.RequestAborted);
    }
}
