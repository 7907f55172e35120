using System.Security.Claims;
using Commonweal.Application.Commissioning;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Commissioning;

/// <summary>
/// Who is asking about contracts, from the signed-in user: their roles (as <see cref="SignedInRoles"/> reads them, so single
/// sign-on's role claim counts too; commissioners, analysts and administrators see the
/// whole register) and the partner organisation they work for (a provider's staff see only its contracts), read from the
/// store on each request so that an administrator's change applies at once; a system client's partner is the one its
/// key was issued for (its claim).
/// </summary>
public sealed class ViewerResolver(UserManager<CommonwealUser> users)
{
    public async Task<CommissioningViewer> OfAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        // A system client acts for the partner its key was issued for (a provider's system sees only its organisation's).
        if (Hosting.ApiKeyAuthentication.IsClient(user, out var partner)) return CommissioningViewer.Of(name, SignedInRoles.Of(user), partner);
        var account = user.Identity?.IsAuthenticated == true ? await users.FindByNameAsync(name) : null;
        return CommissioningViewer.Of(name, SignedInRoles.Of(user), account?.PartnerId);
    }
}
