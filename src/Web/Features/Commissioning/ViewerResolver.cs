using System.Security.Claims;
using Commonweal.Application.Commissioning;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Commissioning;

/// <summary>
/// Who is asking about contracts, from the signed-in user: their roles (commissioners, analysts and administrators see the
/// whole register) and the partner organisation they work for (a provider's staff see only its contracts), read from the
/// store on each request so that an administrator's change applies at once.
/// </summary>
public sealed class ViewerResolver(UserManager<CommonwealUser> users)
{
    public async Task<CommissioningViewer> OfAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Roles.Find(r) is not null).ToList();
        var account = user.Identity?.IsAuthenticated == true ? await users.FindByNameAsync(name) : null;
        return CommissioningViewer.Of(name, roles, account?.PartnerId);
    }
}
