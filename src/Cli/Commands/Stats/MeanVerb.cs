using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats mean</c>: the mean of each group's values with Student's t limits.</summary>
public static class MeanVerb
{
    public static Command Create(CliContext context) =>
        StatsVerb.Create(
            "mean",
            "Means with Student's t limits. Input: group,value (one row per observation). Output, one row per group in order of first appearance: group,count,mean,sd,lower_95,upper_95,lower_99_8,upper_99_8,note (the note says why limits were not calculated, e.g. a single value).",
            context,
            Run);

    private static void Run(StatsRun run)
    {
        var input = run.Input;
        var group = input.Column("group");
        var value = input.Column("value");
        var groups = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        while (input.Read())
        {
            var name = input.Identifier(group);
            var x = input.Number(value);
            if (!groups.TryGetValue(name, out var values))
            {
                groups[name] = values = [];
                order.Add(name);
            }

            values.Add(x);
        }

        var output = run.Output;
        output.Row(["group", "count", "mean", "sd", .. run.LimitColumns(), "note"]);
        foreach (var name in order)
        {
            var result = Means.StudentT(groups[name].ToArray(), run.Levels);
            output.Field(name);
            output.Field((long)result.Count);
            output.Field(result.Mean);
            output.Field(result.StandardDeviation);
            foreach (var limits in result.Limits)
            {
                output.Field(limits.Lower);
                output.Field(limits.Upper);
            }

            output.Field(result.Note);
            output.EndRow();
        }
    }
}
