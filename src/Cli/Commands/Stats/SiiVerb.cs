using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// <c>stats sii</c>: slope and relative indices of inequality per group over its deprivation quantiles
/// (PHEindicatormethods <c>phe_sii</c>), with seeded Monte-Carlo limits.
/// </summary>
public static class SiiVerb
{
    public static Command Create(CliContext context)
    {
        var valueType = new Option<string>("--value-type")
        {
            Description = "rate (log scale), proportion (0–1, logit scale) or other",
            DefaultValueFactory = _ => "other",
        };
        var transform = new Option<bool>("--transform") { Description = "Fit on the log (rate) or logit (proportion) scale and transform back" };
        var repetitions = new Option<int>("--repetitions")
        {
            Description = "Monte-Carlo repetitions for the limits (at least 1000)",
            DefaultValueFactory = _ => 100_000,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random draws: the same seed gives the same limits", DefaultValueFactory = _ => 1 };
        var multiplier = new Option<double>("--multiplier")
        {
            Description = "Scale of the SII and its limits (e.g. 100 for percentage points); negative also inverts the RII",
            DefaultValueFactory = _ => 1,
        };
        return StatsVerb.Create(
            "sii",
            "Slope and relative index of inequality per group. Input: group,quantile,population,value,lower_95,upper_95 (quantile 1 = most deprived; 5–100 quantiles per group). Output per group: group,sii,sii_lower_95,sii_upper_95,…,rii,rii_lower_95,rii_upper_95,…,note.",
            context,
            run => Run(run, run.Parse.GetValue(valueType)!, run.Parse.GetValue(transform), run.Parse.GetValue(repetitions), run.Parse.GetValue(seed), run.Parse.GetValue(multiplier)),
            valueType, transform, repetitions, seed, multiplier);
    }

    private sealed record Quantile(double Number, double Population, double Value, double Lower, double Upper);

    private sealed record Group(string Name, int FirstLine, List<Quantile> Quantiles);

    private static void Run(StatsRun run, string valueTypeText, bool transform, int repetitions, int seed, double multiplier)
    {
        var type = valueTypeText.Trim().ToLowerInvariant() switch
        {
            "rate" => InequalityValueType.Rate,
            "proportion" => InequalityValueType.Proportion,
            "other" => InequalityValueType.Other,
            _ => throw StatsRun.OptionProblem("--value-type", $"'{valueTypeText}' must be rate, proportion or other"),
        };
        if (transform && type == InequalityValueType.Other)
            throw StatsRun.OptionProblem("--transform", "needs --value-type rate or proportion");
        if (repetitions < Inequality.MinimumRepetitions)
            throw StatsRun.OptionProblem("--repetitions", $"{repetitions} is fewer than {Inequality.MinimumRepetitions}");
        if (!double.IsFinite(multiplier) || multiplier == 0)
            throw StatsRun.OptionProblem("--multiplier", $"{multiplier} must be a non-zero number");

        var input = run.Input;
        var groupColumn = input.Column("group");
        var quantileColumn = input.Column("quantile");
        var populationColumn = input.Column("population");
        var valueColumn = input.Column("value");
        var lowerColumn = input.Column("lower_95");
        var upperColumn = input.Column("upper_95");
        var groups = new List<Group>();
        var index = new Dictionary<string, Group>(StringComparer.Ordinal);
        while (input.Read())
        {
            var name = input.Identifier(groupColumn);
            var quantile = input.Number(quantileColumn);
            var population = input.Positive(populationColumn);
            var value = input.Number(valueColumn);
            var lower = input.Number(lowerColumn);
            var upper = input.Number(upperColumn);
            if (lower > upper) throw input.Problem(lowerColumn, $"the lower limit {Text(lower)} is above the upper limit {Text(upper)}");
            if (type == InequalityValueType.Proportion)
            {
                if (value is < 0 or > 1) throw input.Problem(valueColumn, $"{Text(value)} is not a proportion between 0 and 1");
                if (lower is < 0 or > 1) throw input.Problem(lowerColumn, $"{Text(lower)} is not a proportion between 0 and 1");
                if (upper is < 0 or > 1) throw input.Problem(upperColumn, $"{Text(upper)} is not a proportion between 0 and 1");
            }

            if (!index.TryGetValue(name, out var group))
            {
                group = new Group(name, input.Line, []);
                index.Add(name, group);
                groups.Add(group);
            }

            if (group.Quantiles.Exists(q => q.Number == quantile))
                throw input.Problem(quantileColumn, $"group '{name}' already has quantile {Text(quantile)}");
            group.Quantiles.Add(new Quantile(quantile, population, value, lower, upper));
        }

        foreach (var group in groups)
        {
            if (group.Quantiles.Count is < Inequality.MinimumQuantiles or > Inequality.MaximumQuantiles)
            {
                throw new StatsInputException(
                    $"{input.Source} line {group.FirstLine}, column 'quantile': group '{group.Name}' has {group.Quantiles.Count} quantiles; between {Inequality.MinimumQuantiles} and {Inequality.MaximumQuantiles} are needed");
            }
        }

        // Each group has its own Random(seed), so the results do not depend on the order or the parallelism.
        var options = new SlopeIndexOptions(transform, multiplier, repetitions, seed);
        var levels = run.Levels;
        var results = new SlopeIndexResult[groups.Count];
        Parallel.For(0, groups.Count, g =>
        {
            var ordered = groups[g].Quantiles.OrderBy(q => q.Number).ToArray();
            results[g] = Inequality.SlopeIndex(
                ordered.Select(q => q.Population).ToArray(), ordered.Select(q => q.Value).ToArray(),
                ordered.Select(q => q.Lower).ToArray(), ordered.Select(q => q.Upper).ToArray(), type, levels, options);
        });

        var output = run.Output;
        output.Row(["group", "sii", .. run.LimitColumns("sii_"), "rii", .. run.LimitColumns("rii_"), "note"]);
        for (var g = 0; g < groups.Count; g++)
        {
            var result = results[g];
            output.Field(groups[g].Name);
            output.Field(result.Sii);
            foreach (var interval in result.SiiIntervals)
            {
                output.Field(interval.Lower);
                output.Field(interval.Upper);
            }

            output.Field(result.Rii);
            foreach (var interval in result.RiiIntervals)
            {
                output.Field(interval.Lower);
                output.Field(interval.Upper);
            }

            output.Field(result.Note);
            output.EndRow();
        }
    }

    private static string Text(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
