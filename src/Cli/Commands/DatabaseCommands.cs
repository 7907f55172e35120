using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

public static class DatabaseCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Create the store or bring its schema up to date (no data is added).");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            await context.Output.WriteLineAsync($"Database is up to date: {settings.Description}");
            return CliApp.Ok;
        });
        return new Command("db", "Manage the store.") { migrate };
    }
}
