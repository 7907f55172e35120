namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats isr</c>: indirectly standardised ratios and rates.</summary>
public sealed class IsrVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Ratio_and_rate_per_group_match_the_package_formulas()
    {
        // See IsrTests: E = 49.170833333333327; O = 37 → ratio 75.247860350817746 (Byars), 95 % 52.974421519003279–103.722253896988519;
        // as a rate per 100,000: 899.83899669519542.
        var input = cli.File("in.csv", "group,age_band,numerator,denominator,ref_numerator,ref_denominator",
            "x,1,10,2000,120,100000", "x,2,12,1500,450,80000", "x,3,15,1000,2300,60000");

        var ratio = await StatsCli.RunAsync(["stats", "isr", input]);
        var rate = await StatsCli.RunAsync(["stats", "isr", input, "--as", "rate"]);

        Assert.Equal(0, ratio.Exit);
        var r = Assert.Single(ratio.Rows);
        Assert.Equal(["group", "observed", "expected", "value", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "method", "note"], r.Keys);
        Assert.Equal("37", r["observed"]);
        Assert.Equal(49.170833333333327, StatsResult.Number(r["expected"]), 1e-10);
        Assert.Equal(75.247860350817746, StatsResult.Number(r["value"]), 1e-10);
        Assert.Equal(52.974421519003279, StatsResult.Number(r["lower_95"]), 1e-10);
        Assert.Equal(103.722253896988519, StatsResult.Number(r["upper_95"]), 1e-10);
        Assert.Equal("Byars", r["method"]);
        Assert.Equal(string.Empty, r["note"]);
        Assert.Equal(899.83899669519542, StatsResult.Number(Assert.Single(rate.Rows)["value"]), 1e-9);
    }

    [Fact]
    public async Task A_group_with_no_expected_events_says_why_it_has_no_ratio()
    {
        var input = cli.File("in.csv", "group,age_band,numerator,denominator,ref_numerator,ref_denominator",
            "x,1,3,2000,0,100000", "x,2,0,1500,0,80000");

        var result = await StatsCli.RunAsync(["stats", "isr", input]);

        Assert.Equal(0, result.Exit);
        var r = Assert.Single(result.Rows);
        Assert.Equal("0", r["expected"]);
        Assert.Equal(string.Empty, r["value"]);
        Assert.Equal("isr NA for expected count of 0", r["note"]);
    }

    [Theory]
    [InlineData("group,age_band,numerator,denominator,ref_numerator,ref_denominator\nx,1,1,10,5,0", "line 2, column 'ref_denominator': 0 must be greater than zero")]
    [InlineData("group,age_band,numerator,denominator,ref_numerator,ref_denominator\nx,1,y,10,5,100", "line 2, column 'numerator': 'y' is not a number")]
    [InlineData("group,age_band,numerator,denominator,ref_numerator,ref_denominator\nx,1,1,10,5,100\nx,1,2,10,5,100", "line 3, column 'age_band': age band 1 appears twice in group 'x'")]
    [InlineData("group,age_band,numerator,denominator,ref_numerator,ref_denominator\nx,,1,10,5,100", "line 2, column 'age_band': a value is required")]
    [InlineData("group,age_band,numerator,denominator,ref_numerator\nx,1,1,10,5", "the required column 'ref_denominator' is missing")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "isr", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }
}
