namespace Commonweal.Cli.Tests.Stats;

/// <summary>
/// What every <c>stats</c> verb does with files it cannot read or write and with numbers a double cannot carry: one
/// line, the exit code its help documents, never a stack trace, and never a result silently lost to overflow.
/// </summary>
public sealed class StatsFaultTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string> Verbs =>
        ["proportion", "rate", "mean", "dsr", "isr", "life-expectancy", "sii", "quantile", "funnel", "benchmark", "trend", "spc"];

    [Fact]
    public async Task The_help_documents_the_exit_codes_that_the_runs_below_give()
    {
        var help = await StatsCli.RunAsync(["stats", "--help"]);

        Assert.Contains("Exit code 0 when done; 2 for bad input or options (the message names the line and column, and nothing is written); 1 when a file cannot be read or written.", help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "numerator,denominator\n1,10\n")]
    [InlineData(2, "numerator,denominator\n1,x\n")]
    [InlineData(2, "numerator,denominator\n1,10\n", "--confidence", "abc")]
    [InlineData(2, "numerator,denominator\n1,10\n", "--no-such-option")]
    [InlineData(1, null)]
    [InlineData(1, "numerator,denominator\n1,10\n", "--output", "/proc/out.csv")]
    public async Task Each_documented_exit_code_is_given_when_the_help_says(int exit, string? input, params string[] options)
    {
        var path = input is null ? cli.OutputPath("no-such-input.csv") : cli.File("in.csv", input.TrimEnd('\n'));

        var result = await StatsCli.RunAsync(["stats", "proportion", path, .. options]);

        Assert.Equal(exit, result.Exit);
        Assert.Equal(exit == 0, result.Error.Length == 0);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task An_input_that_cannot_be_read_is_named_in_one_line_with_exit_1(string verb)
    {
        var missing = await StatsCli.RunAsync(["stats", verb, cli.OutputPath("nowhere.csv")]);
        var folder = await StatsCli.RunAsync(["stats", verb, cli.Folder]);

        Assert.Equal($"error: cannot read {cli.OutputPath("nowhere.csv")}: no such file", missing.Refusal(exit: 1));
        Assert.Equal($"error: cannot read {cli.Folder}: it is a folder, not a file", folder.Refusal(exit: 1));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task An_output_that_cannot_be_written_is_named_in_one_line_with_exit_1_and_nothing_left_behind(string verb)
    {
        var input = cli.File("in.csv", "x", "1");
        var regularFile = cli.File("a-file", "not a folder");
        // Tests may run as root, whom permissions do not stop: a path under a regular file, or in /proc, cannot be written by anyone.
        string[] outputs = [Path.Combine(regularFile, "out.csv"), "/proc/commonweal-out.csv", cli.Folder, Path.Combine(cli.Folder, "no-such-folder", "out.csv")];

        foreach (var output in outputs)
        {
            var result = await StatsCli.RunAsync(["stats", verb, input, "--output", output]);

            Assert.StartsWith($"error: cannot write {output}: ", result.Refusal(exit: 1), StringComparison.Ordinal);
        }

        Assert.Equal(["a-file", "in.csv"], Directory.GetFileSystemEntries(cli.Folder).Select(Path.GetFileName).Order());
    }

    [Theory]
    // Text that a double cannot carry: refused where it is read.
    [InlineData("proportion", "numerator,denominator\n1e300,1e308", "line 2, column 'numerator': 1e300 is too large for a count or population: from 2^53 (9,007,199,254,740,992) on")]
    [InlineData("proportion", "numerator,denominator\n9007199254740993,9007199254740993", "line 2, column 'numerator': 9007199254740993 is too large for a count or population")]
    [InlineData("rate", "numerator,denominator\n1,1e16", "line 2, column 'denominator': 1e16 is too large for a count or population")]
    [InlineData("funnel", "area,numerator,denominator\nA,1,2\nB,1,1e20", "line 3, column 'denominator': 1e20 is too large")]
    [InlineData("trend", "area,period,numerator,denominator\nA,2020-01-01,1,1e300", "line 2, column 'denominator': 1e300 is too large")]
    [InlineData("proportion", "numerator,denominator\n1e-400,1", "line 2, column 'numerator': '1e-400' is closer to zero than a double holds in full (2.2e-308): it would be read as 0")]
    [InlineData("proportion", "numerator,denominator\n0,1e-310", "line 2, column 'denominator': '1e-310' is closer to zero than a double holds in full")]
    [InlineData("mean", "group,value\na,1e400", "line 2, column 'value': '1e400' is beyond the range of a double (about ±1.8e308)")]
    [InlineData("spc", "series,period,value\ns,2020-01-01,-1e309", "line 2, column 'value': '-1e309' is beyond the range of a double")]
    [InlineData("proportion", "numerator,denominator\nInfinity,1", "line 2, column 'numerator': 'Infinity' is not a finite number")]
    [InlineData("benchmark", "area,value,lower_95,upper_95,comparator,polarity\nA,-Infinity,1,2,1,high_is_good", "line 2, column 'value': '-Infinity' is not a finite number")]
    [InlineData("proportion", "numerator,denominator\nNaN,1", "line 2, column 'numerator': 'NaN' is not a number")]
    [InlineData("rate", "numerator,denominator\n-5,10", "line 2, column 'numerator': -5 is negative")]
    // Results beyond a double's range: refused naming the row and the column rather than written as ±Infinity.
    [InlineData("rate", "numerator,denominator\n1,10\n1000000,1e-300", "line 3, column 'value': the result Infinity is beyond the range of a double (about ±1.8e308)")]
    [InlineData("mean", "group,value\na,1.7e308\na,-1.7e308", "output line 2 ('a,2,0,Infinity,-Infinity,Infinity,-Infinity,Infinity,'), column 'sd': the result Infinity is beyond the range")]
    [InlineData("spc", "series,period,value\ns,2020-01-01,1e308\ns,2020-02-01,-1e308\ns,2020-03-01,1e308", "column 'lower_limit': the result -Infinity is beyond the range of a double")]
    [InlineData("isr", "group,age_band,numerator,denominator,ref_numerator,ref_denominator\ng,1,5,100,1e-300,9e15", "column 'expected': the result 1.1111110984E-314 is closer to zero than a double holds in full (2.2e-308)")]
    public async Task Numbers_a_double_cannot_carry_are_refused_naming_the_row_and_field_with_exit_2_and_nothing_written(string verb, string content, string message)
    {
        var input = cli.File("in.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", verb, input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Refusal(exit: 2), StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task A_mean_of_numbers_near_the_largest_double_is_computed_not_lost_to_overflow()
    {
        var input = cli.File("in.csv", "group,value", "same,1e308", "same,1e308", "spread,1e200", "spread,-1e200", "spread,3");

        var result = await StatsCli.RunAsync(["stats", "mean", input]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(("1E+308", "0"), (result.Rows[0]["mean"], result.Rows[0]["sd"]));
        Assert.Equal(1e200, StatsResult.Number(result.Rows[1]["sd"]), 1e185);
    }
}
