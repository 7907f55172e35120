using System.CommandLine;
using System.Globalization;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats dsr</c>: directly standardised rates (Dobson) per group, against ESP2013 or a supplied standard.</summary>
public static class DsrVerb
{
    public static Command Create(CliContext context)
    {
        var multiplier = new Option<double>("--multiplier")
        {
            Description = "Scale of the value and limits: 100000 for a rate per 100,000",
            DefaultValueFactory = _ => Rates.PerHundredThousand,
        };
        return StatsVerb.Create(
            "dsr",
            "Directly standardised rates (Dobson method). Input: group,age_band,numerator,denominator[,standard_population]; age_band 1-19 in ESP2013 order when no standard_population column is given; an empty numerator counts as 0. Output, one row per group: group,total_count,total_population,value,lower_95,upper_95,lower_99_8,upper_99_8,note.",
            context,
            run => Run(run, run.Parse.GetValue(multiplier)),
            multiplier);
    }

    private sealed class Group(int line)
    {
        public int Line { get; } = line;
        public List<double> Counts { get; } = [];
        public List<double> Populations { get; } = [];
        public List<double> Standard { get; } = [];
        public HashSet<string> Bands { get; } = new(StringComparer.Ordinal);
    }

    private static void Run(StatsRun run, double multiplier)
    {
        multiplier = StatsRun.Multiplier(multiplier);
        var input = run.Input;
        var group = input.Column("group");
        var band = input.Column("age_band");
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var standard = input.OptionalColumn("standard_population");
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        while (input.Read())
        {
            var name = input.Identifier(group);
            var bandText = input.Identifier(band);
            var count = input.IsEmpty(numerator) ? double.NaN : input.NonNegative(numerator);
            var population = input.Positive(denominator);
            double weight;
            if (standard >= 0)
            {
                weight = input.NonNegative(standard);
            }
            else
            {
                if (!int.TryParse(bandText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1 || index > EuropeanStandardPopulation2013.BandCount)
                    throw input.Problem(band, $"'{bandText}' is not an ESP2013 age band (1 = 0-4 … 19 = 90+); give a standard_population column for other bands");
                bandText = index.ToString(CultureInfo.InvariantCulture);
                weight = EuropeanStandardPopulation2013.WeightOfBand(index);
            }

            if (!groups.TryGetValue(name, out var rows))
            {
                groups[name] = rows = new Group(input.Line);
                order.Add(name);
            }

            if (!rows.Bands.Add(bandText)) throw input.Problem(band, $"age band {bandText} appears twice in group '{name}'");
            rows.Counts.Add(count);
            rows.Populations.Add(population);
            rows.Standard.Add(weight);
        }

        if (standard < 0)
        {
            foreach (var name in order)
            {
                var rows = groups[name];
                if (rows.Bands.Count != EuropeanStandardPopulation2013.BandCount)
                {
                    var missing = Enumerable.Range(1, EuropeanStandardPopulation2013.BandCount)
                        .Where(b => !rows.Bands.Contains(b.ToString(CultureInfo.InvariantCulture)));
                    throw new StatsInputException($"{input.Source} line {rows.Line}: group '{name}' has {rows.Bands.Count} of the 19 ESP2013 age bands (missing {string.Join(", ", missing)})");
                }
            }
        }

        var output = run.Output;
        output.Row(["group", "total_count", "total_population", "value", .. run.LimitColumns(), "note"]);
        foreach (var name in order)
        {
            var rows = groups[name];
            var result = Dsr.Dobson(rows.Counts.ToArray(), rows.Populations.ToArray(), rows.Standard.ToArray(), run.Levels, multiplier);
            output.Field(name);
            output.Field(result.TotalCount);
            output.Field(result.TotalPopulation);
            output.Field(result.Value);
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
