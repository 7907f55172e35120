using Commonweal.Application.Files;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Cli.Tests;

/// <summary>The whole reference folder imported once into SQLite, for the commands an analyst (and the checks) run.</summary>
public sealed class ReferenceStore : IAsyncLifetime
{
    public TestDatabase? Database { get; private set; }

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (ReferenceData.Folder is not { } folder)
        {
            Unavailable = $"the reference data is not available: set {ReferenceData.Variable} to the folder of official files";
            return;
        }

        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = Database.CreateContext();
        var result = await Importing.For(db).ImportFolderAsync(folder, "test");
        if (!result.Succeeded) Unavailable = "the reference folder did not import: " + result.Outcomes[^1].Problem;
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null) await Database.DisposeAsync();
    }

    public TestDatabase Require()
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
        return Database!;
    }

    /// <summary>Runs the command line on this store (the test skips when the reference data is not available).</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", Require().Setting], output, error, new StringReader(input));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The rows of a CSV the command line wrote, each field as text (an empty field as empty text).</summary>
    public static List<string[]> Rows(string csv)
    {
        using var table = Table.OpenCsv(new StringReader(csv), "output");
        return [.. table.Rows().Select(r => Enumerable.Range(0, r.FieldCount).Select(i => r.Text(i, required: false) ?? string.Empty).ToArray())];
    }
}

/// <summary><c>places list</c>, <c>deprivation list|compare</c>, <c>places recast</c> and <c>settings</c> on the real files, as at dates around the changes.</summary>
public sealed class PlacesThroughTimeCliTests(ReferenceStore store) : IClassFixture<ReferenceStore>
{
    private Task<(int Exit, string Out, string Err)> RunAsync(string input, params string[] args) => store.RunAsync(input, args);

    private static List<string[]> Rows(string csv) => ReferenceStore.Rows(csv);

