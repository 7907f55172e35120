using System.CommandLine;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>
/// <c>commonweal clients add|list|revoke|rotate</c>: systems that call Commonweal with an API key (a GP system sending
/// referrals, a provider's case system). A new key is printed once, as the last line of the output, so that
/// <c>| tail -1</c> takes it; only its hash is kept. Each change audited.
/// </summary>
public static class ClientCommands
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = $"The client's name: 1 to {ApiKeys.NameLength} letters, digits, '-', '_' or '.'" };
        var roles = new Option<string[]>("--role", "-r")
        {
            Description = $"Role(s): {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var partner = new Option<string?>("--partner") { Description = "The partner organisation the client acts for (name or identifier): a provider's system sees only its organisation's records" };

        var add = new Command("add", "Add a client and print its key, once, as the last line (only its hash is kept).") { name, roles, partner };
        add.SetAction((parse, cancellationToken) => RunAsync(context, parse, (clients, ct) =>
            clients.AddAsync(parse.GetValue(name)!, parse.GetValue(roles) ?? [], parse.GetValue(partner), CliContext.Actor, ct), cancellationToken));

        var list = new Command("list", "List clients: roles, partner, the start of the key (never the key), when added, last used and revoked.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var clients = await scope.ServiceProvider.GetRequiredService<ApiClients>().ListAsync(cancellationToken);
            if (clients.Count == 0)
                await context.Output.WriteLineAsync("No API clients yet. Add one with: commonweal clients add <name> --role Referrer");
            foreach (var c in clients)
            {
                var state = c.RevokedAt is { } revoked ? $"  revoked {revoked:yyyy-MM-dd HH:mm} by {c.RevokedBy}" : string.Empty;
                var used = c.LastUsed is { } last ? $"  last used {last:yyyy-MM-dd HH:mm}" : string.Empty;
                await context.Output.WriteLineAsync(
                    $"{c.Name,-24} {string.Join(", ", c.Roles)}  partner: {c.Partner ?? "none"}  key: {ApiKeys.Prefix}{c.KeyPrefix}…  added {c.Created:yyyy-MM-dd HH:mm} by {c.CreatedBy}{used}{state}");
            }

            return CliApp.Ok;
        });

        var revoke = new Command("revoke", "Stop a client's key working (at once on a running server, within 5 seconds at most); its name is not used again.") { name };
        revoke.SetAction((parse, cancellationToken) => RunAsync(context, parse, (clients, ct) => clients.RevokeAsync(parse.GetValue(name)!, CliContext.Actor, ct), cancellationToken));

        var rotate = new Command("rotate", "Give a client a new key, printed once as the last line; the old key stops working.") { name };
        rotate.SetAction((parse, cancellationToken) => RunAsync(context, parse, (clients, ct) => clients.RotateAsync(parse.GetValue(name)!, CliContext.Actor, ct), cancellationToken));

        return new Command("clients", "Manage API clients: systems that send referrals with an API key.") { add, list, revoke, rotate };
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Func<ApiClients, CancellationToken, Task<ApiClients.Outcome>> change, CancellationToken cancellationToken)
    {
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
        var outcome = await change(scope.ServiceProvider.GetRequiredService<ApiClients>(), cancellationToken);
        if (!outcome.Succeeded)
        {
            await context.Error.WriteLineAsync("error: " + outcome.Message);
            return CliApp.BadInput;
        }

        await context.Output.WriteLineAsync(outcome.Message);
        if (outcome.Key is { } key)
        {
            await context.Output.WriteLineAsync("The key is shown this once; send it as 'Authorization: Bearer <key>'. It is the last line:");
            await context.Output.WriteLineAsync(key);
        }

        return CliApp.Ok;
    }
}
