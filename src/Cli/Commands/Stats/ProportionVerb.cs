using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats proportion</c>: a Wilson score interval for every row's numerator/denominator.</summary>
public static class ProportionVerb
{
    public static Command Create(CliContext context)
    {
        var multiplier = new Option<double>("--multiplier")
        {
            Description = "Scale of the value and limits: 100 for a percentage, 1 for a proportion",
            DefaultValueFactory = _ => 100,
        };
        return StatsVerb.Create(
            "proportion",
            "Proportions with Wilson score limits. Input: numerator,denominator (other columns are passed through). Adds value,lower_95,upper_95,lower_99_8,upper_99_8.",
            context,
            run => Run(run, run.Parse.GetValue(multiplier)),
            multiplier);
    }

    private static void Run(StatsRun run, double multiplier)
    {
        multiplier = StatsRun.Multiplier(multiplier, " (100 for a percentage, 1 for a proportion)");
        var input = run.Input;
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var levels = run.Levels;
        run.PassThroughHeader(["value", .. run.LimitColumns()]);
        run.ForEachRow(
            row =>
            {
                var x = row.NonNegative(numerator);
                var n = row.Positive(denominator);
                if (x > n) throw row.Problem(numerator, $"the numerator {row.Text(numerator).Trim()} is greater than the denominator {row.Text(denominator).Trim()}");
                return (row.Record, x, n);
            },
            (row, output) =>
            {
                output.PassThrough(row.Record);
                output.Field(row.x / row.n * multiplier);
                for (var i = 0; i < levels.Count; i++)
                {
                    var limits = Proportions.WilsonScore(row.x, row.n, levels[i]);
                    output.Field(limits.Lower * multiplier);
                    output.Field(limits.Upper * multiplier);
                }

                output.EndRow();
            });
    }
}
