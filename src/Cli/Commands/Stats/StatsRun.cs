using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>One run of a <c>stats</c> verb: its parsed options, the input being streamed, the output being written.</summary>
public sealed class StatsRun(ParseResult parse, CsvInput input, CsvOutput output, IReadOnlyList<ConfidenceLevel> levels)
{
    private readonly List<CsvOutput> extras = [];

    public ParseResult Parse { get; } = parse;

    public CsvInput Input { get; } = input;

    public CsvOutput Output { get; } = output;

    /// <summary>The confidence levels asked for (<c>--confidence</c>), 95 % and 99.8 % by default.</summary>
    public IReadOnlyList<ConfidenceLevel> Levels { get; } = levels;

    /// <summary>The <c>lower_95,upper_95,lower_99_8,upper_99_8</c> column names for the levels asked for.</summary>
    public IEnumerable<string> LimitColumns(string prefix = "") =>
        Levels.SelectMany(level => new[] { $"{prefix}lower_{level.Suffix}", $"{prefix}upper_{level.Suffix}" });

    /// <summary>A second output file (a limits table, a summary), put in place only if the whole run succeeds.</summary>
    public CsvOutput ExtraOutput(string path)
    {
        var extra = CsvOutput.Create(path, TextWriter.Null);
        extras.Add(extra);
        return extra;
    }

    /// <summary>An error about an option's value.</summary>
    public static StatsInputException OptionProblem(string option, string message) => new($"{option}: {message}");

    internal void Commit()
    {
        foreach (var extra in extras) extra.Commit();
        Output.Commit();
    }

    internal void Abandon()
    {
        foreach (var extra in extras) extra.Dispose();
    }
}
