namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats quantile</c>: phe_quantile's rule per group, passing every column through.</summary>
public sealed class QuantileVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Assigns_quartiles_within_each_group_with_ties_and_missing_values()
    {
        // Expected from R evaluating phe_quantile's formula: values 5 3 3 9 1 7 7 7 2 NA 4 8 → 2 1 1 4 1 3 3 3 1 – 2 4.
        double?[] values = [5, 3, 3, 9, 1, 7, 7, 7, 2, null, 4, 8];
        var lines = values.Select((v, i) => $"G,A{i},{v}").Concat(["H,X1,1", "H,X2,2", "H,X3,3", "H,X4,4"]).Prepend("group,area,value").ToArray();
        var input = cli.File("in.csv", lines);

        var result = await StatsCli.RunAsync(["stats", "quantile", input, "--n", "4"]);

        Assert.Equal(0, result.Exit);
        var rows = result.Rows;
        Assert.Equal(["2", "1", "1", "4", "1", "3", "3", "3", "1", "", "2", "4", "1", "2", "3", "4"], rows.Select(r => r["quantile"]));
        Assert.Equal("A9", rows[9]["area"]);
        Assert.Equal("group,area,value,quantile,note", result.Output.Split('\n')[0]);
        Assert.Equal("no value", rows[9]["note"]);
        Assert.Equal(string.Empty, rows[0]["note"]);
    }

    [Fact]
    public async Task Invert_puts_the_highest_values_in_quantile_1_and_small_groups_get_none()
    {
        var input = cli.File("in.csv", "group,area,value", "G,a,1", "G,b,2", "G,c,3", "G,d,4", "G,e,5", "S,x,1");

        var result = await StatsCli.RunAsync(["stats", "quantile", input, "--n", "5", "--invert"]);

        Assert.Equal(["5", "4", "3", "2", "1", ""], result.Rows.Select(r => r["quantile"]));
        Assert.Equal("the group has fewer areas with a value than the 5 quantiles", result.Rows[5]["note"]);
    }

    [Fact]
    public async Task Without_a_group_column_the_whole_file_is_one_group()
    {
        var input = cli.File("in.csv", "area,value", "a,10", "b,20");
        var result = await StatsCli.RunAsync(["stats", "quantile", input, "--n", "2"]);
        Assert.Equal(["1", "2"], result.Rows.Select(r => r["quantile"]));
    }

    [Theory]
    [InlineData("group,area,value\nG,a,1\nG,b,x", "line 3, column 'value': 'x' is not a number")]
    [InlineData("group,area,value\n,a,1", "line 2, column 'group': a value is required but the field is empty")]
    [InlineData("group,area,score\nG,a,1", "line 1: the required column 'value' is missing")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");
        var result = await StatsCli.RunAsync(["stats", "quantile", input, "--output", output]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task A_quantile_count_below_1_is_refused()
    {
        var input = cli.File("in.csv", "value", "1");
        var result = await StatsCli.RunAsync(["stats", "quantile", input, "--n", "0"]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--n: 0 must be at least 1", result.Error, StringComparison.Ordinal);
    }
}
