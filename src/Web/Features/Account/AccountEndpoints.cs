using Commonweal.Application.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Antiforgery;
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

    /// <summary>
    /// Sign-out: a form post with its antiforgery token only (so another site cannot sign a user out), and it ends every
    /// session of the user, on every device, not just this browser's.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<CommonwealUser> signIn,
        SessionRevocation sessions, AuditLog audit, CommonwealDbContext db)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException failed)
        {
            context.Features.Set<IAntiforgeryValidationFeature>(new AntiforgeryFailure(failed));
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest); // the error page explains
        }

        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            var ended = await sessions.RevokeAllAsync(name, context.RequestAborted);
            audit.Record(name, "sign-out", "User", name, $"{ended} session(s) ended");
            await db.SaveChangesAsync(context.RequestAborted);
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }

    private sealed class AntiforgeryFailure(Exception error) : IAntiforgeryValidationFeature
    {
        public bool IsValid => false;

        public Exception Error => error;
    }
}
