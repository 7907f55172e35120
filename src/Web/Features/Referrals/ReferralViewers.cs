using System.Globalization;
using System.Security.Claims;
using Commonweal.Application.Referrals;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Referrals;

/// <summary>The signed-in user or system client as a <see cref="ReferralViewer"/>: their name, roles and organisation.</summary>
public sealed class ReferralViewers(UserManager<CommonwealUser> users)
{
    /// <summary>The claim a system client's organisation is carried in.</summary>
    public const string PartnerClaim = "commonweal:partner";

    public async Task<ReferralViewer> OfAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        int? partner = user.FindFirst(PartnerClaim)?.Value is { } claimed && int.TryParse(claimed, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : user.Identity?.IsAuthenticated == true && user.FindFirst(PartnerClaim) is null ? (await users.FindByNameAsync(name))?.PartnerId : null;
        return new ReferralViewer(name, SignedInRoles.Of(user), partner);
    }
}
