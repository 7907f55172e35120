using System.CommandLine;
using Commonweal.Application.Backups;
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

        var backupFile = new Argument<string>("file") { Description = "The backup file to write (SQLite: a copy of the database; PostgreSQL: pg_dump's custom format)" };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists" };
        var backup = new Command("backup", "Back the store up to one file, consistently, while the web platform runs. Exit code 1 when refused.") { backupFile, force };
        backup.SetAction((parse, cancellationToken) => RunAsync(context, parse, backups =>
            backups.BackupAsync(parse.GetValue(backupFile)!, parse.GetValue(force), CliContext.Actor, cancellationToken)));

        var restoreFile = new Argument<string>("file") { Description = "A file made by `db backup` from this store's provider" };
        var restore = new Command(
            "restore",
            "Replace the store's contents with a backup's, then bring its schema up to date; stop the web platform first. "
            + "Anything that is not a backup of a Commonweal store is refused (exit code 1) and the store left unchanged.") { restoreFile };
        restore.SetAction((parse, cancellationToken) => RunAsync(context, parse, backups =>
            backups.RestoreAsync(parse.GetValue(restoreFile)!, CliContext.Actor, cancellationToken)));

        return new Command("db", "Manage the store.") { migrate, backup, restore };
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Func<StoreBackups, Task<BackupOutcome>> run)
    {
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        var outcome = await run(scope.ServiceProvider.GetRequiredService<StoreBackups>());
        await (outcome.Succeeded ? context.Output : context.Error).WriteLineAsync(outcome.Succeeded ? outcome.Message : "error: " + outcome.Message);
        return outcome.Succeeded ? CliApp.Ok : CliApp.Failed;
    }
}
