using System.Globalization;

namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats spc</c>: Making Data Count XmR charts from CSV.</summary>
public sealed class SpcVerbTests : IDisposable
{
    // NHSRplotthedots' test series, set.seed(123); rnorm(20), to 8 decimals (tests/testthat/test-ptd_spc_standard.R).
    private static readonly string[] Rnorm =
    [
        "-0.56047565", "-0.23017749", "1.55870831", "0.07050839", "0.12928774", "1.71506499", "0.46091621", "-1.26506123", "-0.68685285", "-0.44566197",
        "1.22408180", "0.35981383", "0.40077145", "0.11068272", "-0.55584113", "1.78691314", "0.49785048", "-1.96661716", "0.70135590", "-0.47279141",
    ];

    private static readonly int[] RisingSix = [5, 1, 2, 3, 4, 5, 6, 2];

    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    private static string Month(int i) => new DateOnly(2020, 1, 1).AddMonths(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>12 points alternating 1, −1 (mean 0, MR̄ 2: limits ±5.32, 2σ lines ±3.5467), then <paramref name="tail"/>.</summary>
    private static IEnumerable<string> Alternating(string series, params double[] tail) =>
        Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? 1.0 : -1.0).Concat(tail)
            .Select((v, i) => $"{series},{Month(i)},{v.ToString(CultureInfo.InvariantCulture)}");