    [Theory]
    [InlineData("2026-03-31", "QH8,Icb,NHS Mid and South Essex Integrated Care Board,", ",2026-03-31", "D7T5G")]
    [InlineData("2026-04-01", "D7T5G,Icb,NHS Essex Integrated Care Board,", "2026-04-01,", "QH8")]
    public async Task Places_list_gives_the_ICBs_in_force_on_the_day_before_and_the_day_of_the_mergers(string date, string row, string validity, string absent)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "Icb", "--as-at", date, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.StartsWith("code,type,name,population,valid_from,valid_to\n", output.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith(row, StringComparison.Ordinal)).TrimEnd('\r');
        Assert.EndsWith(validity, line, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith(absent + ",", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("QH8", "2025-06-01", 144)]
    [InlineData("QH8", "2026-03-31", 144)]
    [InlineData("D7T5G", "2026-04-01", 205)]
    public async Task Places_list_gives_the_practices_within_an_ICB_as_at_a_date(string icb, string date, int practices)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "Practice", "--in", icb, "--as-at", date, "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Rows(output);
        Assert.Equal(practices, rows.Count);
        Assert.All(rows, r => Assert.Equal("Practice", r[1]));
        Assert.Contains(rows, r => r[0] == "F81001" && long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) > 10_000);
    }

    [Theory]
    [InlineData("06Q", "2021-06-01", "NHS Mid Essex CCG (E38000106)")]
    [InlineData("06Q", "2022-07-01", "NHS Mid and South Essex ICB - 06Q (E38000106)")]
    [InlineData("06Q", "2026-04-01", "NHS Essex ICB - 06Q (E38000106)")]
    [InlineData("E54000066", "2026-06-01", "NHS Essex Integrated Care Board (D7T5G)")]
    public async Task Places_show_finds_a_place_by_its_other_code_under_its_name_of_the_date(string code, string date, string heading)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "show", code, "--as-at", date);

        Assert.Equal(0, exit);
        Assert.StartsWith(heading + " — ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QH8", "2025-06-01", 9)]
    [InlineData("D7T5G", "2026-06-01", 14)]
    public async Task Places_list_gives_the_districts_whose_LSOAs_all_lie_in_an_ICB(string icb, string date, int districts)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "District", "--in", icb, "--as-at", date, "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Rows(output);
        Assert.Equal(districts, rows.Count);
        Assert.Contains(rows, r => r[0] == "E07000066" && r[3] == "187601");
        Assert.Equal(icb == "QH8", rows.TrueForAll(r => r[0] != "E07000076"));
    }

    [Theory]
    [InlineData("iod2019", 177)]
    [InlineData("iod2025", 177)]
    public async Task A_district_formed_in_2023_holds_every_LSOA_of_its_predecessors_in_either_Census(string vintage, int lsoas)
    {
        // Cumberland (E06000063) replaced Allerdale, Carlisle and Copeland on 1 April 2023. IoD2019's split 2011 LSOAs lie
        // where the 2021 LSOAs they became lie, so none is lost with the districts they were published in.
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "Lsoa", "--in", "E06000063", "--vintage", vintage, "--as-at", "2026-06-01", "--format", "csv");
        var (_, listed, _) = await RunAsync(string.Empty, "deprivation", "list", "--in", "E06000063", "--vintage", vintage, "--as-at", "2026-06-01", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(lsoas, Rows(output).Count);
        Assert.Equal(lsoas, Rows(listed).Count);
    }

    [Fact]
    public async Task Places_list_within_a_sub_ICB_location_by_its_ODS_code_gives_its_practices()
    {
        var (_, byOds, _) = await RunAsync(string.Empty, "places", "list", "--type", "Practice", "--in", "06Q", "--as-at", "2026-06-01", "--format", "csv");
        var (_, byGss, _) = await RunAsync(string.Empty, "places", "list", "--type", "Practice", "--in", "E38000106", "--as-at", "2026-06-01", "--format", "csv");

        Assert.NotEmpty(Rows(byGss));
        Assert.Equal(byGss, byOds);
    }

    [Fact]
    public async Task Deprivation_of_a_PCN_is_refused_because_it_serves_registered_patients()
    {
        var (exit, output, error) = await RunAsync(string.Empty, "deprivation", "list", "--in", "U89141", "--as-at", "2026-06-01");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("holds no LSOA 2021 on 2026-06-01: a primary care network serves registered patients", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ICB_not_in_force_on_the_date_is_refused_with_its_period()
    {
        var (exit, _, error) = await RunAsync(string.Empty, "places", "list", "--type", "Practice", "--in", "QH8", "--as-at", "2026-04-01");

        Assert.Equal(2, exit);
        Assert.Contains("NHS Mid and South Essex Integrated Care Board (QH8) did not exist on 2026-04-01: it is in force until 31 March 2026", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-03-20", 107)]
    [InlineData("2021-03-21", 113)]
    public async Task Places_list_gives_the_LSOAs_of_2011_the_day_before_Census_day_2021_and_those_of_2021_on_it(string date, int lsoas)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "Lsoa", "--in", "E07000070", "--as-at", date, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(lsoas, Rows(output).Count);
    }

    [Theory]
    [InlineData("2026-06-01", 112, 187_601)]
    [InlineData("2020-06-01", 110, 187_199)]
    public async Task Places_list_gives_the_LSOAs_of_the_Census_in_force_with_their_population_of_that_vintage(string date, int lsoas, int residents)
    {
        var (exit, output, _) = await RunAsync(string.Empty, "places", "list", "--type", "Lsoa", "--in", "E07000066", "--as-at", date, "--format", "csv");
        var (_, district, _) = await RunAsync(string.Empty, "places", "list", "--type", "District", "--as-at", date, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(lsoas, Rows(output).Count);
        Assert.Equal(residents, Rows(output).Sum(r => long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(Rows(district), r => r[0] == "E07000066" && r[3] == residents.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("iod2025", null, 720, 83)]
    [InlineData("iod2019", null, 705, 69)]
    [InlineData("iod2025", "E07000066", 112, 27)]
    [InlineData("iod2025", "E06000033", 108, 25)]
    [InlineData("iod2025", "E07000068", 48, 0)]
    [InlineData("iod2019", "E07000066", 110, 26)]
    public async Task Deprivation_list_gives_one_row_per_LSOA_of_the_edition_within_the_place(string vintage, string? place, int lsoas, int core20)
    {
        string[] args = ["deprivation", "list", "--vintage", vintage, "--format", "csv", .. place is null ? Array.Empty<string>() : ["--in", place]];

        var (exit, output, _) = await RunAsync(string.Empty, args);

        Assert.Equal(0, exit);
        Assert.StartsWith("lsoa_code,lsoa_name,district_code,imd_rank,imd_decile,imd_score", output, StringComparison.Ordinal);
        var rows = Rows(output);
        Assert.Equal(lsoas, rows.Count);
        Assert.Equal(core20, rows.Count(r => int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture) <= 2));
        Assert.Equal(lsoas, rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public async Task Deprivation_list_gives_Jaywick_first_in_both_editions_with_its_score()
    {
        var (_, iod2025, _) = await RunAsync(string.Empty, "deprivation", "list", "--vintage", "iod2025", "--in", "E07000076", "--format", "csv");
        var (_, iod2019, _) = await RunAsync(string.Empty, "deprivation", "list", "--vintage", "iod2019", "--in", "E07000076", "--format", "csv");

        Assert.Contains("E01021988,Tendring 018A,E07000076,1,1,94.223", iod2025, StringComparison.Ordinal);
        Assert.Contains("E01021988,Tendring 018A,E07000076,1,1,92.735", iod2019, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deprivation_compare_shows_which_LSOAs_entered_or_left_the_most_deprived_20_percent_by_district()
    {
        var (exit, output, _) = await RunAsync(string.Empty, "deprivation", "compare", "--format", "csv");
        var (_, lsoas, _) = await RunAsync(string.Empty, "deprivation", "compare", "--lsoas", "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Rows(output);
        Assert.Equal(9, rows.Count);
        Assert.Equal(69, rows.Sum(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(83, rows.Sum(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)));
        var basildon = rows.Single(r => r[0] == "E07000066");
        Assert.Equal(("110", "26", "112", "27"), (basildon[2], basildon[3], basildon[4], basildon[5]));
        var perLsoa = Rows(lsoas);
        Assert.Equal(720, perLsoa.Count);
        Assert.Equal(rows.Sum(r => int.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture)), perLsoa.Count(r => r[7] == "entered"));
    }

    [Fact]
    public async Task Places_recast_carries_2011_counts_to_2021_LSOAs_stating_the_method()
    {
        var links = Rows((await RunAsync(string.Empty, "deprivation", "compare", "--lsoas", "--format", "csv")).Out).First(r => r[5] == "S");
        var parent = links[4];

        var (exit, output, _) = await RunAsync($"lsoa,value\n{parent},100\nE01021988,7\n", "places", "recast", "-", "--to", "2021", "--kind", "count");

        Assert.Equal(0, exit);
        var rows = Rows(output);
        Assert.Contains(rows, r => r[0] == "E01021988" && r[1] == "7" && r[3] == "unchanged: E01021988");
        var parts = rows.Where(r => r[2] == parent).ToList();
        Assert.True(parts.Count >= 2);
        Assert.Equal(100, parts.Sum(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)), 9);
        Assert.All(parts, r => Assert.StartsWith("split, shared by population", r[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Places_recast_refuses_a_bad_row_with_its_line_and_column()
    {
        var (exit, _, error) = await RunAsync("lsoa,value\nE01021988,seven\n", "places", "recast", "-", "--to", "2021", "--kind", "count");

        Assert.Equal(2, exit);
        Assert.Contains("standard input:2:2: field 'value': 'seven' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setting_chooses_the_edition_used_by_default()
    {
        try
        {
            var (exit, set, _) = await RunAsync(string.Empty, "settings", "deprivation-vintage", "iod2019");
            var (_, output, _) = await RunAsync(string.Empty, "deprivation", "list", "--format", "csv");

            Assert.Equal(0, exit);
            Assert.Contains("deprivation-vintage: iod2019 (in use: IoD2019)", set, StringComparison.Ordinal);
            Assert.Equal(705, Rows(output).Count);
        }
        finally
        {
            await RunAsync(string.Empty, "settings", "deprivation-vintage", "latest");
        }
    }
}
