using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Cli.Tests;

/// <summary>The command line as an analyst uses it, run in-process against a real SQLite file.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private const string ImdHeader = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile";

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(input));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (exit, output, _) = await RunAsync(string.Empty, "--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "db", "import", "demo", "users", "places" })
            Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_options_are_offered_by_the_commands_that_use_the_store_and_not_by_stats()
    {
        var places = new StringWriter();
        var stats = new StringWriter();

        await CliApp.RunAsync(["places", "list", "--help"], places, new StringWriter(), new StringReader(string.Empty));
        await CliApp.RunAsync(["stats", "proportion", "--help"], stats, new StringWriter(), new StringReader(string.Empty));

        Assert.Contains("--database", places.ToString(), StringComparison.Ordinal);
        Assert.Contains("--ics", places.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--database", stats.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--ics", stats.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("commonweal clients --help", "clients")]
    [InlineData("commonweal clients add --help", "clients", "add")]
    [InlineData("commonweal --help", "nonsense")]
    public async Task A_mistaken_command_exits_2_and_points_to_the_help_of_the_command_it_was_made_in(string help, params string[] args)
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(args, new StringWriter(), error, new StringReader(string.Empty));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"(see {help} for its commands and options)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_help_lists_one_command_per_official_file_format()
    {
        var (exit, output, _) = await RunAsync(string.Empty, "import", "--help");

        Assert.Equal(0, exit);
        foreach (var kind in new[] { "reference", "iod-imd", "iod-domains", "ons-lsoa-ward-lad", "nhs-practice-map", "boundaries-lsoa" })
            Assert.Contains(kind, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_creates_the_store_and_says_where()
    {
        var (exit, output, _) = await RunAsync(string.Empty, "db", "migrate");

        Assert.Equal(0, exit);
        Assert.Contains("Database is up to date: SQLite", output, StringComparison.Ordinal);
        Assert.True(File.Exists(database.Settings.SqliteFile));
    }

    [Fact]
    public async Task A_malformed_file_exits_2_naming_file_line_and_column_and_changes_nothing()
    {
        var file = Importing.TempFile("File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv", ImdHeader + "\nE0102198X,Tendring 018A,E07000076,Tendring,1,1\n", byteOrderMark: true);

        var (exit, _, error) = await RunAsync(string.Empty, "import", "iod-imd", file);

        Assert.Equal(2, exit);
        Assert.Contains("error: File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv:2:1: field 'LSOA code (2011)': malformed area code", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, db.Areas.Count());
    }

    [Fact]
    public async Task A_missing_folder_exits_2()
    {
        var (exit, _, error) = await RunAsync(string.Empty, "import", "reference", "/no/such/folder");

        Assert.Equal(2, exit);
        Assert.Contains("the folder does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_imported_and_reported_and_replaces_the_demo()
    {
        Assert.Equal(0, (await RunAsync(string.Empty, "demo", "seed")).Exit);
        var file = Importing.TempFile("LSOA11_CCG20_LAD20_EN_LU.csv",
            "FID,LSOA11CD,LSOA11NM,CCG20CD,CCG20CDH,CCG20NM,LAD20CD,LAD20NM\n1,E01021988,Tendring 018A,E38000117,06T,NHS North East Essex CCG,E07000076,Tendring\n");

        var (exit, output, _) = await RunAsync(string.Empty, "import", "ons-lsoa-ccg-lad", file);
        var (_, shown, _) = await RunAsync(string.Empty, "places", "show", "E01021988", "--as-at", "2020-06-01");

        Assert.Equal(0, exit);
        Assert.Contains("ons-lsoa-ccg-lad", output, StringComparison.Ordinal);
        Assert.Contains("1 rows", output, StringComparison.Ordinal);
        Assert.Contains("the demo dataset was removed", output, StringComparison.Ordinal);
        Assert.Equal("id,name,value_type,multiplier,unit,polarity,frequency,source,periods,areas,values\n", (await RunAsync(string.Empty, "indicators", "list", "--format", "csv")).Out);
        Assert.Contains("Tendring 018A (E01021988)", shown, StringComparison.Ordinal);
        Assert.Contains("In sub-ICB location (former CCG): NHS North East Essex CCG (E38000117)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_list_and_show_read_the_demo()
    {
        Assert.Equal(0, (await RunAsync(string.Empty, "demo", "seed")).Exit);

        var (listExit, list, _) = await RunAsync(string.Empty, "places", "list");
        var (inExit, inside, _) = await RunAsync(string.Empty, "places", "list", "--in", "alliance-mid-essex");
        var (showExit, show, _) = await RunAsync(string.Empty, "places", "show", "E07000066");

        Assert.Equal(0, listExit + inExit + showExit);
        Assert.Equal(1 + 9, list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("code ", list, StringComparison.Ordinal);
        Assert.Equal(1 + 3, inside.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Basildon (E07000066)", show, StringComparison.Ordinal);
        Assert.Matches(@"in 11\d LSOAs", show);
    }

    [Theory]
    [InlineData("places", "show", "nope", "is not an area code")]
    [InlineData("places", "show", "E09999999", "no place has the code E09999999")]
    [InlineData("places", "list", "--type", "Planet", "is not a place type")]
    [InlineData("places", "list", "--as-at", "2026-13-01", "--as-at '2026-13-01' is not a date in the form YYYY-MM-DD")]
    [InlineData("places", "list", "--format", "xml", "--format 'xml' is not a format (table or csv)")]
    [InlineData("places", "list", "--in", "E09999999", "No place has the code E09999999")]
    [InlineData("deprivation", "list", "--vintage", "iod2030", "--vintage 'iod2030' is not an edition of the Indices (iod2019 or iod2025)")]
    [InlineData("places", "recast", "-", "--to", "2031", "--kind", "count", "--to '2031' is not a Census (2021 or 2011)")]
    [InlineData("places", "recast", "-", "--to", "2021", "--kind", "mean", "--kind 'mean' is not a kind of figure (count or rate)")]
    [InlineData("settings", "deprivation-vintage", "iod2001", "'iod2001' is not an edition (iod2019, iod2025 or latest)")]
    public async Task Bad_place_arguments_exit_2_with_a_message(params string[] argsAndMessage)
    {
        var (exit, _, error) = await RunAsync(string.Empty, argsAndMessage[..^1]);

        Assert.Equal(2, exit);
        Assert.Contains(argsAndMessage[^1], error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_takes_the_password_on_standard_input_and_checks_the_role()
    {
        var none = await RunAsync(string.Empty, "users", "add", "alice", "--role", "Administrator");
        var badRole = await RunAsync("a long enough password\n", "users", "add", "alice", "--role", "Overlord");
        var shortPassword = await RunAsync("short\n", "users", "add", "alice", "--role", "Administrator");
        var created = await RunAsync("a long enough password\n", "users", "add", "alice", "--role", "administrator", "analyst");
        var again = await RunAsync("a long enough password\n", "users", "add", "alice", "--role", "Analyst");
        var (_, list, _) = await RunAsync(string.Empty, "users", "list");

        Assert.Equal(2, none.Exit);
        Assert.Contains("give the password on standard input", none.Err, StringComparison.Ordinal);
        Assert.Equal(2, badRole.Exit);
        Assert.Contains("'Overlord' is not a role", badRole.Err, StringComparison.Ordinal);
        Assert.Equal(2, shortPassword.Exit);
        Assert.Equal(0, created.Exit);
        Assert.Contains("Administrator, Analyst", created.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.Exit);
        Assert.Contains("already exists", again.Err, StringComparison.Ordinal);
        Assert.Contains("alice", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_fails()
    {
        var (exit, _, error) = await RunAsync(string.Empty, "frobnicate");

        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }
}
