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

        var folder = new Argument<string>("folder") { Description = "A folder of official files, in any layout and under any names: each is recognised by its content" };
        var reference = new Command("reference", "Load every official file found in a folder and its subfolders, in the right order; list what was found and skipped.") { folder };
        reference.SetAction((parse, cancellationToken) => RunAsync(context, parse, async (importer, progress) =>
        {
            var result = await importer.ImportFolderAsync(parse.GetValue(folder)!, CliContext.Actor, progress, cancellationToken);
            foreach (var file in result.Files.Where(f => f.Reader is not null))
                await context.Output.WriteLineAsync($"found    {file.Reader!.Kind,-28} {file.RelativePath}");
            foreach (var file in result.Files.Where(f => f.Reader is null))
                await context.Output.WriteLineAsync($"skipped  {file.RelativePath}: {file.Skipped}");
            return result.Outcomes;
        }, cancellationToken));
        import.Subcommands.Add(reference);

        foreach (var reader in ReferenceReaders.All)
        {
            var file = new Argument<string>("file") { Description = $"The file, as {reader.Source}" };
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
        var changed = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome.Problem is { } problem)
            {
                await context.Error.WriteLineAsync($"error: {problem}");
                await context.Error.WriteLineAsync($"Nothing was changed by {outcome.FileName}.");
                return CliApp.BadInput;
            }

            changed += outcome.ChangedRows;
            await context.Output.WriteLineAsync(
                $"{outcome.Kind,-28} {outcome.FileName}: {outcome.Rows:N0} rows, {outcome.ChangedRows:N0} changed ({outcome.Elapsed.TotalSeconds:0.00} s)");
            foreach (var note in outcome.Notes)
                await context.Output.WriteLineAsync($"  note: {note}");
        }

        if (outcomes.Count > 1 && changed == 0)
            await context.Output.WriteLineAsync("Nothing changed: the store already held every file's contents.");
        return CliApp.Ok;
    }

    /// <summary>Progress goes to standard error so standard output stays a clean report.</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("  … " + value);
    }
}
