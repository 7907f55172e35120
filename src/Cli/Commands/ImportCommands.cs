using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>import reference &lt;folder&gt;</c> and <c>import &lt;kind&gt; &lt;file&gt;</c>, one sub-command per official file format.</summary>
public static class ImportCommands
{
    public static Command Create(CliContext context)
    {
        var import = new Command("import", "Load official files (exactly as their publishers issue them) into the store.");

        var folder = new Argument<string>("folder") { Description = "A folder laid out like the reference data (deprivation/, geography/, population/, primary-care/)" };
        var reference = new Command("reference", "Load every official file found in a folder, in the right order.") { folder };
        reference.SetAction((parse, cancellationToken) => RunAsync(context, parse, (importer, progress) =>
            importer.ImportFolderAsync(parse.GetValue(folder)!, CliContext.Actor, progress, cancellationToken), cancellationToken));
        import.Subcommands.Add(reference);

        foreach (var reader in ReferenceReaders.All)
        {
            var file = new Argument<string>("file") { Description = $"The file, e.g. {reader.FolderPattern}" };
            var command = new Command(reader.Kind, reader.Description) { file };
            command.SetAction((parse, cancellationToken) => RunAsync(context, parse, async (importer, progress) =>
                [await importer.ImportFileAsync(reader, parse.GetValue(file)!, CliContext.Actor, progress, cancellationToken)], cancellationToken));
            import.Subcommands.Add(command);
        }

        return import;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        ParseResult parse,
        Func<ReferenceImport, IProgress<string>, Task<IReadOnlyList<ImportOutcome>>> run,
        CancellationToken cancellationToken)
    {
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
        var progress = new Progress(context.Error);
        var outcomes = await run(scope.ServiceProvider.GetRequiredService<ReferenceImport>(), progress);
        foreach (var outcome in outcomes)
        {
            if (outcome.Problem is { } problem)
            {
                await context.Error.WriteLineAsync($"error: {problem}");
                await context.Error.WriteLineAsync($"Nothing was changed by {outcome.FileName}.");
                return CliApp.BadInput;
            }

            await context.Output.WriteLineAsync(
                $"{outcome.Kind,-24} {outcome.FileName}: {outcome.Rows:N0} rows, {outcome.ChangedRows:N0} changed ({outcome.Elapsed.TotalSeconds:0.00} s)");
            foreach (var note in outcome.Notes)
                await context.Output.WriteLineAsync($"  note: {note}");
        }

        return CliApp.Ok;
    }

    /// <summary>Progress goes to standard error so standard output stays a clean report.</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("  … " + value);
    }
}
