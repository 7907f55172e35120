using Commonweal.Application.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Features.Account;

/// <summary>
/// Signs in with a user name and password. Whatever went wrong — no such account, a wrong password, a locked or disabled
/// account — the person is told the same thing and it takes as long (an unknown name still costs a password hash), so the
/// page does not reveal which accounts exist (OWASP ASVS 2.2, 3.2). The audit trail, which only administrators read,
/// records each attempt's outcome, with the client's address and User-Agent.
/// </summary>
public sealed class PasswordSignIn(SignInManager<CommonwealUser> signIn, UserManager<CommonwealUser> users, AuditLog audit, CommonwealDbContext db)
{
    /// <summary>The one message for every failure.</summary>
    public const string Failed = "The user name or password is not right, or the account cannot be used. After 5 wrong passwords an account is locked for 15 minutes; an administrator can unlock it.";

    /// <summary>The longest user name looked up (Identity's column); longer attempts are recorded cut.</summary>
    private const int NameLength = 256;

    private static readonly CommonwealUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<CommonwealUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<bool> SignInAsync(string userName, string password)
    {
        var name = userName.Length > NameLength ? userName[..NameLength] : userName;
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        string outcome;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password); // the same work as a real check
            outcome = "sign-in.unknown-user";
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            outcome = result.Succeeded ? "sign-in"
                : result.IsLockedOut ? "sign-in.locked-out"
                : result.IsNotAllowed ? "sign-in.disabled"
                : "sign-in.failed";
        }

        audit.Record(name, outcome, "User", name, user is null ? "no account has this name" : null);
        await db.SaveChangesAsync();
        return outcome == "sign-in";
    }
}
