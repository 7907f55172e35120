using System.Globalization;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// <c>stats life-expectancy</c>: Chiang II life expectancy with Silcocks limits (PHEindicatormethods
/// <c>phe_life_expectancy</c>) at every starting age, one output row per group and age band.
/// </summary>
public static class LifeExpectancyVerb
{
    public static System.CommandLine.Command Create(CliContext context) =>
        StatsVerb.Create(
            "life-expectancy",
            "Life expectancy (Chiang II abridged life table, Silcocks variance) at every starting age. Input: group,age_band_start,deaths,population with the 20 start ages 0,1,5,10,…,90 for every group. Output per group and band: group,age_band_start,value,lower_95,upper_95,lower_99_8,upper_99_8,note.",
            context,
            Run);

    private static void Run(StatsRun run)
    {
        var input = run.Input;
        var group = input.Column("group");
        var start = input.Column("age_band_start");
        var deathsColumn = input.Column("deaths");
        var populationColumn = input.Column("population");

        var groups = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLine = new List<int>();
        var deaths = new List<double>();
        var population = new List<double>();
        var seen = new List<bool>();
        while (input.Read())
        {
            var name = input.Identifier(group);
            var ageText = input.Span(start).Trim();
            var band = int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var age) ? LifeExpectancy.BandIndex(age) : -1;
            if (band < 0) throw input.Problem(start, $"'{ageText}' is not an age band start (0, 1, 5, 10, …, 85, 90)");
            var d = input.NonNegative(deathsColumn);
            var p = input.NonNegative(populationColumn);
            if (!index.TryGetValue(name, out var g))
            {
                g = groups.Count;
                index.Add(name, g);
                groups.Add(name);
                firstLine.Add(input.Line);
                for (var i = 0; i < LifeExpectancy.BandCount; i++)
                {
                    deaths.Add(0);
                    population.Add(0);
                    seen.Add(false);
                }
            }

            var slot = (g * LifeExpectancy.BandCount) + band;
            if (seen[slot]) throw input.Problem(start, $"group '{name}' already has a row for age band {age}");
            seen[slot] = true;
            deaths[slot] = d;
            population[slot] = p;
        }

        for (var g = 0; g < groups.Count; g++)
        {
            for (var band = 0; band < LifeExpectancy.BandCount; band++)
            {
                if (!seen[(g * LifeExpectancy.BandCount) + band])
                {
                    throw new StatsInputException(
                        $"{input.Source} line {firstLine[g]}, column 'age_band_start': group '{groups[g]}' has no row for age band {LifeExpectancy.StartAges[band]} (all 20 bands 0,1,5,…,90 are needed)");
                }
            }
        }

        var count = deaths.Count;
        var expectancy = new double[count];
        var se = new double[count];
        var status = new LifeExpectancyStatus[count];
        LifeExpectancy.CalculateBatch(deaths.ToArray(), population.ToArray(), expectancy, se, status);

        var output = run.Output;
        var levels = run.Levels;
        output.Row(["group", "age_band_start", "value", .. run.LimitColumns(), "note"]);
        for (var g = 0; g < groups.Count; g++)
        {
            for (var band = 0; band < LifeExpectancy.BandCount; band++)
            {
                var i = (g * LifeExpectancy.BandCount) + band;
                output.Field(groups[g]);
                output.Field(LifeExpectancy.StartAges[band]);
                output.Field(status[i] == LifeExpectancyStatus.Calculated ? expectancy[i] : double.NaN);
                foreach (var level in levels)
                {
                    var limits = LifeExpectancy.Limits(expectancy[i], se[i], status[i], level);
                    output.Field(limits.Lower);
                    output.Field(limits.Upper);
                }

                output.Field(LifeExpectancy.NoteFor(status[i]));
                output.EndRow();
            }
        }
    }
}
