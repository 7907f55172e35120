using Commonweal.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization(Policies.Anyone).ExcludeFromDescription();

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<CommonwealUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }
}
