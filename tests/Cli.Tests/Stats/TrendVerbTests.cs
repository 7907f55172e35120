namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats trend</c>: the fingertips-open trend-marker tests through the CLI, and input errors.</summary>
public sealed class TrendVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Counts_give_fingertips_markers_per_area()
    {
        // TrendMarkerCalculatorTest GetTrendDataForProportion_Set1 (increasing, χ² 47.9), given newest first; area Z has 4 points.
        var input = cli.File("in.csv", "area,period,numerator,denominator",
            "E1,2018-04-01,1367,44701", "E1,2017-04-01,1332,44064", "E1,2016-04-01,1199,42811", "E1,2015-04-01,1023,41527", "E1,2014-04-01,994,40299",
            "D1,2014-04-01,1367,44701", "D1,2015-04-01,1332,44064", "D1,2016-04-01,1199,42811", "D1,2017-04-01,1023,41527", "D1,2018-04-01,994,40299",
            "Z,2015-04-01,1,10", "Z,2016-04-01,2,10", "Z,2017-04-01,3,10", "Z,2018-04-01,4,10",
            "P,2012-04-01,5,5", "P,2013-04-01,3,5", "P,2014-04-01,1,5", "P,2015-04-01,1,4", "P,2016-04-01,2,4");

        var result = await StatsCli.RunAsync(["stats", "trend", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal("area,trend,note", result.Output.Split('\n')[0]);
        var rows = result.Rows;
        Assert.Equal(["E1", "D1", "Z", "P"], rows.Select(r => r["area"]));
        Assert.Equal(["increasing", "decreasing", "cannot_be_calculated", "cannot_be_calculated"], rows.Select(r => r["trend"]));
        Assert.Equal("Not enough data points to calculate recent trend", rows[2]["note"]);
        Assert.Equal("The recent trend cannot be calculated", rows[3]["note"]);
    }

    [Fact]
    public async Task Values_with_limits_use_the_interval_method()
    {
        // GetTrendData_Set1 (increasing, χ² 46.77) and GetTrendData_Set2 (not significant).
        var input = cli.File("in.csv", "area,period,value,lower_95,upper_95",
            "A,2014-01-01,24.67,23.16,26.25", "A,2015-01-01,24.6,23.15,26.19", "A,2016-01-01,28,26.44,29.64", "A,2017-01-01,30.2,28.63,31.9", "A,2018-01-01,30.6,28.98,32.25",
            "B,2014-01-01,20.5506,18.1803,23.1427", "B,2015-01-01,19.5952,17.3444,22.0602", "B,2016-01-01,19.0349,16.8421,21.4394", "B,2017-01-01,21.3966,19.0918,23.8975", "B,2018-01-01,18.4372,16.2925,20.7941",
            "C,2013-01-01,1,0.5,1.5", "C,2014-01-01,2,1.5,2.5", "C,2015-01-01,,,", "C,2016-01-01,3,2.5,3.5", "C,2017-01-01,4,3.5,4.5", "C,2018-01-01,5,4.5,5.5");

        var result = await StatsCli.RunAsync(["stats", "trend", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["increasing", "no_significant_change", "cannot_be_calculated"], result.Rows.Select(r => r["trend"]));
        Assert.Equal("Not enough data points with valid values to calculate recent trend", result.Rows[2]["note"]);
    }

    [Theory]
    [InlineData("A,2014/04/01,1,10", "line 2, column 'period': '2014/04/01' is not a date in the form YYYY-MM-DD")]
    [InlineData("A,2014-04-01,11,10", "line 2, column 'numerator': the numerator 11 is greater than the denominator 10")]
    [InlineData("A,2014-04-01,-1,10", "line 2, column 'numerator': -1 is negative")]
    [InlineData("A,2015-04-01,1,10", "line 3, column 'period': area 'A' already has period 2015-04-01")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string line, string message)
    {
        var input = cli.File("bad.csv", "area,period,numerator,denominator", line, "A,2015-04-01,2,10");
        var output = cli.OutputPath("out.csv");
        var result = await StatsCli.RunAsync(["stats", "trend", input, "--output", output]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task Without_counts_the_interval_columns_are_required()
    {
        var input = cli.File("bad.csv", "area,period,value", "A,2014-04-01,1");
        var result = await StatsCli.RunAsync(["stats", "trend", input]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("line 1: the required column 'lower_95' is missing", result.Error, StringComparison.Ordinal);
    }
}
