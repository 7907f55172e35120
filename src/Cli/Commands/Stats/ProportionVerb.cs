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
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw StatsRun.OptionProblem("--multiplier", $"{multiplier} must be a number greater than zero (100 for a percentage, 1 for a proportion)");
        var input = run.Input;
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var levels = run.Levels;
        run.Output.Row([.. input.Header, "value", .. run.LimitColumns()]);
        while (input.Read())
        {
            var x = input.NonNegative(numerator);
            var n = input.Positive(denominator);
            if (x > n) throw input.Problem(numerator, $"the numerator {input.Text(numerator).Trim()} is greater than the denominator {input.Text(denominator).Trim()}");
            run.Output.PassThrough(input.Record);
            run.Output.Field(x / n * multiplier);
            for (var i = 0; i < levels.Count; i++)
            {
                var limits = Proportions.WilsonScore(x, n, levels[i]);
                run.Output.Field(limits.Lower * multiplier);
                run.Output.Field(limits.Upper * multiplier);
            }

            run.Output.EndRow();
        }
    }
}
