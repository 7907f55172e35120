namespace Commonweal.Cli.Tests.Stats;

/// <summary><c>stats sii</c>: the PHEindicatormethods vignette's rate example through the CLI, seeds, and input errors.</summary>
public sealed class SiiVerbTests : IDisposable
{
    private readonly StatsCli cli = new();

    public void Dispose() => cli.Dispose();

    // DSR_data (PHEindicatormethods tests/testthat/DSR_testdata.csv), period 2010, given in a shuffled quintile order.
    private static readonly string[] Dsr2010 =
    [
        "group,quantile,population,value,lower_95,upper_95",
        "2010,3,1453827,127.4954973,125.0421198,129.975513",
        "2010,1,1434002,150.2200205,147.3194185,153.1498241",
        "2010,5,1457780,135.4664241,133.2469515,137.8657553",
        "2010,2,1450590,131.0221747,128.3676972,133.7051129",
        "2010,4,1440980,130.494241,128.2469515,132.7657553",
    ];

    [Fact]
    public async Task Log_transformed_rate_reproduces_the_vignette()
    {
        var input = cli.File("dsr.csv", Dsr2010);

        var result = await StatsCli.RunAsync(["stats", "sii", input, "--value-type", "rate", "--transform", "--repetitions", "20000", "--seed", "3"]);

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("group,sii,sii_lower_95,sii_upper_95,sii_lower_99_8,sii_upper_99_8,rii,rii_lower_95,rii_upper_95,rii_lower_99_8,rii_upper_99_8,note\n", result.Output, StringComparison.Ordinal);
        var row = Assert.Single(result.Rows);
        // Vignette: sii −14.03684, rii 0.9010655, sii 95 % −17.95990 to −10.126662 (100,000 reps). With 20,000 reps here the
        // Monte-Carlo SE of a limit is ≈ 0.04 (σ ≈ 2.0): tolerance 0.2 ≈ 4 SE of the difference.
        Assert.Equal(-14.03684, StatsResult.Number(row["sii"]), 5e-6);
        Assert.Equal(0.9010655, StatsResult.Number(row["rii"]), 5e-8);
        Assert.Equal(-17.95990, StatsResult.Number(row["sii_lower_95"]), 0.2);
        Assert.Equal(-10.126662, StatsResult.Number(row["sii_upper_95"]), 0.2);
        Assert.True(StatsResult.Number(row["sii_lower_99_8"]) < StatsResult.Number(row["sii_lower_95"]));
        Assert.Equal(string.Empty, row["note"]);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_output()
    {
        var input = cli.File("dsr.csv", [.. Dsr2010, .. Dsr2010.Skip(1).Select(l => "2011" + l[4..])]);
        string[] args = ["stats", "sii", input, "--value-type", "rate", "--repetitions", "2000", "--seed", "11"];

        var first = await StatsCli.RunAsync(args);
        var second = await StatsCli.RunAsync(args);
        var other = await StatsCli.RunAsync([.. args[..^1], "12"]);

        Assert.Equal(0, first.Exit);
        Assert.Equal(2, first.Rows.Count);
        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, other.Output);
        Assert.Equal(first.Rows[0]["sii_lower_95"], first.Rows[1]["sii_lower_95"]); // same data, same seed per group
    }

    [Theory]
    [InlineData("2010,1,1434002,150.2,147.3,153.1", "line 3, column 'quantile': group '2010' already has quantile 1")]
    [InlineData("2010,6,0,150.2,147.3,153.1", "line 3, column 'population': 0 must be greater than zero")]
    [InlineData("2010,6,1000,abc,147.3,153.1", "line 3, column 'value': 'abc' is not a number")]
    [InlineData("2010,6,1000,150,160,153.1", "line 3, column 'lower_95': the lower limit 160 is above the upper limit 153.1")]
    public async Task Bad_rows_name_the_line_and_column_exit_2_and_write_nothing(string line, string message)
    {
        var input = cli.File("bad.csv", [Dsr2010[0], Dsr2010[2], line, .. Dsr2010[3..]]);
        var output = cli.OutputPath("out.csv");

        var result = await StatsCli.RunAsync(["stats", "sii", input, "--output", output, "--repetitions", "1000"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.FilesNamed("*out.csv*"));
    }

    [Fact]
    public async Task Too_few_quantiles_name_the_groups_first_line()
    {
        var input = cli.File("bad.csv", Dsr2010[..5]);
        var result = await StatsCli.RunAsync(["stats", "sii", input]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.csv line 2, column 'quantile': group '2010' has 4 quantiles; between 5 and 100 are needed", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task A_proportion_outside_0_to_1_is_refused()
    {
        var input = cli.File("bad.csv", "group,quantile,population,value,lower_95,upper_95", "E,1,100,21.2,20.7,21.6");
        var result = await StatsCli.RunAsync(["stats", "sii", input, "--value-type", "proportion"]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("line 2, column 'value': 21.2 is not a proportion between 0 and 1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--value-type", "ratio" }, "--value-type: 'ratio' must be rate, proportion or other")]
    [InlineData(new[] { "--transform" }, "--transform: needs --value-type rate or proportion")]
    [InlineData(new[] { "--repetitions", "10" }, "--repetitions: 10 is fewer than 1000")]
    public async Task Bad_options_are_refused_with_exit_2(string[] options, string message)
    {
        var input = cli.File("in.csv", Dsr2010);
        var result = await StatsCli.RunAsync(["stats", "sii", input, .. options]);
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
