using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats quantile</c>: each area's quantile within its group (PHEindicatormethods <c>phe_quantile</c>).</summary>
public static class QuantileVerb
{
    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--n") { Description = "Number of quantiles (10 deciles, 5 quintiles, …)", DefaultValueFactory = _ => 10 };
        var invert = new Option<bool>("--invert") { Description = "Quantile 1 holds the highest values (as for IMD scores; phe_quantile's default)" };
        return StatsVerb.CreateWithoutLevels(
            "quantile",
            "Assigns areas to n quantiles by value within each group. Input: group,area,value (group optional; an empty value gets no quantile; every column is passed through). Adds quantile,note; the note says why an area has no quantile (no value, or its group has fewer areas with a value than quantiles).",
            context,
            run => Run(run, run.Parse.GetValue(count), run.Parse.GetValue(invert)),
            count, invert);
    }

    private const string NoValueNote = "no value";

    private static string TooFewNote(int quantileCount) => $"the group has fewer areas with a value than the {quantileCount} quantiles";

    private static void Run(StatsRun run, int quantileCount, bool invert)
    {
        if (quantileCount < 1) throw StatsRun.OptionProblem("--n", $"{quantileCount} must be at least 1");
        var input = run.Input;
        var groupColumn = input.OptionalColumn("group");
        var valueColumn = input.Column("value");
        var records = new List<string>();
        var values = new List<double>();
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        while (input.Read())
        {
            var name = groupColumn < 0 ? string.Empty : input.Identifier(groupColumn);
            if (!groups.TryGetValue(name, out var rows)) groups.Add(name, rows = []);
            rows.Add(records.Count);
            records.Add(input.Record);
            values.Add(input.OptionalNumber(valueColumn));
        }

        var quantiles = new int[records.Count];
        foreach (var rows in groups.Values)
        {
            var assigned = Quantiles.Assign(rows.Select(i => values[i]).ToArray(), quantileCount, invert);
            for (var k = 0; k < rows.Count; k++) quantiles[rows[k]] = assigned[k];
        }

        var output = run.Output;
        run.PassThroughHeader("quantile", "note");
        for (var i = 0; i < records.Count; i++)
        {
            output.PassThrough(records[i]);
            if (quantiles[i] > 0) output.Field(quantiles[i]);
            else output.Field((string?)null);
            // Quantiles.Assign leaves an area with a value unassigned only when its group has fewer values than quantiles.
            output.Field(quantiles[i] > 0 ? null : double.IsNaN(values[i]) ? NoValueNote : TooFewNote(quantileCount));
            output.EndRow();
        }
    }
}
