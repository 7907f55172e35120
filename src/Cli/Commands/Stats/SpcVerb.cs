using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// <c>stats spc</c>: Making Data Count XmR charts, one per series. Rows of a series may come in any order: they are
/// sorted by period, and written out series by series (in order of first appearance), each in period order.
/// </summary>
public static class SpcVerb
{
    private const string TrialNote = "trial limits (fewer than 12 points)";
    private const string MissingNote = "missing value";

    public static Command Create(CliContext context)
    {
        var improvement = new Option<string>("--improvement")
        {
            Description = "Which way is better: increase, decrease or neutral (no assurance icon)",
            DefaultValueFactory = _ => "increase",
        };
        var preset = new Option<string>("--preset")
        {
            Description = "mdc (NHS England Making Data Count Excel tools: no moving-range screening, November 2023 two-in-three rule) or plotthedots (NHSRplotthedots 0.2.x defaults)",
            DefaultValueFactory = _ => "mdc",
        };
        var rebase = new Option<string[]>("--rebase")
        {
            Description = "Start a new segment (new limits) at these periods: SERIES=YYYY-MM-DD, comma-separated or repeated",
        };
        var fixAfter = new Option<int?>("--fix-after")
        {
            Description = "Draw each segment's limits from its first N points only (fewer than 12 gives trial limits)",
        };
        var trendLength = new Option<int>("--trend-length")
        {
            Description = "Points rising (or falling) in a row that make a trend",
            DefaultValueFactory = _ => SpcOptions.DefaultRunLength,
        };
        var shiftLength = new Option<int>("--shift-length")
        {
            Description = "Points in a row on one side of the mean that make a shift",
            DefaultValueFactory = _ => SpcOptions.DefaultRunLength,
        };
        var summary = new Option<string?>("--summary")
        {
            Description = "Also write one row per series to this file: series,segment,variation_icon,assurance_icon,note",
        };
        return StatsVerb.CreateWithoutLevels(
            "spc",
            "Making Data Count SPC (XmR charts). Input: series,period,value[,target] (period YYYY-MM-DD; an empty value is missing; other columns are passed through). " +
            "Adds segment,mean,lower_limit,upper_limit,lower_2sd,upper_2sd,moving_range,special_cause_type,point_type,note.",
            context,
            run => Run(
                run,
                Options(run.Parse.GetValue(preset)!, run.Parse.GetValue(improvement)!, run.Parse.GetValue(fixAfter), run.Parse.GetValue(trendLength), run.Parse.GetValue(shiftLength)),
                run.Parse.GetValue(rebase) ?? [],
                run.Parse.GetValue(summary)),
            improvement,
            preset,
            rebase,
            fixAfter,
            trendLength,
            shiftLength,
            summary);
    }

    private static SpcOptions Options(string presetName, string improvement, int? fixAfter, int trendLength, int shiftLength)
    {
        if (!SpcOptions.TryGetPreset(presetName, out var preset))
            throw StatsRun.OptionProblem("--preset", $"'{presetName}' is not a preset (mdc or plotthedots)");
        var direction = improvement.Trim().ToUpperInvariant() switch
        {
            "INCREASE" => ImprovementDirection.Increase,
            "DECREASE" => ImprovementDirection.Decrease,
            "NEUTRAL" => ImprovementDirection.Neutral,
            _ => throw StatsRun.OptionProblem("--improvement", $"'{improvement}' is not increase, decrease or neutral"),
        };
        if (fixAfter is < 2) throw StatsRun.OptionProblem("--fix-after", $"{fixAfter} is too few: limits need at least 2 points");
        if (trendLength < 2) throw StatsRun.OptionProblem("--trend-length", $"{trendLength} is too short: a trend needs at least 2 points");
        if (shiftLength < 2) throw StatsRun.OptionProblem("--shift-length", $"{shiftLength} is too short: a shift needs at least 2 points");
        return preset with { Improvement = direction, FixAfterPoints = fixAfter, TrendLength = trendLength, ShiftLength = shiftLength };
    }

