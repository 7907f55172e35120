using Commonweal.Application.Files;
using Commonweal.Persistence;
using Commonweal.TestKit;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>
/// Each kind of malformed indicator file is refused through the import with its file, line, column and rule, and the
/// store — already holding a good import — is left exactly as it was. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class MalformedIndicatorFileTests(DatabaseProvider provider)
{
    private const string File = "fingertips_91547.csv";

    [Fact]
    public Task A_truncated_row_is_refused_at_its_first_missing_column() =>
        Refused(Basildon201314[..Basildon201314.IndexOf(",2013/14", StringComparison.Ordinal)], line: 3, column: 12, rule: "truncated row: expected 26 fields, found 11");

    [Fact]
    public Task A_non_numeric_value_is_refused() =>
        Refused(Basildon201314.Replace("21.75000544", "21,75", StringComparison.Ordinal).Replace("15+ yrs,,,2013/14,21,75", "15+ yrs,,,2013/14,\"21,75\"", StringComparison.Ordinal),
            line: 3, column: 13, rule: "'21,75' has misplaced thousands separators");

    [Fact]
    public Task A_value_that_is_text_is_refused() =>
        Refused(Basildon201314.Replace("21.75000544", "twenty", StringComparison.Ordinal), line: 3, column: 13, rule: "non-numeric value: 'twenty' is not a number");

    [Fact]
    public Task A_malformed_area_code_is_refused() =>
        Refused(Basildon201314.Replace("E07000066", "E0700006X", StringComparison.Ordinal), line: 3, column: 5, rule: "malformed area code: 'E0700006X' is not an area code");

    [Fact]
    public Task A_duplicate_key_with_different_figures_is_refused_naming_both_lines() =>
        Refused(Basildon201314.Replace("21.75000544", "21.8", StringComparison.Ordinal), line: 3, column: 13,
            rule: "duplicate key (E07000066 2013/14 Persons 15+ yrs) with a different value: line 2 gives 21.75000544, this line 21.8", first: Basildon201314);

    [Fact]
    public Task A_period_that_is_not_one_is_refused() =>
        Refused(Basildon201314.Replace("2013/14", "2013/15", StringComparison.Ordinal), line: 3, column: 12, rule: "'2013/15' is not a period");

    [Fact]
    public Task A_wrong_header_is_refused_at_the_header() =>
        RefusedFile(DownloadHeader.Replace("Time period,", "Period,", StringComparison.Ordinal) + "\n" + England201314 + "\n", line: 1, column: null,
            rule: "the required column 'Time period' is missing");

    [Fact]
    public Task A_file_that_is_no_indicator_file_is_refused_naming_its_header() =>
        RefusedFile("LSOA code (2011),LSOA name (2011),IMD Rank\nE01021988,Tendring 018A,1\n", line: 1, column: null, rule: "not an indicator file Commonweal reads");

    [Fact]
    public Task An_empty_file_is_refused() => RefusedFile(string.Empty, line: 0, column: null, rule: "the file is empty");

    [Fact]
    public Task An_indicator_whose_value_type_cannot_be_inferred_is_refused_asking_for_the_option() =>
        RefusedFile(DownloadHeader + "\n" + "99999,Something measured,,,E92000001,England,England,Persons,All ages,,,2019,12.5,,,,,,,,,,,20190000,,\n", line: 0, column: null,
            rule: "the value type of indicator 99999 'Something measured' cannot be inferred from the file (it has no counts, limits or words that say): give --value-type");

    private Task Refused(string badRow, int line, int? column, string rule, string? first = null) =>
        RefusedFile(DownloadHeader + "\n" + (first ?? England201314) + "\n" + badRow + "\n", line, column, rule);

    private async Task RefusedFile(string content, int line, int? column, string rule)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var good = await IndicatorImporting.FileAsync(database, Download("good.csv", England201314, Basildon201314));
        Assert.True(good.Succeeded, good.Problem?.ToString());
        string before;
        await using (var db = database.CreateContext())
        {
            before = await FingerprintAsync(db);
        }

        var outcome = await IndicatorImporting.FileAsync(database, Importing.TempFile(File, content));

        var problem = Assert.IsType<FileProblem>(outcome.Problem);
        Assert.Equal(File, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
        await using var after = database.CreateContext();
        Assert.Equal(before, await FingerprintAsync(after));
    }
}

public sealed class SqliteMalformedIndicatorFileTests() : MalformedIndicatorFileTests(DatabaseProvider.Sqlite);

public sealed class PostgresMalformedIndicatorFileTests() : MalformedIndicatorFileTests(DatabaseProvider.Postgres);
