using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Application.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>report pack</c>: the exception pack as a Word document for the Health and Wellbeing Board, or as printable HTML.</summary>
public static class ReportCommands
{
    public static Command Create(CliContext context) =>
        new("report", "Board papers from the outcomes framework.")
        {
            Pack(context),
        };

    private static Command Pack(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "docx (a Word document for the board) or html (printable)", Required = true };
        var output = new Option<string>("--output") { Description = "The file to write", Required = true };
        var pack = new Command("pack", "Write the exception pack: the overview of every target by domain, a section per exception (trend and trajectory, SPC, neighbours, owner, commentary, actions), and every target in an appendix.")
        {
            format, output,
        };
        pack.SetAction(async (parse, cancellationToken) =>
        {
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("docx" or "html")) return await PlaceCommands.FailAsync(context, $"--format '{parse.GetValue(format)}' is not a format of the pack (docx or html)");
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
                return await PlaceCommands.FailAsync(context, $"the folder of --output does not exist: {folder}");

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var built = await scope.ServiceProvider.GetRequiredService<ExceptionPacks>().BuildAsync(cancellationToken);
            var paper = ExceptionPacks.Paper(built);
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            try
            {
                if (kind == "docx") await File.WriteAllBytesAsync(path, WordDocumentWriter.Write(paper, clock), cancellationToken);
                else await File.WriteAllTextAsync(path, HtmlDocumentWriter.Write(paper), cancellationToken);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return await PlaceCommands.FailAsync(context, $"cannot write {path}: {e.Message}");
            }

            var targets = built.Scorecard.Targets.Count();
            await context.Output.WriteLineAsync($"{path}: {targets} target{(targets == 1 ? string.Empty : "s")}, {built.Exceptions.Count} exception{(built.Exceptions.Count == 1 ? string.Empty : "s")} ({built.Scorecard.Framework.Standing})");
            return CliApp.Ok;
        });
        return pack;
    }
}
