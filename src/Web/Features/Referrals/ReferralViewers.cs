using System.Security.Claims;
using Commonweal.Application.Referrals;
using Commonweal.Persistence;
using Commonweal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The signed-in user or system client as a <see cref="ReferralViewer"/>: their name, roles and organisation (a system
/// client's from its key, a person's from their account).
/// </summary>
public sealed class ReferralViewers(UserManager<CommonwealUser> users)
{
    public async Task<ReferralViewer> OfAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        var partner = ApiKeyAuthentication.IsClient(user, out var clientPartner)
            ? clientPartner
            : user.Identity?.IsAuthenticated == true ? (await users.FindByNameAsync(name))?.PartnerId : null;
        return new ReferralViewer(name, SignedInRoles.Of(user), partner);
    }
}
