using Commonweal.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commonweal.Web.Features.Account;

/// <summary>Identity's sign-in, where a disabled account cannot sign in (as an unconfirmed one cannot).</summary>
public sealed class CommonwealSignInManager(
    UserManager<CommonwealUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CommonwealUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CommonwealUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CommonwealUser> confirmation)
    : SignInManager<CommonwealUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CommonwealUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.Disabled && await base.CanSignInAsync(user);
    }
}
