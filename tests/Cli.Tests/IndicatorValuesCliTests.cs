using Commonweal.Application.Files;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>indicators values</c> as an analyst runs it, on the real places (<see cref="ReferenceStore"/>) and Fingertips'
/// indicator 91547, imported by the command line the first time a test of the class needs it.
/// </summary>
public sealed class IndicatorValuesCliTests(ReferenceStore store) : IClassFixture<ReferenceStore>
{
    private const string Header =
        "indicator_id,area_code,area_name,area_type,period,sex,age,category,count,denominator,value,lower_95,upper_95,lower_99_8,upper_99_8,compared_to_england,recent_trend,source";

    private static readonly string[] Checked = ["indicator_id", "area_code", "area_type", "period", "sex", "age", "count", "denominator", "compared_to_england", "recent_trend"];

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var database = store.Require();
        await using (var db = database.CreateContext())
        {
            if (!await db.IndicatorValues.AnyAsync())
            {
                var path = ReferenceData.File("indicators/fingertips_91547_smoking_prevalence_qof.csv");
                var imported = await CliApp.RunAsync(["indicators", "import", path, "--database", database.Setting], new StringWriter(), new StringWriter(), new StringReader(string.Empty));
                Assert.Equal(0, imported);
            }
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(string.Empty));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The records of a CSV output, read by the same reader as the importers (quotes undone).</summary>
    private static List<Dictionary<string, string>> Records(string csv)
    {
        using var table = Table.OpenCsv(new StringReader(csv), "output");
        return [.. table.Rows().Select(r => table.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => r.Text(c.i, required: false)))];
    }

    [Theory]
    [InlineData("QH8")]
    [InlineData("E54000026")]
    public async Task The_ICB_by_either_code_gives_Fingertips_figures_for_2022_23_under_the_exact_header(string code)
    {
        var (exit, output, _) = await RunAsync("indicators", "values", "--indicator", "91547", "--area", code, "--period", "2022/23", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(Header, output.Split('\n')[0]);
        var row = Assert.Single(Records(output));
        Assert.Equal(
            ["91547", "QH8", "Icb", "2022/23", "Persons", "15+ yrs", "149173", "1042153", "Better", "Cannot be calculated"],
            Checked.Select(c => row[c]));
        Assert.StartsWith("14.3139251", row["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Area_type_narrows_to_the_ICBs_and_every_name_with_a_comma_is_quoted()
    {
        var (exit, output, _) = await RunAsync("indicators", "values", "--indicator", "91547", "--area-type", "Icb", "--period", "2022/23", "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Records(output);
        Assert.Equal(42, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Icb", "2022/23"), (r["area_type"], r["period"])));
        Assert.Contains(rows, r => r["area_name"].Contains(',', StringComparison.Ordinal));
        Assert.All(output.TrimEnd('\n').Split('\n').Skip(1), line => Assert.Equal(18, Records(Header + "\n" + line + "\n")[0].Count));
    }

    [Fact]
    public async Task Options_that_match_nothing_together_give_the_header_and_say_so()
    {
        var (exit, output, error) = await RunAsync("indicators", "values", "--indicator", "91547", "--area", "E07000066", "--area-type", "Icb", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(Header, output.TrimEnd('\n'));
        Assert.Contains("note: indicator 91547 has no values matching --area-type Icb, --area E07000066, --period (any) together", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pcn")]
    [InlineData("Neighbourhood")]
    [InlineData("Alliance")]
    [InlineData("Ics")]
    public async Task Levels_the_file_has_no_rows_for_are_added_up_from_the_areas_within(string type)
    {
        var (exit, output, _) = await RunAsync("indicators", "values", "--indicator", "91547", "--area-type", type, "--period", "2022/23", "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Records(output);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("aggregated", type), (r["source"], r["area_type"])));
        Assert.All(rows, r => Assert.True(double.Parse(r["count"], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Theory]
    [InlineData("99999", null, null, "No indicator 99999 is in the catalogue")]
    [InlineData("abc", null, null, "--indicator 'abc' is not an indicator id")]
    [InlineData("91547", "--period", "2022-23x", "--period '2022-23x' is not a period")]
    [InlineData("91547", "--period", "2030/31", "has no values for '2030/31': its periods are 2013/14,")]
    [InlineData("91547", "--area-type", "Galaxy", "--area-type 'Galaxy' is not a place type")]
    [InlineData("91547", "--area", "E07000999", "has no values for E07000999.")]
    [InlineData("91547", "--area", "XX", "--area: 'XX' is not an area code")]
    public async Task Bad_input_exits_2_with_a_message_and_no_output(string indicator, string? option, string? value, string message)
    {
        string[] args = option is null
            ? ["indicators", "values", "--indicator", indicator, "--format", "csv"]
            : ["indicators", "values", "--indicator", indicator, option, value!, "--format", "csv"];

        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
