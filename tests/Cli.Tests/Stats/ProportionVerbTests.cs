namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats proportion</c>, and through it the behaviour every stats verb shares (streaming CSV, errors, no partial output).</summary>
public sealed class ProportionVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Adds_value_and_both_levels_of_Wilson_limits_passing_every_column_through()
    {
        // Fingertips 91547, practice Y02045 2022/23: 3/5 → 60 %, 23.07242813–88.23792258 (95 %), 13.20830594–93.66476562 (99.8 %).
        var input = cli.File("in.csv", "area,name,numerator,denominator", "Y02045,\"Practice, with comma\",3,5");

        var result = await StatsCli.RunAsync(["stats", "proportion", input]);

        Assert.Equal(0, result.Exit);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("area,name,numerator,denominator,value,lower_95,upper_95,lower_99_8,upper_99_8", lines[0]);
        Assert.StartsWith("Y02045,\"Practice, with comma\",3,5,60,", lines[1], StringComparison.Ordinal);
        var numbers = lines[1].Split(',')[^4..].Select(StatsResult.Number).ToArray();
        Assert.Equal(23.07242813, numbers[0], 5e-9);
        Assert.Equal(88.23792258, numbers[1], 5e-9);
        Assert.Equal(13.20830594, numbers[2], 5e-9);
        Assert.Equal(93.66476562, numbers[3], 5e-9);
    }

    [Fact]
    public async Task Many_batches_come_out_in_input_order_and_an_error_deep_in_the_file_still_names_its_line()
    {
        var lines = Enumerable.Range(1, 30_000).Select(i => $"A{i},{i % 97},{100 + (i % 13)}").Prepend("area,numerator,denominator").ToArray();
        var good = cli.File("many.csv", lines);

        var result = await StatsCli.RunAsync(["stats", "proportion", good]);

        Assert.Equal(0, result.Exit);
        var rows = result.Rows;
        Assert.Equal(30_000, rows.Count);
        Assert.All(rows.Select((row, index) => (row, index)), r => Assert.Equal($"A{r.index + 1}", r.row["area"]));
        Assert.Equal(100.0 * (29_999 % 97) / (100 + (29_999 % 13)), StatsResult.Number(rows[29_998]["value"]), 1e-12);

        lines[25_000] = "A25000,oops,100";
        var bad = cli.File("bad.csv", lines);
        var failed = await StatsCli.RunAsync(["stats", "proportion", bad, "--output", cli.OutputPath("out.csv")]);

        Assert.Equal(2, failed.Exit);
        Assert.Contains("bad.csv line 25001, column 'numerator': 'oops' is not a number", failed.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task Writes_full_precision_round_trip_numbers()
    {
        var input = cli.File("in.csv", "numerator,denominator", "1,3");

        var result = await StatsCli.RunAsync(["stats", "proportion", input, "--multiplier", "1", "--confidence", "95"]);

        var row = Assert.Single(result.Rows);
        Assert.Equal(1.0 / 3, StatsResult.Number(row["value"]));
        Assert.Equal("0.3333333333333333", row["value"]);
        Assert.Equal(["numerator", "denominator", "value", "lower_95", "upper_95"], row.Keys);
    }

    [Fact]
    public async Task Other_confidence_levels_get_columns_named_after_them()
    {
        var input = cli.File("in.csv", "numerator,denominator", "65,100");

        var result = await StatsCli.RunAsync(["stats", "proportion", input, "--confidence", "90,99"]);

        Assert.Equal(0, result.Exit);
        var row = Assert.Single(result.Rows);
        Assert.True(StatsResult.Number(row["lower_99"]) < StatsResult.Number(row["lower_90"]));
    }

    [Fact]
    public async Task Reads_standard_input_and_writes_the_output_file()
    {
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "proportion", "-", "--output", output], "numerator,denominator\r\n1,2\r\n\r\n");

        Assert.Equal(0, result.Exit);
        Assert.Equal(string.Empty, result.Output);
        var row = Assert.Single(StatsResult.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)));
        Assert.Equal("50", row["value"]);
    }

    [Theory]
    [InlineData("numerator,denominator\n1,10\nx,10", "line 3, column 'numerator': 'x' is not a number")]
    [InlineData("numerator,denominator\n1,10\n-1,10", "line 3, column 'numerator': -1 is negative")]
    [InlineData("numerator,denominator\n1,10\n5,0", "line 3, column 'denominator': 0 must be greater than zero")]
    [InlineData("numerator,denominator\n11,10", "line 2, column 'numerator': the numerator 11 is greater than the denominator 10")]
    [InlineData("numerator,denominator\n1,", "line 2, column 'denominator': a number is required but the field is empty")]
    [InlineData("numerator,count\n1,10", "line 1: the required column 'denominator' is missing")]
    [InlineData("numerator,denominator\n1,10,3", "line 2: the record has 3 fields but the header has 2")]
    [InlineData("numerator,denominator\n\"1,10", "line 2: the file ends inside a quoted field")]
    [InlineData("numerator,numerator\n1,10", "line 1, column 'numerator': the column is named twice")]
    [InlineData("", "the file is empty")]
    [InlineData("numerator,denominator,value\n1,10,3", "line 1, column 'value': the input already has a column this command adds; rename or remove it")]
    public async Task Bad_input_names_the_line_and_column_exits_2_and_writes_nothing(string content, string message)
    {
        var input = cli.File("bad.csv", content);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "proportion", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task A_failed_run_leaves_an_existing_output_file_as_it_was()
    {
        var output = cli.File("out.csv", "previous,result");
        var input = cli.File("bad.csv", "numerator,denominator", "1,10", "2,x");

        var result = await StatsCli.RunAsync(["stats", "proportion", input, "--output", output]);

        Assert.Equal(2, result.Exit);
        Assert.Equal("previous,result\n", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        Assert.Single(cli.FilesNamed("*"), f => f.EndsWith("out.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_run_to_standard_output_prints_no_rows()
    {
        var input = cli.File("bad.csv", "numerator,denominator", "1,10", "2,x");

        var result = await StatsCli.RunAsync(["stats", "proportion", input]);

        Assert.Equal(2, result.Exit);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("--confidence", "abc", "--confidence: 'abc' is not a confidence level")]
    [InlineData("--confidence", "95,95", "--confidence: 95 is given twice")]
    [InlineData("--multiplier", "0", "--multiplier: 0 must be a number greater than zero")]
    [InlineData("--multiplier", "abc", "'abc'")]
    [InlineData("--confidence", "100", "--confidence: '100' is not a confidence level")]
    [InlineData("--bogus", "1", "--bogus")]
    public async Task Bad_options_are_refused_with_exit_2(string option, string value, string message)
    {
        var input = cli.File("in.csv", "numerator,denominator", "1,10");

        var result = await StatsCli.RunAsync(["stats", "proportion", input, option, value]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_on_standard_input_is_ignored()
    {
        var result = await StatsCli.RunAsync(["stats", "proportion", "-"], "\uFEFFnumerator,denominator\n3,5\n");

        Assert.Equal(0, result.Exit);
        Assert.Equal("60", Assert.Single(result.Rows)["value"]);
    }

    [Fact]
    public async Task A_missing_input_file_is_named_and_exits_1_as_a_file_that_cannot_be_read()
    {
        var result = await StatsCli.RunAsync(["stats", "proportion", cli.OutputPath("nowhere.csv")]);

        Assert.Equal(1, result.Exit);
        Assert.EndsWith("nowhere.csv: no such file\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_a_folder_is_refused_with_a_plain_message_and_exits_1()
    {
        var input = cli.File("in.csv", "numerator,denominator", "1,10");
        var folder = Path.GetDirectoryName(input)!;

        var result = await StatsCli.RunAsync(["stats", "proportion", input, "--output", folder]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("is a folder (give a file name to write to)", result.Error, StringComparison.Ordinal);
    }
}