    private static void Run(StatsRun run, SpcOptions options, string[] rebaseArguments, string? summaryPath)
    {
        var input = run.Input;
        var seriesColumn = input.Column("series");
        var periodColumn = input.Column("period");
        var valueColumn = input.Column("value");
        var targetColumn = input.OptionalColumn("target");

        var series = new Dictionary<string, Series>(StringComparer.Ordinal);
        var order = new List<Series>();
        while (input.Read())
        {
            var name = input.Identifier(seriesColumn);
            var period = input.Date(periodColumn);
            var value = input.OptionalNumber(valueColumn);
            var target = targetColumn < 0 ? double.NaN : input.OptionalNumber(targetColumn);
            if (!series.TryGetValue(name, out var rows))
            {
                rows = new Series(name);
                series.Add(name, rows);
                order.Add(rows);
            }

            if (!rows.Lines.TryAdd(period, input.Line))
                throw input.Problem(periodColumn, $"{Iso(period)} appears twice in series '{name}' (also on line {rows.Lines[period]})");
            rows.Points.Add(new Row(period, value, target, input.Record));
        }

        var rebases = ParseRebases(rebaseArguments, series);
        var summary = summaryPath is null ? null : run.ExtraOutput("--summary", summaryPath);
        summary?.Row(["series", "segment", "variation_icon", "assurance_icon", "note"]);
        run.PassThroughHeader("segment", "mean", "lower_limit", "upper_limit", "lower_2sd", "upper_2sd", "moving_range", "special_cause_type", "point_type", "note");

        var descriptions = Enum.GetValues<SpecialCause>().Select(c => SpecialCauseRules.Describe(c, options)).ToArray();
        var values = new List<double>();
        var starts = new List<int>();
        var points = Array.Empty<XmrPoint>();
        foreach (var rows in order)
        {
            rows.Points.Sort((a, b) => a.Period.CompareTo(b.Period));
            values.Clear();
            starts.Clear();
            var target = double.NaN;
            for (var i = 0; i < rows.Points.Count; i++)
            {
                var row = rows.Points[i];
                values.Add(row.Value);
                if (!double.IsNaN(row.Target)) target = row.Target;
                if (rebases.Contains((rows.Name, row.Period)) && i > 0) starts.Add(i);
            }

            if (points.Length < values.Count) points = new XmrPoint[values.Count];
            var chart = points.AsSpan(0, values.Count);
            XmrChart.Calculate(CollectionsMarshal.AsSpan(values), CollectionsMarshal.AsSpan(starts), options, chart);

            for (var i = 0; i < chart.Length; i++) WritePoint(run.Output, rows.Points[i].Record, chart[i], descriptions);

            if (summary is not null)
            {
                var last = chart[^1];
                var variation = VariationIcons.Of(chart, options.Improvement);
                summary.Field(rows.Name);
                summary.Field(last.Segment);
                summary.Field(variation.Code());
                summary.Field(AssuranceIcons.Of(chart, target, options.Improvement).Code());
                summary.Field(Note(last.TrialLimits ? TrialNote : null, last.Limits.Note, variation == VariationIcon.None ? "last value missing: no variation icon" : null));
                summary.EndRow();
            }
        }
    }

    private static void WritePoint(CsvOutput output, string record, in XmrPoint point, string[] descriptions)
    {
        var limits = point.Limits;
        output.PassThrough(record);
        output.Field(point.Segment);
        output.Field(limits.Mean);
        output.Field(limits.Lower);
        output.Field(limits.Upper);
        output.Field(limits.LowerTwoSigma);
        output.Field(limits.UpperTwoSigma);
        output.Field(point.MovingRange);
        output.Field(descriptions[(int)point.SpecialCause]);
        output.Field(point.PointType.Code());
        output.Field(Note(
            point.SpecialCause == SpecialCause.Missing ? MissingNote : null,
            limits.Note,
            point.TrialLimits ? TrialNote : null));
        output.EndRow();
    }

    private static string? Note(string? first, string? second, string? third)
    {
        string?[] parts = [first, second, third];
        var present = parts.Where(p => p is not null).ToArray();
        return present.Length == 0 ? null : string.Join("; ", present);
    }

    /// <summary>"A=2021-04-01,B=2021-06-01" (comma-separated, or the option repeated) → the (series, period) pairs.</summary>
    private static HashSet<(string Series, DateOnly Period)> ParseRebases(string[] arguments, Dictionary<string, Series> series)
    {
        var rebases = new HashSet<(string, DateOnly)>();
        foreach (var item in arguments.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var equals = item.LastIndexOf('=');
            if (equals <= 0) throw StatsRun.OptionProblem("--rebase", $"'{item}' is not SERIES=YYYY-MM-DD");
            var name = item[..equals].Trim();
            var periodText = item[(equals + 1)..].Trim();
            if (!DateOnly.TryParseExact(periodText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
                throw StatsRun.OptionProblem("--rebase", $"'{periodText}' in '{item}' is not a date in the form YYYY-MM-DD");
            if (!series.TryGetValue(name, out var rows))
                throw StatsRun.OptionProblem("--rebase", $"there is no series '{name}' in the input");
            if (!rows.Lines.ContainsKey(period))
                throw StatsRun.OptionProblem("--rebase", $"series '{name}' has no period {Iso(period)} (a rebase starts the new segment at one of the series' periods)");
            rebases.Add((name, period));
        }

        return rebases;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row(DateOnly Period, double Value, double Target, string Record);

    private sealed class Series(string name)
    {
        public string Name { get; } = name;

        public List<Row> Points { get; } = [];

        /// <summary>Each period's input line, to name both lines of a duplicate and to check rebase periods.</summary>
        public Dictionary<DateOnly, int> Lines { get; } = [];
    }
}
