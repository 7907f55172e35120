using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// <c>stats benchmark</c>: each area's confidence interval against its comparator's value, Fingertips style, at one
/// level (Better/Similar/Worse) or two (adds Best/Worst), by polarity.
/// </summary>
public static class BenchmarkVerb
{
    public static Command Create(CliContext context)
    {
        // Named --levels as in the issue: the shared --confidence option (interval levels) does not apply here,
        // because the limits are read from the input's lower_95 … upper_99_8 columns.
        var levels = new Option<int>("--levels")
        {
            Description = "1: the 95 % interval (Fingertips method 1); 2: 95 % and 99.8 % (method 17, adds Best/Worst)",
            DefaultValueFactory = _ => 1,
        };
        var method = new Option<string>("--method")
        {
            Description = "ci: each area's interval against the comparator value (Fingertips methods 1 and 17); quintiles: each area's quintile among the values of its group (method 15; needs area,value,polarity and at least 5 values per group; an optional group column keeps indicators or periods apart)",
            DefaultValueFactory = _ => "ci",
        };
        return StatsVerb.CreateWithoutLevels(
            "benchmark",
            "Compares each area's interval with the comparator value. Input: area,value,lower_95,upper_95,lower_99_8,upper_99_8,comparator,polarity (polarity high_is_good, low_is_good or no_judgement; the 99.8 % limits only with --levels 2; every column is passed through). Adds significance: Better, Similar, Worse, Best, Worst, Higher, Lower or Not compared; with --method quintiles Best…Worst by polarity or Lowest, Low, Middle, High, Highest.",
            context,
            run =>
            {
                switch (run.Parse.GetValue(method))
                {
                    case "ci": Run(run, run.Parse.GetValue(levels)); break;
                    case "quintiles": RunQuintiles(run); break;
                    case var other: throw StatsRun.OptionProblem("--method", $"'{other}' is not ci or quintiles");
                }
            },
            levels,
            method);
    }

    /// <summary>Quintiles need every value of a group before any row can be labelled, so the file is read whole.</summary>
    private static void RunQuintiles(StatsRun run)
    {
        var input = run.Input;
        var value = input.Column("value");
        var polarityColumn = input.Column("polarity");
        var group = input.OptionalColumn("group");
        var rows = new List<(string Record, string Group, double Value, Polarity Polarity)>();
        while (input.Read())
        {
            if (!Benchmarking.TryParsePolarity(input.Text(polarityColumn), out var polarity))
                throw input.Problem(polarityColumn, $"'{input.Text(polarityColumn).Trim()}' is not a polarity (high_is_good, low_is_good or no_judgement)");
            rows.Add((input.Record, group < 0 ? string.Empty : input.Text(group).Trim(), input.OptionalNumber(value), polarity));
        }

        var bounds = rows.GroupBy(r => r.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Benchmarking.QuintileBounds(g.Select(r => r.Value).ToArray()), StringComparer.Ordinal);
        run.PassThroughHeader("significance");
        foreach (var row in rows)
        {
            run.Output.PassThrough(row.Record);
            run.Output.Field(Benchmarking.Label(Benchmarking.QuintileOutcome(Benchmarking.Quintile(row.Value, bounds[row.Group]), row.Polarity)));
            run.Output.EndRow();
        }
    }

    private static void Run(StatsRun run, int levels)
    {
        if (levels is not (1 or 2)) throw StatsRun.OptionProblem("--levels", $"{levels} must be 1 or 2");
        var input = run.Input;
        var value = input.Column("value");
        var lower95 = input.Column("lower_95");
        var upper95 = input.Column("upper_95");
        var lower998 = levels == 2 ? input.Column("lower_99_8") : -1;
        var upper998 = levels == 2 ? input.Column("upper_99_8") : -1;
        var comparator = input.Column("comparator");
        var polarityColumn = input.Column("polarity");
        run.PassThroughHeader("significance");
        run.ForEachRow(
            row =>
            {
                if (!Benchmarking.TryParsePolarity(row.Text(polarityColumn), out var polarity))
                    throw row.Problem(polarityColumn, $"'{row.Text(polarityColumn).Trim()}' is not a polarity (high_is_good, low_is_good or no_judgement)");
                var x = row.OptionalNumber(value);
                var i95 = Limits(row, x, lower95, upper95);
                var outcome = levels == 1
                    ? Benchmarking.CompareOneLevel(x, i95, row.OptionalNumber(comparator), polarity)
                    : Benchmarking.CompareTwoLevels(x, i95, Wider(row, Limits(row, x, lower998, upper998), i95, lower998), row.OptionalNumber(comparator), polarity);
                return (row.Record, outcome);
            },
            (row, output) =>
            {
                output.PassThrough(row.Record);
                output.Field(Benchmarking.Label(row.outcome));
                output.EndRow();
            });
    }

    /// <summary>An area's limits at one level, refused when they are the wrong way round or do not contain its value.</summary>
    private static Interval Limits(CsvInput row, double value, int lowerColumn, int upperColumn)
    {
        var limits = new Interval(row.OptionalNumber(lowerColumn), row.OptionalNumber(upperColumn));
        if (limits.Lower > limits.Upper) throw row.Problem(lowerColumn, "the lower limit is above the upper limit");
        if (value < limits.Lower) throw row.Problem(lowerColumn, "the lower limit is above the value");
        if (value > limits.Upper) throw row.Problem(upperColumn, "the upper limit is below the value");
        return limits;
    }

    /// <summary>The 99.8 % limits, refused when they do not contain the 95 % ones (the columns swapped, say).</summary>
    private static Interval Wider(CsvInput row, Interval limits998, Interval limits95, int lower998Column)
    {
        if (limits998.Lower > limits95.Lower || limits998.Upper < limits95.Upper)
            throw row.Problem(lower998Column, "the 99.8 % interval does not contain the 95 % interval (are the columns swapped?)");
        return limits998;
    }
}
