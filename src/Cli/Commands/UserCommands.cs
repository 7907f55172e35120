using System.CommandLine;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

public static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("username") { Description = "The name the user signs in with" };
        var role = new Option<string[]>("--role", "-r")
        {
            Description = $"Role(s): {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var add = new Command("add", "Create a local user. The password is read from standard input (there is no default password).") { name, role };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var password = (await context.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                await context.Error.WriteLineAsync("error: give the password on standard input, e.g.  printf '%s\\n' \"$PASSWORD\" | commonweal users add NAME --role Administrator");
                return CliApp.BadInput;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddAsync(parse.GetValue(name)!, password, parse.GetValue(role) ?? [], CliContext.Actor);
            await (outcome.Succeeded ? context.Output : context.Error).WriteLineAsync(outcome.Succeeded ? outcome.Message : "error: " + outcome.Message);
            return outcome.Succeeded ? CliApp.Ok : CliApp.BadInput;
        });

        var list = new Command("list", "List users and their roles.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            foreach (var (user, roles, locked) in await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync())
                await context.Output.WriteLineAsync($"{user,-24} {string.Join(", ", roles)}{(locked ? "  (locked out)" : string.Empty)}");
            return CliApp.Ok;
        });

        return new Command("users", "Manage local user accounts.") { add, list };
    }
}
