using System.CommandLine;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Application.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>targets import</c> and <c>targets status</c>: SMART targets in, and their status worked out from the data out.</summary>
public static class TargetCommands
{
    public static Command Create(CliContext context) =>
        new("targets", "Import SMART targets and report their status, worked out from the data.")
        {
            Import(context), Status(context),
        };

    private static Command Import(CliContext context)
    {
        var path = new Argument<string>("file")
        {
            Description = "A CSV with the header " + string.Join(",", TargetFile.Columns)
                + " (trajectory: linear, or profile:PERIOD=VALUE;PERIOD=VALUE… ending at the deadline and the target)",
        };
        var import = new Command("import", "Import targets: every one is checked against the data (its baseline value taken from it); any that is not SMART → every reason with its line, exit code 2, nothing saved.")
        {
            path,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(path)!;
            if (!File.Exists(file)) return await PlaceCommands.FailAsync(context, $"no such file: {file}");
            TargetFile read;
            try
            {
                read = TargetFile.Read(file);
            }
            catch (FileProblemException e)
            {
                await context.Error.WriteLineAsync($"error: {e.Problem}");
                await context.Error.WriteLineAsync("Nothing was saved.");
                return CliApp.BadInput;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var outcome = await scope.ServiceProvider.GetRequiredService<TargetWriting>().CreateAsync(read.Inputs, CliContext.Actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                foreach (var refusal in outcome.Refusals) await context.Error.WriteLineAsync($"error: {read.Where(refusal)}");
                var lines = outcome.Refusals.Select(r => r.Line).Distinct().Count();
                await context.Error.WriteLineAsync($"{outcome.Refusals.Count} reason{(outcome.Refusals.Count == 1 ? string.Empty : "s")} on {lines} of {read.Inputs.Count} line{(read.Inputs.Count == 1 ? string.Empty : "s")}: nothing was saved.");
                return CliApp.BadInput;
            }

            await context.Output.WriteLineAsync($"{outcome.Created.Count} target{(outcome.Created.Count == 1 ? string.Empty : "s")} imported from {read.FileName}: ids {string.Join(", ", outcome.Created)}");
            return CliApp.Ok;
        });
        return import;
    }

    private static Command Status(CliContext context)
    {
        var format = PlaceOptions.Format();
        var latest = new Option<bool>("--latest") { Description = "One row per target: its latest period" };
        var status = new Command("status", "Each target's status in every period with data from its baseline on: "
            + string.Join(",", TargetTables.StatusColumns) + ". Status: not_measurable, achieved, on_track, at_risk or off_track; icons as stats spc names them (empty under 12 points).")
        {
            format, latest,
        };
        status.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var output = options.Format(format);
            if (options.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var reports = await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportsAsync(cancellationToken);
            await TableWriter.WriteAsync(context.Output, output, TargetTables.Status(reports, parse.GetValue(latest)));
            if (reports.Count == 0) await context.Error.WriteLineAsync("note: the store holds no targets (add them with: commonweal targets import <file>)");
            return CliApp.Ok;
        });
        return status;
    }
}
