namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats rate</c>: crude rates with Byar's or exact limits.</summary>
public sealed class RateVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Adds_the_rate_its_limits_and_the_method_passing_columns_through()
    {
        // PHEindicatormethods phe_rate formulas in R 4.2.2 (see RatesTests): 5/2500 → 200 per 100,000, exact 64.939455604736835–466.733283172906624;
        // 65/100000 → 65, Byars 50.163187710459454–82.849138545939837.
        var input = cli.File("in.csv", "area,numerator,denominator", "A,5,2500", "B,65,100000");

        var result = await StatsCli.RunAsync(["stats", "rate", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(2, result.Rows.Count);
        var a = result.Rows[0];
        Assert.Equal(["area", "numerator", "denominator", "value", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "method"], a.Keys);
        Assert.Equal("A", a["area"]);
        Assert.Equal(200, StatsResult.Number(a["value"]), 1e-12);
        Assert.Equal(64.939455604736835, StatsResult.Number(a["lower_95"]), 1e-10);
        Assert.Equal(466.733283172906624, StatsResult.Number(a["upper_95"]), 1e-10);
        Assert.Equal("Exact", a["method"]);
        var b = result.Rows[1];
        Assert.Equal(50.163187710459454, StatsResult.Number(b["lower_95"]), 1e-10);
        Assert.Equal(82.849138545939837, StatsResult.Number(b["upper_95"]), 1e-10);
        Assert.Equal("Byars", b["method"]);
    }

    [Fact]
    public async Task The_multiplier_scales_value_and_limits()
    {
        var input = cli.File("in.csv", "numerator,denominator", "65,100000");

        var result = await StatsCli.RunAsync(["stats", "rate", input, "--multiplier", "1000", "--confidence", "95"]);

        var row = Assert.Single(result.Rows);
        Assert.Equal(0.65, StatsResult.Number(row["value"]), 1e-12);
        Assert.Equal(0.50163187710459454, StatsResult.Number(row["lower_95"]), 1e-12);
    }

    [Theory]
    [InlineData("numerator,denominator\n1,10\nx,10", "line 3, column 'numerator': 'x' is not a number")]
    [InlineData("numerator,denominator\n1,10\n-1,10", "line 3, column 'numerator': -1 is negative")]
    [InlineData("numerator,denominator\n5,0", "line 2, column 'denominator': 0 must be greater than zero")]
    [InlineData("numerator,count\n1,10", "the required column 'denominator' is missing")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "rate", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
