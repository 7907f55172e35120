using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Cli.Tests;

/// <summary><c>indicators import</c> and <c>indicators list</c> as an analyst runs them, in-process against a real SQLite file.</summary>
public sealed class IndicatorsImportCliTests : IAsyncLifetime
{
    private const string Header =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
        + "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
        + "Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";

    private const string England =
        "91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,,,2013/14,19.17076526,19.15946674,19.18206886,,,8935216,46608551.5,,,Not compared,Not compared,20130000,,";

    private const string Basildon =
        "91547,Smoking prevalence in adults (15+) - current smokers (QOF),E92000001,England,E07000066,Basildon,District,Persons,15+ yrs,,,2013/14,21.75000544,21.53307848,21.9685059,21.4087005,22.09522184,\"30,000\",137931,,,Worse,Worse,20130000,,";

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(string.Empty));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task An_export_is_imported_saying_what_was_read_inferred_noted_and_written_and_again_changes_nothing()
    {
        var file = Importing.TempFile("export.csv", Header + "\n" + England + "\n" + Basildon + "\n" + England + "\n");

        var (exit, output, _) = await RunAsync("indicators", "import", file);
        var (againExit, again, _) = await RunAsync("indicators", "import", file);

        Assert.Equal((0, 0), (exit, againExit));
        Assert.Contains("fingertips-export export.csv: 3 rows read, 2 values, 3 rows changed", output, StringComparison.Ordinal);
        Assert.Contains("  indicator 91547 'Smoking prevalence in adults (15+) - current smokers (QOF)': created", output, StringComparison.Ordinal);
        Assert.Contains("    value type proportion: inferred: value ÷ count × denominator is 100 on 2 of 2 rows; Wilson score reproduces the published limits of 2 of 2 rows", output, StringComparison.Ordinal);
        Assert.Contains("    polarity low-is-good: inferred:", output, StringComparison.Ordinal);
        Assert.Contains("  note: 1 rows repeat an earlier row exactly", output, StringComparison.Ordinal);
        Assert.Contains("0 rows changed", again, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_writes_the_catalogue_as_CSV_with_how_much_the_store_holds()
    {
        Assert.Equal(0, (await RunAsync("indicators", "import", Importing.TempFile("export.csv", Header + "\n" + England + "\n" + Basildon + "\n"))).Exit);

        var (exit, output, _) = await RunAsync("indicators", "list", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(
            "id,name,value_type,multiplier,unit,polarity,frequency,source,periods,areas,values\n"
            + "91547,Smoking prevalence in adults (15+) - current smokers (QOF),proportion,100,%,low-is-good,annual,OHID Fingertips,1,2,2\n",
            output);
    }

    [Theory]
    [InlineData("--value-type", "rate", "--value-type 'rate' is not a value type")]
    [InlineData("--multiplier", "per-cent", "--multiplier 'per-cent' is not a positive number")]
    [InlineData("--polarity", "up", "--polarity 'up' is not a polarity (low-is-good, high-is-good or no-judgement)")]
    public async Task A_bad_option_exits_2_with_a_message(string option, string value, string message)
    {
        var (exit, _, error) = await RunAsync("indicators", "import", Importing.TempFile("export.csv", Header + "\n" + England + "\n"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_file_exits_2_naming_file_line_column_and_rule_and_changes_nothing()
    {
        var file = Importing.TempFile("export.csv", Header + "\n" + England + "\n" + Basildon.Replace("E07000066", "E0700006X", StringComparison.Ordinal) + "\n");

        var (exit, _, error) = await RunAsync("indicators", "import", file);

        Assert.Equal(2, exit);
        Assert.Contains("error: export.csv:3:5: field 'Area Code': malformed area code", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed by export.csv.", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(db.IndicatorValues);
        Assert.Empty(db.Indicators);
    }

    [Fact]
    public async Task An_indicator_that_needs_an_option_is_refused_saying_which_and_imported_with_it()
    {
        var file = Importing.TempFile("quits.csv", "indicator_name,area_code,area_name,period,count,denominator\nFour-week quits,U12345,Basildon PCN,2023/24,120,400\n");

        var (exit, _, error) = await RunAsync("indicators", "import", file);
        var (given, output, _) = await RunAsync("indicators", "import", file, "--value-type", "proportion", "--polarity", "high-is-good");

        Assert.Equal((2, 0), (exit, given));
        Assert.Contains("error: quits.csv: the value type of indicator 1000000 'Four-week quits' cannot be inferred from the file", error, StringComparison.Ordinal);
        Assert.Contains("value type proportion: given (--value-type)", output, StringComparison.Ordinal);
        Assert.Contains("polarity high-is-good: given (--polarity)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_is_imported_file_by_file_and_what_is_not_an_indicator_file_is_listed_as_skipped()
    {
        var folder = Path.GetDirectoryName(Importing.TempFile("export.csv", Header + "\n" + England + "\n"))!;
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "# notes\n");

        var (exit, output, _) = await RunAsync("indicators", "import", folder);

        Assert.Equal(0, exit);
        Assert.Contains("skipped  README.md:", output, StringComparison.Ordinal);
        Assert.Contains("fingertips-export export.csv: 1 rows read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reference_says_indicator_files_are_imported_with_indicators_import()
    {
        var folder = Path.GetDirectoryName(Importing.TempFile("export.csv", Header + "\n" + England + "\n"))!;

        var (_, output, _) = await RunAsync("import", "reference", folder);

        Assert.Contains("skipped  export.csv: an indicator file (OHID Fingertips export of indicator values", output, StringComparison.Ordinal);
        Assert.Contains("import it with `commonweal indicators import <file-or-folder>`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_91547_export_imports_reporting_each_row_the_engine_does_not_reproduce_and_lists()
    {
        var file = ReferenceData.File("indicators/fingertips_91547_smoking_prevalence_qof.csv");

        var (exit, output, _) = await RunAsync("indicators", "import", file);
        var (_, list, _) = await RunAsync("indicators", "list", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Contains("fingertips-export fingertips_91547_smoking_prevalence_qof.csv: 17,627 rows read, 17,106 values, 17,107 rows changed", output, StringComparison.Ordinal);
        Assert.Equal(37, output.Split('\n').Count(l => l.StartsWith("  disagrees: line ", StringComparison.Ordinal)));
        Assert.Contains("91547,Smoking prevalence in adults (15+) - current smokers (QOF),proportion,100,%,low-is-good,annual,OHID Fingertips,11,7048,17106", list, StringComparison.Ordinal);
    }
}
