namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats life-expectancy</c>: PHEindicatormethods' worked example through the CLI, and its input errors.</summary>
public sealed class LifeExpectancyVerbTests : IDisposable
{
    private static readonly int[] Ages = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

    // testLifeExpectancy.R df1, and df_widecis_plus "Area 2".
    private static readonly int[] Pops = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936];
    private static readonly int[] Deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];
    private static readonly int[] WidePops = [270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311];
    private static readonly int[] WideDeaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1];

    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    private static IEnumerable<string> Rows(string group, int[] deaths, int[] pops) =>
        Ages.Select((age, i) => $"{group},{age},{deaths[i]},{pops[i]}");

    [Fact]
    public async Task Gives_every_starting_age_with_limits_and_notes()
    {
        var input = cli.File("le.csv", [.. Rows("A", Deaths, Pops).Reverse().Prepend("group,age_band_start,deaths,population"), .. Rows("B", WideDeaths, WidePops)]);

        var result = await StatsCli.RunAsync(["stats", "life-expectancy", input]);

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("group,age_band_start,value,lower_95,upper_95,lower_99_8,upper_99_8,note\n", result.Output, StringComparison.Ordinal);
        var rows = result.Rows;
        Assert.Equal(40, rows.Count);
        Assert.Equal(["A", "0"], [rows[0]["group"], rows[0]["age_band_start"]]); // bands in age order whatever the input order
        Assert.Equal(80.16960813, StatsResult.Number(rows[0]["value"]), 1e-7); // package test answer1
        Assert.Equal(79.8826907539270366, StatsResult.Number(rows[0]["lower_95"]), 1e-11); // qnorm limits (R)
        Assert.Equal(6.16210635, StatsResult.Number(rows[19]["value"]), 1e-7);
        Assert.Equal(string.Empty, rows[0]["note"]);

        var b40 = rows.Single(r => r["group"] == "B" && r["age_band_start"] == "40");
        Assert.Equal(string.Empty, b40["value"]); // 95 % interval wider than 20 years: suppressed, limits shown
        Assert.Equal(-1.60695210, StatsResult.Number(b40["lower_95"]), 5e-5);
        Assert.Equal("life expectancy has a 95% confidence interval > 20 years; value has been suppressed to NA", b40["note"]);
        Assert.Equal(19.22914685, StatsResult.Number(rows.Single(r => r["group"] == "B" && r["age_band_start"] == "0")["value"]), 1e-7);
    }

    [Fact]
    public async Task A_small_area_is_reported_with_the_package_note()
    {
        var input = cli.File("le.csv", [.. Rows("tiny", Deaths.Select(d => d / 200).ToArray(), Pops.Select(p => p / 200).ToArray()).Prepend("group,age_band_start,deaths,population")]);

        var result = await StatsCli.RunAsync(["stats", "life-expectancy", input, "--confidence", "95"]);

        Assert.Equal(0, result.Exit);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.Equal("tiny,0,,,,\"total population of less than 5,000; outputs have been suppressed to NAs\"", lines[1]); // quoted: it holds a comma
    }

    [Theory]
    [InlineData(2, "A,3,4,46974", "line 4, column 'age_band_start': '3' is not an age band start")]
    [InlineData(2, "A,5,-4,46974", "line 4, column 'deaths': -4 is negative")]
    [InlineData(2, "A,5,4,many", "line 4, column 'population': 'many' is not a number")]
    [InlineData(2, "A,1,4,46974", "line 4, column 'age_band_start': group 'A' already has a row for age band 1")]
    [InlineData(19, "", "line 2, column 'age_band_start': group 'A' has no row for age band 90")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(int replace, string line, string message)
    {
        var lines = Rows("A", Deaths, Pops).Prepend("group,age_band_start,deaths,population").ToList();
        if (line.Length == 0) lines.RemoveAt(replace + 1);
        else lines[replace + 1] = line;
        var input = cli.File("bad.csv", [.. lines]);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "life-expectancy", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var input = cli.File("bad.csv", "group,age,deaths,population", "A,0,1,100");
        var result = await StatsCli.RunAsync(["stats", "life-expectancy", input]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("line 1: the required column 'age_band_start' is missing", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }
}
