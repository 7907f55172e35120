using System.Security.Claims;
using Commonweal.Application.Referrals;
using Commonweal.Persistence;
using Commonweal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The signed-in user or system client as a <see cref="ReferralViewer"/>: their name, roles and organisation. A system
/// client's organisation is the one its key was issued for (its claim), so a referral posted by a system costs no look-up
/// in the store (thousands a second); a person's is read from the store each time, so an administrator's change applies at once.
/// The user manager is asked for only then: making it makes a DbContext, which a system's request never needs.
/// </summary>
public sealed class ReferralViewers(IServiceProvider services)
{
    public async Task<ReferralViewer> OfAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        var partner = ApiKeyAuthentication.IsClient(user, out var claimed) ? claimed
            : user.Identity?.IsAuthenticated == true ? (await services.GetRequiredService<UserManager<CommonwealUser>>().FindByNameAsync(name))?.PartnerId : null;
        return new ReferralViewer(name, SignedInRoles.Of(user), partner);
    }
}
