using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// What every <c>stats</c> verb shares: an input CSV (or "-" for standard input), <c>--output</c>,
/// <c>--confidence</c>, and the all-or-nothing rule — bad input prints "FILE line N, column 'X': …",
/// exits with 2 and writes nothing; a file that cannot be read or written prints one line naming it and exits with 1.
/// </summary>
public static class StatsVerb
{
    public const string DefaultLevels = "95,99.8";

    /// <summary>A verb that reports confidence limits: it has <c>--confidence</c>.</summary>
    public static Command Create(string name, string description, CliContext context, Action<StatsRun> run, params Option[] options) =>
        Build(name, description, context, run, withLevels: true, options);

    /// <summary>A verb with no confidence limits of its own to report (SPC, quantiles, benchmarking): no <c>--confidence</c>.</summary>
    public static Command CreateWithoutLevels(string name, string description, CliContext context, Action<StatsRun> run, params Option[] options) =>
        Build(name, description, context, run, withLevels: false, options);

    private static Command Build(string name, string description, CliContext context, Action<StatsRun> run, bool withLevels, Option[] options)
    {
        var input = new Argument<string>("input") { Description = "CSV file with a header row, or - for standard input" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the result to this file (default: standard output). Nothing is written unless the whole input is valid" };
        var confidence = new Option<string>("--confidence")
        {
            Description = "Confidence levels for the limits, comma-separated percentages (columns lower_95, upper_95, …)",
            DefaultValueFactory = _ => DefaultLevels,
        };
        var command = new Command(name, description) { input, output };
        if (withLevels) command.Options.Add(confidence);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            StatsRun? job = null;
            try
            {
                var levels = withLevels ? ParseLevels(parse.GetValue(confidence) ?? DefaultLevels) : [];
                using var reader = CsvInput.Open(parse.GetValue(input)!, context.Input);
                using var writer = CsvOutput.Create(parse.GetValue(output), context.Output);
                job = new StatsRun(parse, reader, writer, levels);
                run(job);
                job.Commit();
                return CliApp.Ok;
            }
            catch (StatsInputException problem)
            {
                context.Error.WriteLine("error: " + problem.Message);
                return CliApp.BadInput;
            }
            catch (StatsFileException problem)
            {
                context.Error.WriteLine("error: " + problem.Message);
                return CliApp.Failed;
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                // A file that fails while it is read or written (a full disk, a closed pipe): still one line, never a stack trace.
                context.Error.WriteLine("error: " + problem.Message);
                return CliApp.Failed;
            }
            finally
            {
                job?.Abandon();
            }
        });
        return command;
    }

    /// <summary>"95,99.8" → the two levels; anything else that is not a level in (0, 100] is an error.</summary>
    public static IReadOnlyList<ConfidenceLevel> ParseLevels(string text)
    {
        var levels = new List<ConfidenceLevel>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ConfidenceLevel.TryParse(part, out var level) || level.Level >= 1)
                throw StatsRun.OptionProblem("--confidence", $"'{part}' is not a confidence level (give percentages below 100, such as 95,99.8)");
            if (levels.Exists(l => l.Suffix == level.Suffix))
                throw StatsRun.OptionProblem("--confidence", $"{part} is given twice");
            levels.Add(level);
        }

        return levels.Count > 0 ? levels : throw StatsRun.OptionProblem("--confidence", "at least one level is needed");
    }
}
