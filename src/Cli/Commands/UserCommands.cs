using System.CommandLine;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>commonweal users add|list|disable|enable|unlock|set-roles|reset-password|set-partner</c>: local accounts, each change audited.</summary>
public static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("username") { Description = "The name the user signs in with" };
        Option<string[]> RoleOption() => new("--role", "-r")
        {
            Description = $"Role(s): {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };

        var addRoles = RoleOption();
        var add = new Command("add", "Create a local user. The password is read from standard input (there is no default password).") { name, addRoles };
        add.SetAction((parse, cancellationToken) => WithPasswordAsync(context, parse, "add NAME --role Administrator", (users, password) =>
            users.AddAsync(parse.GetValue(name)!, password, parse.GetValue(addRoles) ?? [], CliContext.Actor), cancellationToken));

        var list = new Command("list", "List users: roles, whether disabled or locked out, and how many sessions are open.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            foreach (var account in await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync())
            {
                var state = account.Disabled ? "  (disabled)" : account.LockedOut ? $"  (locked out until {account.LockedUntil:yyyy-MM-dd HH:mm} UTC)" : string.Empty;
                await context.Output.WriteLineAsync($"{account.UserName,-24} {string.Join(", ", account.Roles)}{state}  sessions: {account.Sessions}");
            }

            return CliApp.Ok;
        });

        var disable = new Command("disable", "Stop a user signing in and end their sessions now (the last enabled administrator cannot be disabled).") { name };
        disable.SetAction((parse, cancellationToken) => RunAsync(context, parse, users => users.DisableAsync(parse.GetValue(name)!, CliContext.Actor), cancellationToken));

        var enable = new Command("enable", "Let a disabled user sign in again.") { name };
        enable.SetAction((parse, cancellationToken) => RunAsync(context, parse, users => users.EnableAsync(parse.GetValue(name)!, CliContext.Actor), cancellationToken));

        var unlock = new Command("unlock", "End a lockout after too many wrong passwords.") { name };
        unlock.SetAction((parse, cancellationToken) => RunAsync(context, parse, users => users.UnlockAsync(parse.GetValue(name)!, CliContext.Actor), cancellationToken));

        var setRoles = RoleOption();
        var roles = new Command("set-roles", "Replace a user's roles and end their sessions (the last enabled administrator keeps Administrator).") { name, setRoles };
        roles.SetAction((parse, cancellationToken) => RunAsync(context, parse, users => users.SetRolesAsync(parse.GetValue(name)!, parse.GetValue(setRoles) ?? [], CliContext.Actor), cancellationToken));

        var reset = new Command("reset-password", "Set a new password, read from standard input, and end the user's sessions.") { name };
        reset.SetAction((parse, cancellationToken) => WithPasswordAsync(context, parse, "reset-password NAME", (users, password) =>
            users.ResetPasswordAsync(parse.GetValue(name)!, password, CliContext.Actor), cancellationToken));

        var partner = new Argument<string>("partner") { Description = "The partner organisation (name or identifier), or none" };
        var works = new Command("set-partner", "Link a user to the partner organisation they work for (a provider's staff see only its contracts), or none; ends their sessions.") { name, partner };
        works.SetAction((parse, cancellationToken) => RunAsync(context, parse, users => users.SetPartnerAsync(parse.GetValue(name)!, parse.GetValue(partner)!, CliContext.Actor), cancellationToken));

        return new Command("users", "Manage local user accounts.") { add, list, disable, enable, unlock, roles, reset, works };
    }

    private static async Task<int> WithPasswordAsync(CliContext context, ParseResult parse, string example,
        Func<UserAdministration, string, Task<UserAdministration.Outcome>> change, CancellationToken cancellationToken)
    {
        var password = (await context.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            await context.Error.WriteLineAsync($"error: give the password on standard input, e.g.  printf '%s\\n' \"$PASSWORD\" | commonweal users {example}");
            return CliApp.BadInput;
        }

        return await RunAsync(context, parse, users => change(users, password), cancellationToken);
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Func<UserAdministration, Task<UserAdministration.Outcome>> change, CancellationToken cancellationToken)
    {
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
        var outcome = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        await (outcome.Succeeded ? context.Output : context.Error).WriteLineAsync(outcome.Succeeded ? outcome.Message : "error: " + outcome.Message);
        return outcome.Succeeded ? CliApp.Ok : CliApp.BadInput;
    }
}
