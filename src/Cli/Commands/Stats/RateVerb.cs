using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats rate</c>: a crude rate for every row, with Byar's limits from 10 events and exact Poisson limits below.</summary>
public static class RateVerb
{
    public static Command Create(CliContext context)
    {
        var multiplier = new Option<double>("--multiplier")
        {
            Description = "Scale of the value and limits: 100000 for a rate per 100,000",
            DefaultValueFactory = _ => Rates.PerHundredThousand,
        };
        return StatsVerb.Create(
            "rate",
            "Crude rates with Byar's limits (10 events or more) or exact Poisson limits (fewer). Input: numerator,denominator (other columns are passed through). Adds value,lower_95,upper_95,lower_99_8,upper_99_8,method.",
            context,
            run => Run(run, run.Parse.GetValue(multiplier)),
            multiplier);
    }

    private static void Run(StatsRun run, double multiplier)
    {
        multiplier = StatsRun.Multiplier(multiplier, " (e.g. 100000 for a rate per 100,000)");
        var input = run.Input;
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var levels = run.Levels;
        run.PassThroughHeader(["value", .. run.LimitColumns(), "method"]);
        run.ForEachRow(
            row => (row.Record, x: row.NonNegative(numerator), n: row.Positive(denominator)),
            (row, output) =>
            {
                output.PassThrough(row.Record);
                output.Field(row.x / row.n * multiplier);
                for (var i = 0; i < levels.Count; i++)
                {
                    var limits = Rates.CountLimits(row.x, levels[i]);
                    output.Field(limits.Lower / row.n * multiplier);
                    output.Field(limits.Upper / row.n * multiplier);
                }

                output.Field(Rates.MethodFor(row.x));
                output.EndRow();
            });
    }
}
