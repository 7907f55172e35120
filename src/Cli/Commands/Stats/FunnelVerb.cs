using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats funnel</c>: each area's significance against the funnel of all areas, and optionally the limits table.</summary>
public static class FunnelVerb
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string>("--type")
        {
            Description = "proportion (Wilson funnels), rate (numerator = events, denominator = population) or ratio (numerator = observed, denominator = expected)",
            DefaultValueFactory = _ => "proportion",
        };
        type.AcceptOnlyFromAmong("proportion", "rate", "ratio");
        var limits = new Option<string?>("--limits") { Description = "Also write the control limits at 100 denominators to this CSV: denominator,lower_2sd,upper_2sd,lower_3sd,upper_3sd" };
        var multiplier = new Option<double?>("--multiplier") { Description = "Scale of the limits table: default 100 for proportions and ratios, 100000 for rates" };
        return StatsVerb.CreateWithoutLevels(
            "funnel",
            "Funnel plot significance (PHE method, 95 % and 99.8 % limits; --confidence does not apply). Input: area,numerator,denominator (other columns are passed through). Adds significance: High (0.001), High (0.025), Low (0.001), Low (0.025) or Not significant.",
            context,
            run => Run(run, run.Parse.GetValue(type) ?? "proportion", run.Parse.GetValue(limits), run.Parse.GetValue(multiplier)),
            type,
            limits,
            multiplier);
    }

    private static void Run(StatsRun run, string typeName, string? limitsPath, double? multiplierOption)
    {
        var statistic = typeName switch
        {
            "rate" => FunnelStatistic.Rate,
            "ratio" => FunnelStatistic.Ratio,
            _ => FunnelStatistic.Proportion,
        };
        var multiplier = StatsRun.Multiplier(multiplierOption ?? (statistic == FunnelStatistic.Rate ? Rates.PerHundredThousand : 100));
        var input = run.Input;
        input.Column("area");
        var numerator = input.Column("numerator");
        var denominator = input.Column("denominator");
        var records = new List<string>();
        var numerators = new List<double>();
        var denominators = new List<double>();
        while (input.Read())
        {
            var x = input.NonNegative(numerator);
            var n = input.Positive(denominator);
            if (statistic == FunnelStatistic.Proportion && x > n)
                throw input.Problem(numerator, $"the numerator {input.Text(numerator).Trim()} is greater than the denominator {input.Text(denominator).Trim()}");
            records.Add(input.Record);
            numerators.Add(x);
            denominators.Add(n);
        }

        if (records.Count == 0) throw new StatsInputException($"{input.Source}: there are no rows to put on a funnel");
        var labels = new string[records.Count];
        Funnels.AssignSignificance(statistic, numerators.ToArray(), denominators.ToArray(), labels);
        var output = run.Output;
        run.PassThroughHeader("significance");
        for (var i = 0; i < records.Count; i++)
        {
            output.PassThrough(records[i]);
            output.Field(labels[i]);
            output.EndRow();
        }

        if (limitsPath is null) return;
        var table = run.ExtraOutput("--limits", limitsPath);
        table.Row(["denominator", "lower_2sd", "upper_2sd", "lower_3sd", "upper_3sd"]);
        foreach (var row in Funnels.LimitsAtDenominators(statistic, numerators.ToArray(), denominators.ToArray(), multiplier))
        {
            table.Field(row.Denominator);
            table.Field(row.TwoSigma.Lower);
            table.Field(row.TwoSigma.Upper);
            table.Field(row.ThreeSigma.Lower);
            table.Field(row.ThreeSigma.Upper);
            table.EndRow();
        }
    }
}
