namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats funnel</c>: significance labels and the limits table.</summary>
public sealed class FunnelVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Ratio_significance_and_the_limits_table()
    {
        // PHEindicatormethods testdata_funnel_ratio_inputs.csv rows: 151/106.4429719 High (0.001); 159/232.9329036 Low (0.001);
        // 150/119.5695496 High (0.025); 8/6.239860227 Not significant.
        var input = cli.File("in.csv", "area,numerator,denominator", "a,151,106.4429719", "b,159,232.9329036", "c,150,119.5695496", "d,8,6.239860227");
        var limits = cli.OutputPath("limits.csv");

        var result = await StatsCli.RunAsync(["stats", "funnel", input, "--type", "ratio", "--limits", limits]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["High (0.001)", "Low (0.001)", "High (0.025)", "Not significant"], result.Rows.Select(r => r["significance"]));
        var table = StatsResult.Parse(await File.ReadAllTextAsync(limits, TestContext.Current.CancellationToken));
        Assert.Equal(100, table.Count);
        Assert.Equal(["denominator", "lower_2sd", "upper_2sd", "lower_3sd", "upper_3sd"], table[0].Keys);
        Assert.All(table, row => Assert.True(StatsResult.Number(row["lower_3sd"]) <= StatsResult.Number(row["lower_2sd"])));
    }

    [Fact]
    public async Task Proportions_are_the_default()
    {
        var input = cli.File("in.csv", "area,numerator,denominator", "a,500,1000", "b,300,1000", "c,400,1000");

        var result = await StatsCli.RunAsync(["stats", "funnel", input]);

        Assert.Equal(["High (0.001)", "Low (0.001)", "Not significant"], result.Rows.Select(r => r["significance"]));
    }

    [Theory]
    [InlineData("area,numerator,denominator\na,11,10", "line 2, column 'numerator': the numerator 11 is greater than the denominator 10")]
    [InlineData("area,numerator,denominator\na,1,0", "line 2, column 'denominator': 0 must be greater than zero")]
    [InlineData("area,numerator,denominator\na,x,10", "line 2, column 'numerator': 'x' is not a number")]
    [InlineData("numerator,denominator\n1,10", "the required column 'area' is missing")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "funnel", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
