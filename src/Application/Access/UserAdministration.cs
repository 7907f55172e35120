using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>Creates users and gives them roles, with an audit entry for each change. There is no default account or password.</summary>
public sealed class UserAdministration(UserManager<CommonwealUser> users, RoleManager<IdentityRole> roles, AuditLog audit, CommonwealDbContext db)
{
    public sealed record Outcome(bool Succeeded, string Message);

    public async Task<Outcome> AddAsync(string userName, string password, IReadOnlyList<string> roleNames, string actor)
    {
        if (string.IsNullOrWhiteSpace(userName)) return new Outcome(false, "a user name is required");
        if (roleNames.Count == 0) return new Outcome(false, $"at least one role is required ({string.Join(", ", Roles.All)})");
        var canonical = new List<string>();
        foreach (var name in roleNames)
        {
            if (Roles.Find(name) is not { } role)
                return new Outcome(false, $"'{name}' is not a role (choose from {string.Join(", ", Roles.All)})");
            canonical.Add(role);
        }

        if (await users.FindByNameAsync(userName) is not null) return new Outcome(false, $"a user called '{userName}' already exists");

        foreach (var role in canonical.Distinct())
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var user = new CommonwealUser { UserName = userName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new Outcome(false, string.Join(" ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRolesAsync(user, canonical.Distinct());
        if (!added.Succeeded) return new Outcome(false, string.Join(" ", added.Errors.Select(e => e.Description)));

        audit.Record(actor, "user.create", "User", userName, "roles: " + string.Join(", ", canonical.Distinct()));
        await db.SaveChangesAsync();
        return new Outcome(true, $"user '{userName}' created with role(s) {string.Join(", ", canonical.Distinct())}");
    }

    public async Task<IReadOnlyList<(string UserName, IReadOnlyList<string> Roles, bool LockedOut)>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var result = new List<(string, IReadOnlyList<string>, bool)>();
        foreach (var user in all)
            result.Add((user.UserName!, (await users.GetRolesAsync(user)).Order().ToList(), await users.IsLockedOutAsync(user)));
        return result;
    }
}
