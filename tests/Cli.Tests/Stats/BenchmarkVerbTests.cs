namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats benchmark</c>: the fingertips-open comparer tests through the CLI, and input errors.</summary>
public sealed class BenchmarkVerbTests : IDisposable
{
    private const string Header = "area,value,lower_95,upper_95,lower_99_8,upper_99_8,comparator,polarity";
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Two_levels_give_best_and_worst_by_polarity()
    {
        // fingertips-open SingleOverlappingCIsForTwoCILevelsComparerTest: 2.6 (95 % 2.5–2.7, 99.8 % 2.3–2.9).
        var input = cli.File("in.csv", Header,
            "a,2.6,2.5,2.7,2.3,2.9,3.0,low_is_good",
            "b,2.6,2.5,2.7,2.3,2.9,3.0,high_is_good",
            "c,2.6,2.5,2.7,2.3,2.9,2.8,low_is_good",
            "d,2.6,2.5,2.7,2.3,2.9,2.6,high_is_good",
            "e,2.6,2.5,2.7,2.3,2.9,2.4,RAG - High is good",
            "f,2.6,2.5,2.7,2.3,2.9,2.2,no_judgement",
            "g,,,,,,2.2,high_is_good");

        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--levels", "2"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["Best", "Worst", "Better", "Similar", "Better", "Higher", "Not compared"], result.Rows.Select(r => r["significance"]));
        Assert.Equal(Header + ",significance", result.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task Quintiles_rank_each_area_within_its_group_by_polarity()
    {
        // Six values 1, 10.8, 20.6, 30.4, 40.2, 50 are their own quintile bounds (fingertips-open ValueCategoriesCalculator:
        // linear interpolation at 20 %, 40 % …); a value on a bound belongs to the lower quintile. Group "b" has only
        // four values, too few for quintiles.
        var input = cli.File("in.csv", "group,area,value,polarity",
            "a,p,1,high_is_good", "a,q,10.8,high_is_good", "a,r,20.6,high_is_good", "a,s,30.4,low_is_good", "a,t,40.2,no_judgement", "a,u,50,high_is_good", "a,v,,high_is_good",
            "b,w,1,high_is_good", "b,x,2,high_is_good", "b,y,3,high_is_good", "b,z,4,high_is_good");

        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--method", "quintiles"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["Worst", "Worst", "Worse", "Middle", "High", "Best", "Not compared", "Not compared", "Not compared", "Not compared", "Not compared"], result.Rows.Select(r => r["significance"]));
    }

    [Fact]
    public async Task An_unknown_method_is_refused()
    {
        var input = cli.File("in.csv", "area,value,polarity", "a,1,high_is_good");

        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--method", "deciles"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--method: 'deciles' is not ci or quintiles", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_level_needs_only_the_95_percent_limits()
    {
        // SingleOverlappingCIsForOneCILevelComparatorTest: TestHigher and TestLower with polarity 1 (high is good).
        var input = cli.File("in.csv", "area,value,lower_95,upper_95,comparator,polarity", "h,3.3,3.2,3.5,3.0,1", "l,2.5,2.2,2.8,3.0,1", "s,3.05,2.7,3.1,3.0,0");

        var result = await StatsCli.RunAsync(["stats", "benchmark", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(["Better", "Worse", "Similar"], result.Rows.Select(r => r["significance"]));
    }

    [Theory]
    [InlineData("a,2.6,2.5,2.7,2.3,2.9,3.0,sideways", "line 2, column 'polarity': 'sideways' is not a polarity")]
    [InlineData("a,2.6,2.5,2.7,2.3,2.9,x,low", "line 2, column 'comparator': 'x' is not a number")]
    [InlineData("a,2.6,2.8,2.7,2.3,2.9,3,low", "line 2, column 'lower_95': the lower limit is above the upper limit")]
    [InlineData("a,2.4,2.5,2.7,2.3,2.9,3,low", "line 2, column 'lower_95': the lower limit is above the value")]
    [InlineData("a,2.6,2.5,2.7,2.3,2.55,3,low", "line 2, column 'upper_99_8': the upper limit is below the value")]
    [InlineData("a,2.6,2.3,2.9,2.5,2.7,3,low", "line 2, column 'lower_99_8': the 99.8 % interval does not contain the 95 % interval")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string line, string message)
    {
        var input = cli.File("bad.csv", Header, line);
        var output = cli.OutputPath("out.csv");
        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--levels", "2", "--output", output]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task Two_levels_need_the_99_8_percent_columns()
    {
        var input = cli.File("bad.csv", "area,value,lower_95,upper_95,comparator,polarity", "h,3.3,3.2,3.5,3.0,1");
        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--levels", "2"]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("line 1: the required column 'lower_99_8' is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Levels_other_than_1_or_2_are_refused()
    {
        var input = cli.File("in.csv", Header, "a,2.6,2.5,2.7,2.3,2.9,3.0,low");
        var result = await StatsCli.RunAsync(["stats", "benchmark", input, "--levels", "3"]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--levels: 3 must be 1 or 2", result.Error, StringComparison.Ordinal);
    }
}
