using System.Security.Claims;
using Commonweal.Core.Access;

namespace Commonweal.Web;

/// <summary>
/// The Commonweal roles a signed-in user holds, asked through <see cref="ClaimsPrincipal.IsInRole"/>, which reads each
/// identity's own role claim type: a local sign-in's role claims and single sign-on's ("roles", or the configured claim)
/// alike. Reading <see cref="ClaimTypes.Role"/> claims directly would miss the latter.
/// </summary>
public static class SignedInRoles
{
    public static IReadOnlyList<string> Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. Roles.All.Where(user.IsInRole)];
    }
}
