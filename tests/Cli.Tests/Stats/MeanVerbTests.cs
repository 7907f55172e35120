namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats mean</c>: means with Student's t limits.</summary>
public sealed class MeanVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task One_row_per_group_with_the_t_interval()
    {
        // PHEindicatormethods phe_mean formulas in R 4.2.2 (see MeansTests): 20,30,40,50,65,70 → mean 45.8333…, sd 19.6001700672893833,
        // 95 % 25.2642163166973788–66.4024503499692855. Group b has one value: no limits.
        var input = cli.File("in.csv", "group,value", "a,20", "a,30", "b,7", "a,40", "a,50", "a,65", "a,70");

        var result = await StatsCli.RunAsync(["stats", "mean", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["group", "count", "mean", "sd", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "note"], result.Rows[0].Keys);
        var a = result.Rows[0];
        Assert.Equal("a", a["group"]);
        Assert.Equal("6", a["count"]);
        Assert.Equal(19.6001700672893833, StatsResult.Number(a["sd"]), 1e-12);
        Assert.Equal(25.2642163166973788, StatsResult.Number(a["lower_95"]), 1e-11);
        Assert.Equal(66.4024503499692855, StatsResult.Number(a["upper_95"]), 1e-11);
        var b = result.Rows[1];
        Assert.Equal("7", b["mean"]);
        Assert.Equal(string.Empty, b["lower_95"]);
        Assert.Equal(string.Empty, a["note"]);
        Assert.Equal("limits NA for fewer than 2 values", b["note"]);
    }

    [Theory]
    [InlineData("group,value\na,1\na,x", "line 3, column 'value': 'x' is not a number")]
    [InlineData("group,value\n,1", "line 2, column 'group': a value is required")]
    [InlineData("group,amount\na,1", "the required column 'value' is missing")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "mean", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
