namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats dsr</c>: Dobson DSRs against ESP2013 or a supplied standard.</summary>
public sealed class DsrVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    // The deterministic example of PHEindicatormethods' DSR vignette (see DsrTests); bands 3–5 have no deaths (empty).
    private static readonly string[] Deaths = ["1", "1", "", "", "", "1", "1", "3", "3", "3", "3", "10", "10", "10", "10", "8", "8", "8", "8"];
    private static readonly int[] Populations = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15];

    [Fact]
    public async Task The_vignette_example_with_esp2013_and_a_group_with_too_few_events()
    {
        var lines = new List<string> { "group,age_band,numerator,denominator" };
        lines.AddRange(Enumerable.Range(1, 19).Select(b => $"vignette,{b},{Deaths[b - 1]},{Populations[b - 1]}"));
        lines.AddRange(Enumerable.Range(1, 19).Select(b => $"small,{b},{(b == 19 ? 9 : 0)},1000"));
        var input = cli.File("in.csv", [.. lines]);

        var result = await StatsCli.RunAsync(["stats", "dsr", input]);

        Assert.Equal(0, result.Exit);
        var v = result.Rows[0];
        Assert.Equal(["group", "total_count", "total_population", "value", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "note"], v.Keys);
        Assert.Equal("88", v["total_count"]);
        Assert.Equal("860", v["total_population"]);
        Assert.Equal(8283.0158730158728, StatsResult.Number(v["value"]), 1e-8);
        Assert.Equal(6570.8187978036722, StatsResult.Number(v["lower_95"]), 1e-8);
        Assert.Equal(11530.0988678673475, StatsResult.Number(v["upper_99_8"]), 1e-8);
        Assert.Equal(string.Empty, v["note"]);
        var small = result.Rows[1];
        Assert.Equal(string.Empty, small["value"]);
        Assert.Equal("dsr NA for total count < 10", small["note"]);
    }

    [Fact]
    public async Task A_supplied_standard_population_replaces_esp2013()
    {
        var input = cli.File("in.csv", "group,age_band,numerator,denominator,standard_population", "g,young,10,1000,1", "g,old,30,1000,3");

        var result = await StatsCli.RunAsync(["stats", "dsr", input, "--multiplier", "1000"]);

        var row = Assert.Single(result.Rows);
        Assert.Equal(25, StatsResult.Number(row["value"]), 1e-12);
    }

    [Theory]
    [InlineData("group,age_band,numerator,denominator\ng,20,1,10", "line 2, column 'age_band': '20' is not an ESP2013 age band")]
    [InlineData("group,age_band,numerator,denominator\ng,1,1,10\ng,1,2,10", "line 3, column 'age_band': age band 1 appears twice")]
    [InlineData("group,age_band,numerator,denominator\ng,1,1,10\ng,2,1,10", "line 2: group 'g' has 2 of the 19 ESP2013 age bands (missing 3, 4")]
    [InlineData("group,age_band,numerator,denominator\ng,1,-1,10", "line 2, column 'numerator': -1 is negative")]
    [InlineData("group,age_band,numerator,denominator\ng,1,1,0", "line 2, column 'denominator': 0 must be greater than zero")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "dsr", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
