using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>stats trend</c>: the Fingertips recent-trend marker per area over its five latest periods.</summary>
public static class TrendVerb
{
    public static Command Create(CliContext context) =>
        StatsVerb.CreateWithoutLevels(
            "trend",
            "Fingertips recent trend (chi-square test over the 5 latest periods) per area. Input: area,period,numerator,denominator, or area,period,value,lower_95,upper_95 (period YYYY-MM-DD; an empty field marks a missing point; when both are present the counts are used, as Fingertips does). Output per area: area,trend,note with trend increasing, decreasing, no_significant_change or cannot_be_calculated.",
            context,
            Run);

    private sealed record Point(DateOnly Period, double A, double B, double C);

    private static void Run(StatsRun run)
    {
        var input = run.Input;
        var areaColumn = input.Column("area");
        var periodColumn = input.Column("period");
        var numerator = input.OptionalColumn("numerator");
        var denominator = input.OptionalColumn("denominator");
        var counts = numerator >= 0 || denominator >= 0;
        int a, b, c = -1;
        if (counts)
        {
            a = input.Column("numerator");
            b = input.Column("denominator");
        }
        else
        {
            a = input.Column("value");
            b = input.Column("lower_95");
            c = input.Column("upper_95");
        }

        var areas = new List<string>();
        var points = new Dictionary<string, List<Point>>(StringComparer.Ordinal);
        while (input.Read())
        {
            var area = input.Identifier(areaColumn);
            var period = input.Date(periodColumn);
            Point point;
            if (counts)
            {
                var x = input.IsEmpty(a) ? double.NaN : input.NonNegative(a);
                var n = input.IsEmpty(b) ? double.NaN : input.Positive(b);
                if (x > n) throw input.Problem(a, $"the numerator {input.Text(a).Trim()} is greater than the denominator {input.Text(b).Trim()}");
                point = new Point(period, x, n, double.NaN);
            }
            else
            {
                var value = input.OptionalNumber(a);
                var lower = input.OptionalNumber(b);
                var upper = input.OptionalNumber(c);
                if (lower > upper) throw input.Problem(b, "the lower limit is above the upper limit");
                point = new Point(period, value, lower, upper);
            }

            if (!points.TryGetValue(area, out var list))
            {
                list = [];
                points.Add(area, list);
                areas.Add(area);
            }

            if (list.Exists(p => p.Period == period))
                throw input.Problem(periodColumn, $"area '{area}' already has period {period:yyyy-MM-dd}");
            list.Add(point);
        }

        var output = run.Output;
        output.Row(["area", "trend", "note"]);
        foreach (var area in areas)
        {
            var series = points[area].OrderBy(p => p.Period).ToArray();
            var result = counts
                ? TrendMarker.FromCounts(series.Select(p => p.A).ToArray(), series.Select(p => p.B).ToArray())
                : TrendMarker.FromIntervals(series.Select(p => p.A).ToArray(), series.Select(p => p.B).ToArray(), series.Select(p => p.C).ToArray());
            output.Field(area);
            output.Field(result.Label);
            output.Field(result.Note);
            output.EndRow();
        }
    }
}