    [Fact]
    public async Task Sorts_each_series_by_period_and_reproduces_NHSRplotthedots_limits()
    {
        // Series A is the rnorm series, given newest first and interleaved with B; NHSRplotthedots snapshot
        // (_snaps/ptd_spc_standard.md): mean 0.1416238, lpl -3.01138, upl 3.294627 (7 significant figures).
        var lines = new List<string> { "series,period,value,site" };
        for (var i = 19; i >= 0; i--)
        {
            lines.Add($"A,{Month(i)},{Rnorm[i]},north");
            if (i < 3) lines.Add($"B,{Month(i)},{i * 2},south");
        }

        var input = cli.File("in.csv", [.. lines]);

        var result = await StatsCli.RunAsync(["stats", "spc", input, "--preset", "plotthedots"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(
            "series,period,value,site,segment,mean,lower_limit,upper_limit,lower_2sd,upper_2sd,moving_range,special_cause_type,point_type,note",
            result.Output.Split('\n')[0]);
        var rows = result.Rows;
        Assert.Equal(23, rows.Count);
        Assert.Equal([.. Enumerable.Repeat("A", 20), "B", "B", "B"], rows.Select(r => r["series"]));
        Assert.Equal([.. Enumerable.Range(0, 20).Select(Month)], rows.Take(20).Select(r => r["period"]));
        Assert.Equal("north", rows[0]["site"]);
        var first = rows[0];
        Assert.Equal("1", first["segment"]);
        Assert.Equal(0.1416238, StatsResult.Number(first["mean"]), 1e-7);
        Assert.Equal(-3.011380, StatsResult.Number(first["lower_limit"]), 1e-6);
        Assert.Equal(3.294627, StatsResult.Number(first["upper_limit"]), 1e-6);
        Assert.Equal(0.1416238 - (1.7733333 * 1.1853396), StatsResult.Number(first["lower_2sd"]), 1e-6);
        Assert.Equal(0.1416238 + (1.7733333 * 1.1853396), StatsResult.Number(first["upper_2sd"]), 1e-6);
        Assert.Equal(string.Empty, first["moving_range"]);
        Assert.Equal(0.33029816, StatsResult.Number(rows[1]["moving_range"]), 1e-12);
        Assert.All(rows.Take(20), r =>
        {
            Assert.Equal("Common Cause", r["special_cause_type"]);
            Assert.Equal("common_cause", r["point_type"]);
            Assert.Equal(string.Empty, r["note"]);
        });
        // B has 3 points: mean 2, MR̄ 2, trial limits.
        Assert.Equal("2", rows[20]["mean"]);
        Assert.All(rows.Skip(20), r => Assert.Equal("trial limits (fewer than 12 points)", r["note"]));
    }

    [Theory]
    [InlineData("increase", "special_cause_improvement", "improvement_high", "consistent_fail")]
    [InlineData("decrease", "special_cause_concern", "concern_high", "consistent_pass")]
    [InlineData("neutral", "special_cause_neutral_high", "neutral_high", "")]
    public async Task The_summary_gives_each_series_its_icons(string improvement, string pointType, string variation, string assurance)
    {
        // Limits fixed on the 12-point baseline (±5.32); the last point, 9, is above the upper limit; target 10 is above it too.
        var input = cli.File("in.csv", ["series,period,value,target", .. Alternating("S", 9).Select(l => l + ",10")]);
        var summary = cli.OutputPath("summary.csv");

        var result = await StatsCli.RunAsync(["stats", "spc", input, "--improvement", improvement, "--fix-after", "12", "--summary", summary]);

        Assert.Equal(0, result.Exit);
        var last = result.Rows[^1];
        Assert.Equal("Above UCL", last["special_cause_type"]);
        Assert.Equal(pointType, last["point_type"]);
        Assert.Equal("5.32", last["upper_limit"]);
        var row = Assert.Single(StatsResult.Parse(await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken)));
        Assert.Equal(["series", "segment", "variation_icon", "assurance_icon", "note"], row.Keys);
        Assert.Equal("S", row["series"]);
        Assert.Equal("1", row["segment"]);
        Assert.Equal(variation, row["variation_icon"]);
        Assert.Equal(assurance, row["assurance_icon"]);
        Assert.Equal(string.Empty, row["note"]);
    }

    [Fact]
    public async Task A_summary_to_the_same_file_as_the_output_is_refused_and_nothing_is_written()
    {
        var input = cli.File("in.csv", ["series,period,value", .. Alternating("S", 1)]);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "spc", input, "-o", output, "--summary", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--summary: " + output + " is already an output of this command", result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task A_rebase_starts_a_new_segment_with_its_own_limits()
    {
        // Split after the 10th point: NHSRplotthedots' per-group limits 0.0746 [-2.60, 2.75] and 0.209 [-3.28, 3.70]
        // (_snaps/ptd_spc.md, facet snapshot; 3 significant figures).
        var input = cli.File("in.csv", ["series,period,value", .. Rnorm.Select((v, i) => $"A,{Month(i)},{v}")]);
        var summary = cli.OutputPath("summary.csv");

        var result = await StatsCli.RunAsync(["stats", "spc", input, "--preset", "plotthedots", "--rebase", $"A={Month(10)}", "--summary", summary]);

        Assert.Equal(0, result.Exit);
        var rows = result.Rows;
        Assert.Equal([.. Enumerable.Repeat("1", 10), .. Enumerable.Repeat("2", 10)], rows.Select(r => r["segment"]));
        Assert.Equal(2.75, StatsResult.Number(rows[9]["upper_limit"]), 5e-3);
        Assert.Equal(3.70, StatsResult.Number(rows[10]["upper_limit"]), 5e-3);
        Assert.Equal(0.209, StatsResult.Number(rows[10]["mean"]), 5e-4);
        Assert.Equal(string.Empty, rows[10]["moving_range"]);
        var row = Assert.Single(StatsResult.Parse(await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken)));
        Assert.Equal("2", row["segment"]);
        Assert.Equal("common_cause", row["variation_icon"]);
        Assert.Equal("trial limits (fewer than 12 points)", row["note"]);
    }

    [Fact]
    public async Task The_presets_differ_on_two_in_three()
    {
        // After the baseline: 6 beyond the limit, 4 between 2σ and 3σ, 1 above the mean.
        var input = cli.File("in.csv", ["series,period,value", .. Alternating("S", 6, 4, 1)]);

        var mdc = await StatsCli.RunAsync(["stats", "spc", input, "--fix-after", "12"]);
        var ptd = await StatsCli.RunAsync(["stats", "spc", input, "--fix-after", "12", "--preset", "plotthedots"]);

        Assert.Equal(["Above UCL", "2 in 3 Above CL", "Common Cause"], mdc.Rows.Skip(12).Select(r => r["special_cause_type"]));
        Assert.Equal(["Above UCL", "Common Cause", "Common Cause"], ptd.Rows.Skip(12).Select(r => r["special_cause_type"]));
    }

    [Fact]
    public async Task Run_lengths_are_options()
    {
        var input = cli.File("in.csv", ["series,period,value", .. RisingSix.Select((v, i) => $"S,{Month(i)},{v}")]);

        var result = await StatsCli.RunAsync(["stats", "spc", input, "--trend-length", "6"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal("6 Point Trend (Increasing)", result.Rows[1]["special_cause_type"]);
        Assert.Equal("special_cause_improvement", result.Rows[6]["point_type"]);
        Assert.Equal("common_cause", result.Rows[7]["point_type"]);
    }

    [Fact]
    public async Task An_empty_value_is_a_missing_point()
    {
        var input = cli.File("in.csv", "series,period,value", $"S,{Month(0)},1", $"S,{Month(1)},", $"S,{Month(2)},3", $"S,{Month(3)},4");

        var result = await StatsCli.RunAsync(["stats", "spc", input]);

        Assert.Equal(0, result.Exit);
        var missing = result.Rows[1];
        Assert.Equal(string.Empty, missing["special_cause_type"]);
        Assert.Equal(string.Empty, missing["point_type"]);
        Assert.Equal("missing value; trial limits (fewer than 12 points)", missing["note"]);
        Assert.Equal("2.6666666666666665", result.Rows[0]["mean"]);
        Assert.Equal(string.Empty, result.Rows[2]["moving_range"]); // no moving range across the gap
        Assert.Equal("1", result.Rows[3]["moving_range"]);
    }

    [Theory]
    [InlineData("series,period,value\nA,2020-01-01,1\nA,2020-01-01,2", "line 3, column 'period': 2020-01-01 appears twice in series 'A' (also on line 2)")]
    [InlineData("series,period,value\nA,2020-01-01,1\nA,2020/02/01,2", "line 3, column 'period': '2020/02/01' is not a date in the form YYYY-MM-DD")]
    [InlineData("series,period,value\nA,2020-01-01,1\nA,2020-02-01,two", "line 3, column 'value': 'two' is not a number")]
    [InlineData("series,period,value\n,2020-01-01,1", "line 2, column 'series': a value is required but the field is empty")]
    [InlineData("series,period,value,target\nA,2020-01-01,1,high", "line 2, column 'target': 'high' is not a number")]
    [InlineData("series,value\nA,1", "line 1: the required column 'period' is missing")]
    [InlineData("series,period,value\nA,2020-01-01", "line 2: the record has 2 fields but the header has 3")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");
        var summary = cli.OutputPath("summary.csv");

        var result = await StatsCli.RunAsync(["stats", "spc", input, "--output", output, "--summary", summary]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
        Assert.Empty(cli.FilesNamed("*summary.csv*"));
    }

    [Theory]
    [InlineData("--preset", "excel", "--preset: 'excel' is not a preset (mdc or plotthedots)")]
    [InlineData("--improvement", "up", "--improvement: 'up' is not increase, decrease or neutral")]
    [InlineData("--fix-after", "1", "--fix-after: 1 is too few")]
    [InlineData("--trend-length", "1", "--trend-length: 1 is too short")]
    [InlineData("--shift-length", "0", "--shift-length: 0 is too short")]
    [InlineData("--rebase", "A", "--rebase: 'A' is not SERIES=YYYY-MM-DD")]
    [InlineData("--rebase", "A=2020-13-01", "--rebase: '2020-13-01' in 'A=2020-13-01' is not a date")]
    [InlineData("--rebase", "Z=2020-02-01", "--rebase: there is no series 'Z' in the input")]
    [InlineData("--rebase", "A=2020-01-15", "--rebase: series 'A' has no period 2020-01-15")]
    public async Task Bad_options_are_refused_with_exit_2_and_no_output(string option, string value, string message)
    {
        var input = cli.File("in.csv", "series,period,value", "A,2020-01-01,1", "A,2020-02-01,2");
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "spc", input, option, value, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
