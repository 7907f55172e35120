using Commonweal.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Account;

public static class AccountEndpoints
{
    public const string OidcScheme = "oidc";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization(Policies.Anyone).ExcludeFromDescription();
        app.MapGet("/account/login/oidc", (string? returnUrl) => TypedResults.Challenge(
                new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OidcScheme]))
            .RequireAuthorization(Policies.Anyone).ExcludeFromDescription();
    }

    /// <summary>Only a path on this site may be a return address (no open redirects).</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<CommonwealUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }
}
