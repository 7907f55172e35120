using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>
/// Local accounts: create, list, disable and enable, unlock, change roles, reset a password — the same for the command line
/// and the administrators' page, each change audited. Disabling, a new password or new roles end every session of the user
/// at once. The last enabled administrator cannot be disabled or lose the role. There is no default account or password.
/// </summary>
public sealed class UserAdministration(UserManager<CommonwealUser> users, RoleManager<IdentityRole> roles, AuditLog audit, CommonwealDbContext db,
    SessionRevocation sessions, TimeProvider clock)
{
    public sealed record Outcome(bool Succeeded, string Message);

    /// <summary>One account as the list shows it.</summary>
    public sealed record Account(string UserName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, DateTimeOffset? LockedUntil, int Sessions);

    public async Task<Outcome> AddAsync(string userName, string password, IReadOnlyList<string> roleNames, string actor)
    {
        if (string.IsNullOrWhiteSpace(userName)) return new Outcome(false, "a user name is required");
        if (Canonical(roleNames, out var canonical) is { } refused) return refused;
        if (await users.FindByNameAsync(userName) is not null) return new Outcome(false, $"a user called '{userName}' already exists");

        await EnsureRolesAsync(canonical);
        var user = new CommonwealUser { UserName = userName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Failed(created);
        var added = await users.AddToRolesAsync(user, canonical);
        if (!added.Succeeded) return Failed(added);

        audit.Record(actor, "user.create", "User", userName, "roles: " + string.Join(", ", canonical));
        await db.SaveChangesAsync();
        return new Outcome(true, $"user '{userName}' created with role(s) {string.Join(", ", canonical)}");
    }

    public async Task<IReadOnlyList<Account>> ListAsync()
    {
        var open = await sessions.CountsAsync(clock.GetUtcNow());
        var result = new List<Account>();
        foreach (var user in await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync())
            result.Add(await AccountOfAsync(user, open.GetValueOrDefault(user.UserName!)));
        return result;
    }

    /// <summary>One account, or null when there is no user of that name.</summary>
    public async Task<Account?> FindAsync(string userName)
    {
        if (string.IsNullOrWhiteSpace(userName) || await users.FindByNameAsync(userName) is not { } user) return null;
        var open = await sessions.CountsAsync(clock.GetUtcNow());
        return await AccountOfAsync(user, open.GetValueOrDefault(user.UserName!));
    }

    private async Task<Account> AccountOfAsync(CommonwealUser user, int openSessions)
    {
        var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new Account(user.UserName!, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)], user.Disabled, locked,
            locked ? user.LockoutEnd : null, openSessions);
    }

    /// <summary>
    /// The roles of a user who proves who they are with their password (the command line's person-level commands), or null:
    /// no such user, disabled, locked out, or a wrong password — which counts towards the lockout as a wrong sign-in does.
    /// Each failure is audited as a failed sign-in is.
    /// </summary>
    public async Task<IReadOnlyList<string>?> VerifyAsync(string userName, string password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName);
        string? failure = user is null ? "no such user"
            : user.Disabled ? "account disabled"
            : await users.IsLockedOutAsync(user) ? "account locked out"
            : null;
        if (failure is null && !await users.CheckPasswordAsync(user!, password))
        {
            await users.AccessFailedAsync(user!);
            failure = "wrong password";
        }

        if (failure is not null)
        {
            audit.Record("cli:" + userName, "user.verify.failed", "User", userName ?? "", failure);
            await db.SaveChangesAsync();
            return null;
        }

        await users.ResetAccessFailedCountAsync(user!);
        return [.. await users.GetRolesAsync(user!)];
    }

    /// <summary>The account can no longer sign in, and its sessions end now.</summary>
    public Task<Outcome> DisableAsync(string userName, string actor) => ChangeAsync(userName, actor, async user =>
    {
        if (user.Disabled) return new Outcome(true, $"user '{userName}' is already disabled");
        if (await IsLastAdministratorAsync(user)) return LastAdministrator(userName, "disabled");
        user.Disabled = true;
        if (await users.UpdateAsync(user) is { Succeeded: false } failed) return Failed(failed);
        var ended = await sessions.RevokeAllAsync(user.UserName!);
        audit.Record(actor, "user.disable", "User", userName, $"{ended} session(s) ended");
        return new Outcome(true, $"user '{userName}' disabled; {ended} session(s) ended");
    });

    public Task<Outcome> EnableAsync(string userName, string actor) => ChangeAsync(userName, actor, async user =>
    {
        if (!user.Disabled) return new Outcome(true, $"user '{userName}' is already enabled");
        user.Disabled = false;
        if (await users.UpdateAsync(user) is { Succeeded: false } failed) return Failed(failed);
        audit.Record(actor, "user.enable", "User", userName);
        return new Outcome(true, $"user '{userName}' enabled");
    });

    /// <summary>Ends a lockout after too many wrong passwords, and clears the count.</summary>
    public Task<Outcome> UnlockAsync(string userName, string actor) => ChangeAsync(userName, actor, async user =>
    {
        var wasLocked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        if (await users.SetLockoutEndDateAsync(user, null) is { Succeeded: false } failed) return Failed(failed);
        if (await users.ResetAccessFailedCountAsync(user) is { Succeeded: false } reset) return Failed(reset);
        audit.Record(actor, "user.unlock", "User", userName, wasLocked ? "was locked out" : "was not locked out");
        return new Outcome(true, wasLocked ? $"user '{userName}' unlocked" : $"user '{userName}' was not locked out; failed attempts cleared");
    });

    /// <summary>Replaces the user's roles; their sessions end, so the new roles apply from their next sign-in.</summary>
    public Task<Outcome> SetRolesAsync(string userName, IReadOnlyList<string> roleNames, string actor) => ChangeAsync(userName, actor, async user =>
    {
        if (Canonical(roleNames, out var wanted) is { } refused) return refused;
        var had = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        if (had.SequenceEqual(wanted.Order(StringComparer.Ordinal))) return new Outcome(true, $"user '{userName}' already has role(s) {string.Join(", ", had)}");
        if (had.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator) && await IsLastAdministratorAsync(user))
            return LastAdministrator(userName, "left without the Administrator role");

        await EnsureRolesAsync(wanted);
        if (await users.RemoveFromRolesAsync(user, had.Except(wanted)) is { Succeeded: false } removed) return Failed(removed);
        if (await users.AddToRolesAsync(user, wanted.Except(had)) is { Succeeded: false } added) return Failed(added);
        var ended = await sessions.RevokeAllAsync(user.UserName!);
        audit.Record(actor, "user.set-roles", "User", userName, $"{string.Join(", ", had)} → {string.Join(", ", wanted)}; {ended} session(s) ended");
        return new Outcome(true, $"user '{userName}' now has role(s) {string.Join(", ", wanted)}; {ended} session(s) ended");
    });

    /// <summary>
    /// Links the user to the partner organisation they work for (a provider's staff then see only its contracts), or
    /// unlinks them with "none"; their sessions end so the change applies from their next sign-in.
    /// </summary>
    public Task<Outcome> SetPartnerAsync(string userName, string partner, string actor) => ChangeAsync(userName, actor, async user =>
    {
        int? id = null;
        var name = "none";
        if (!string.Equals(partner?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            var found = Commissioning.PartnerRegister.Find(await db.Partners.AsNoTracking().ToListAsync(), partner);
            if (found is null) return new Outcome(false, $"there is no partner called '{partner}' (partners list shows them)");
            (id, name) = (found.Id, found.Name);
        }

        user.PartnerId = id;
        if (await users.UpdateAsync(user) is { Succeeded: false } updated) return Failed(updated);
        var ended = await sessions.RevokeAllAsync(user.UserName!);
        audit.Record(actor, "user.set-partner", "User", userName, $"{name}; {ended} session(s) ended");
        return new Outcome(true, $"user '{userName}' now works for {name}; {ended} session(s) ended");
    });

    /// <summary>Sets a new password (checked by the same rules as a new account's); the user's sessions end.</summary>
    public Task<Outcome> ResetPasswordAsync(string userName, string password, string actor) => ChangeAsync(userName, actor, async user =>
    {
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (problems.Count > 0) return new Outcome(false, string.Join(" ", problems.Select(e => e.Description)));

        if (await users.RemovePasswordAsync(user) is { Succeeded: false } removed) return Failed(removed);
        if (await users.AddPasswordAsync(user, password) is { Succeeded: false } added) return Failed(added);
        var ended = await sessions.RevokeAllAsync(user.UserName!);
        audit.Record(actor, "user.reset-password", "User", userName, $"{ended} session(s) ended");
        return new Outcome(true, $"password of '{userName}' reset; {ended} session(s) ended");
    });

    /// <summary>Runs a change to one existing user in one transaction (the account, its sessions and the audit entry together).</summary>
    private async Task<Outcome> ChangeAsync(string userName, string actor, Func<CommonwealUser, Task<Outcome>> change)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName);
        if (user is null) return new Outcome(false, $"there is no user called '{userName}'");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await change(user);
        if (!outcome.Succeeded) return outcome; // rolled back as the transaction is disposed
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcome;
    }

    private async Task<bool> IsLastAdministratorAsync(CommonwealUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Administrator)) return false;
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !administrators.Any(a => a.Id != user.Id && !a.Disabled);
    }

    private static Outcome LastAdministrator(string userName, string what) =>
        new(false, $"'{userName}' is the last enabled administrator and cannot be {what}: make another administrator first");

    private static Outcome? Canonical(IReadOnlyList<string> roleNames, out List<string> canonical) =>
        Roles.Canonical(roleNames, out canonical) is { } problem ? new Outcome(false, problem) : null;

    private async Task EnsureRolesAsync(IEnumerable<string> wanted)
    {
        foreach (var role in wanted)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static Outcome Failed(IdentityResult result) => new(false, string.Join(" ", result.Errors.Select(e => e.Description)));
}
