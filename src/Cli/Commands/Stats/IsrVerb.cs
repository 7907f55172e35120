using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats isr</c>: indirectly standardised ratios (or rates) per group from reference rates by age band.</summary>
public static class IsrVerb
{
    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--as")
        {
            Description = "ratio (observed/expected × 100, or × --multiplier) or rate (observed/expected × reference rate × --multiplier)",
            DefaultValueFactory = _ => "ratio",
        };
        kind.AcceptOnlyFromAmong("ratio", "rate");
        var multiplier = new Option<double?>("--multiplier")
        {
            Description = "For a ratio, its scale (default 100); for a rate, per how many people (default 100000)",
        };
        return StatsVerb.Create(
            "isr",
            "Indirect standardisation. Input: group,age_band,numerator,denominator,ref_numerator,ref_denominator. Output, one row per group: group,observed,expected,value,lower_95,upper_95,lower_99_8,upper_99_8,method,note (Exact below 10 events, Byars from 10; the note says why a value was not calculated, e.g. an expected count of 0).",
            context,
            run => Run(run, run.Parse.GetValue(kind) == "rate", run.Parse.GetValue(multiplier)),
            kind,
            multiplier);
    }

    private sealed class Group
    {
        public double Observed { get; set; }
        public List<double> Populations { get; } = [];
        public List<double> ReferenceCounts { get; } = [];
        public List<double> ReferencePopulations { get; } = [];
        public HashSet<string> Bands { get; } = new(StringComparer.Ordinal);
    }

    private static void Run(StatsRun run, bool asRate, double? multiplierOption)
    {
        var multiplier = StatsRun.Multiplier(multiplierOption ?? (asRate ? Rates.PerHundredThousand : 100));
        var input = run.Input;
        var group = input.Column("group");
        var band = input.Column("age_band");
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var refNumerator = input.Column("ref_numerator");
        var refDenominator = input.Column("ref_denominator");
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        while (input.Read())
        {
            var name = input.Identifier(group);
            var bandText = input.Identifier(band);
            var observed = input.NonNegative(numerator);
            var population = input.NonNegative(denominator);
            var referenceCount = input.NonNegative(refNumerator);
            var referencePopulation = input.Positive(refDenominator);
            if (!groups.TryGetValue(name, out var rows))
            {
                groups[name] = rows = new Group();
                order.Add(name);
            }

            if (!rows.Bands.Add(bandText)) throw input.Problem(band, $"age band {bandText} appears twice in group '{name}'");
            rows.Observed += observed;
            rows.Populations.Add(population);
            rows.ReferenceCounts.Add(referenceCount);
            rows.ReferencePopulations.Add(referencePopulation);
        }

        var output = run.Output;
        output.Row(["group", "observed", "expected", "value", .. run.LimitColumns(), "method", "note"]);
        foreach (var name in order)
        {
            var rows = groups[name];
            var expected = Isr.ExpectedCount(rows.Populations.ToArray(), rows.ReferenceCounts.ToArray(), rows.ReferencePopulations.ToArray());
            var result = asRate
                ? Isr.Rate(rows.Observed, expected, Isr.ReferenceRate(rows.ReferenceCounts.ToArray(), rows.ReferencePopulations.ToArray()), run.Levels, multiplier)
                : Isr.Ratio(rows.Observed, expected, run.Levels, multiplier);
            output.Field(name);
            output.Field(result.Observed);
            output.Field(result.Expected);
            output.Field(result.Value);
            foreach (var limits in result.Limits)
            {
                output.Field(limits.Lower);
                output.Field(limits.Upper);
            }

            output.Field(result.Method);
            output.Field(result.Note);
            output.EndRow();
        }
    }
}
