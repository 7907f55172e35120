using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.TestKit;

namespace Commonweal.Cli.Tests;

/// <summary><c>targeting core20</c> on the real files, against Core20 worked out here from MHCLG's and ONS's own files.</summary>
public sealed class TargetingCliTests(ReferenceStore store) : IClassFixture<ReferenceStore>
{
    private const string Header = "lsoa_code,lsoa_name,district_code,imd_rank,imd_decile,population";

    private static readonly string[] MseDistricts =
        ["E07000066", "E07000067", "E07000068", "E07000069", "E07000070", "E07000074", "E07000075", "E06000033", "E06000034"];

    [Theory]
    [InlineData("iod2019", 69)]
    [InlineData("iod2025", 83)]
    public async Task Core20_lists_every_LSOA_of_the_ICS_in_national_deciles_1_and_2_with_its_residents(string vintage, int core20)
    {
        var reference = vintage == "iod2019" ? Iod2019() : Iod2025();

        var (exit, csv, error) = await RunAsync("targeting", "core20", "--vintage", vintage, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(Header, csv.Split('\n')[0].TrimEnd('\r'));
        var rows = Rows(csv);
        Assert.Equal(core20, rows.Count);
        var expected = reference.Values.Where(l => l.Decile <= 2).OrderBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new[] { l.Code, l.Name, l.District, l.Rank.ToString(CultureInfo.InvariantCulture), l.Decile.ToString(CultureInfo.InvariantCulture), l.Population.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(expected, rows);
        Assert.Contains(vintage == "iod2019" ? "LSOA 2011" : "LSOA 2021", error, StringComparison.Ordinal);

        // The share of each district's residents living in Core20 LSOAs, from the listing, equals the share worked out
        // from the publishers' files alone (and what `places show` says of the district).
        foreach (var district in MseDistricts)
        {
            var all = reference.Values.Where(l => l.District == district).ToList();
            var independent = (double)all.Where(l => l.Decile <= 2).Sum(l => l.Population) / all.Sum(l => l.Population);
            var listed = (double)rows.Where(r => r[2] == district).Sum(r => long.Parse(r[5], CultureInfo.InvariantCulture)) / all.Sum(l => l.Population);
            Assert.Equal(independent, listed, 12);
            var (_, shown, _) = await RunAsync("places", "show", district, "--vintage", vintage);
            Assert.Contains($"{all.Count(l => l.Decile <= 2):N0} LSOAs, {independent.ToString("P1", CultureInfo.InvariantCulture)} of residents", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Core20_within_a_district_lists_only_its_LSOAs()
    {
        var (exit, csv, _) = await RunAsync("targeting", "core20", "--vintage", "iod2025", "--in", "E07000066", "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Rows(csv);
        Assert.Equal(27, rows.Count);
        Assert.All(rows, r => Assert.Equal("E07000066", r[2]));
    }

    [Theory]
    [InlineData("--vintage", "iod2030", "--vintage 'iod2030' is not an edition")]
    [InlineData("--as-at", "2026-13-01", "--as-at '2026-13-01' is not a date")]
    [InlineData("--in", "E99999999", "E99999999")]
    public async Task Bad_options_are_refused_with_a_message_and_no_table(string option, string value, string message)
    {
        var (exit, csv, error) = await RunAsync("targeting", "core20", option, value, "--format", "csv");

        Assert.NotEqual(0, exit);
        Assert.Empty(csv);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iod2019")]
    [InlineData("iod2025")]
    public async Task The_rule_imd_decile_at_most_2_selects_the_Core20_LSOAs_with_their_domain_deciles(string vintage)
    {
        var (_, core20, _) = await RunAsync("targeting", "core20", "--vintage", vintage, "--format", "csv");

        var (exit, csv, _) = await RunAsync("targeting", "lsoas", "--rule", "imd_decile <= 2", "--vintage", vintage, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(
            "lsoa_code,lsoa_name,district_code,population,imd_rank,imd_decile,income_decile,employment_decile,education_decile,health_decile,crime_decile,barriers_decile,living_environment_decile,local_imd_percent",
            csv.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal(Rows(core20).Select(r => r[0]), Rows(csv).Select(r => r[0]));
        Assert.All(Rows(csv), r => Assert.Equal(14, r.Length));
    }

    [Fact]
    public async Task The_local_most_deprived_10_percent_and_a_domain_rule_match_the_publishers_files()
    {
        var imd = Iod2025();
        var domains = Read("deprivation/iod2025/imd2025_england_lsoa21.csv", r => (Code: r[0], Income: int.Parse(r[2], CultureInfo.InvariantCulture), Health: int.Parse(r[5], CultureInfo.InvariantCulture)))
            .Where(d => imd.ContainsKey(d.Code)).ToDictionary(d => d.Code);
        var local10 = imd.Values.OrderBy(l => l.Rank).Take(imd.Count / 10).Select(l => l.Code).ToHashSet();

        var (exit, shares, _) = await RunAsync("targeting", "shares", "--rule", "local_imd_percent <= 10", "--vintage", "iod2025", "--format", "csv");
        var (_, incomeAndHealth, _) = await RunAsync("targeting", "lsoas", "--rule", "income_decile <= 2 and not health_decile > 3", "--vintage", "iod2025", "--format", "csv");

        Assert.Equal(0, exit);
        var rows = Rows(shares);
        Assert.Equal(["ics-mid-and-south-essex", "Mid and South Essex", "720", "72"], rows[^1][..4]);
        foreach (var district in MseDistricts)
        {
            var row = rows.Single(r => r[0] == district);
            var all = imd.Values.Where(l => l.District == district).ToList();
            var cohort = all.Where(l => local10.Contains(l.Code)).ToList();
            Assert.Equal([all.Count.ToString(CultureInfo.InvariantCulture), cohort.Count.ToString(CultureInfo.InvariantCulture), all.Sum(l => l.Population).ToString(CultureInfo.InvariantCulture), cohort.Sum(l => l.Population).ToString(CultureInfo.InvariantCulture)], row[2..6]);
            Assert.Equal((double)cohort.Sum(l => l.Population) / all.Sum(l => l.Population), double.Parse(row[6], CultureInfo.InvariantCulture), 12);
        }

        var expected = domains.Values.Where(d => d.Income <= 2 && d.Health <= 3).Select(d => d.Code).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Rows(incomeAndHealth).Select(r => r[0]));
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Shares_within_a_district_give_its_row_once()
    {
        var (exit, csv, _) = await RunAsync("targeting", "shares", "--rule", "local_imd_percent <= 10", "--vintage", "iod2025", "--in", "E07000066", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal("E07000066", Assert.Single(Rows(csv))[0]);
    }

    [Theory]
    [InlineData("imd_decile <== 2", "column 14: '=' is not a number")]
    [InlineData("imd_decil <= 2", "'imd_decil' is not a field (did you mean imd_decile")]
    [InlineData("", "the rule is empty")]
    public async Task A_rule_that_cannot_be_read_is_refused_with_its_column_and_no_table(string rule, string message)
    {
        var (exit, csv, error) = await RunAsync("targeting", "shares", "--rule", rule, "--format", "csv");

        Assert.Equal(2, exit);
        Assert.Empty(csv);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private sealed record Lsoa(string Code, string Name, string District, int Rank, int Decile, long Population);

    /// <summary>MSE's 705 LSOAs (2011) with IoD2019 File 1 and the ONS mid-2019 estimates.</summary>
    private static Dictionary<string, Lsoa> Iod2019()
    {
        var population = Read("population/lsoa_population_mid2019.csv", r => (r[0], long.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)))
            .ToDictionary(p => p.Item1, p => p.Item2);
        return Read("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv", r => r)
            .Where(r => MseDistricts.Contains(r[2]))
            .Select(r => new Lsoa(r[0], r[1], r[2], int.Parse(r[4], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), int.Parse(r[5], CultureInfo.InvariantCulture), population[r[0]]))
            .ToDictionary(l => l.Code);
    }

    /// <summary>MSE's 720 LSOAs (2021) with IoD2025 File 1 and the Census 2021 usual residents (six age bands added up).</summary>
    private static Dictionary<string, Lsoa> Iod2025()
    {
        var population = Read("population/census2021_lsoa21_age6_mse.csv", r => (r[0], long.Parse(r[3], CultureInfo.InvariantCulture)))
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Sum(p => p.Item2));
        return Read("deprivation/iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation.csv", r => r)
            .Where(r => MseDistricts.Contains(r[2]))
            .Select(r => new Lsoa(r[0], r[1], r[2], int.Parse(r[4], CultureInfo.InvariantCulture), int.Parse(r[5], CultureInfo.InvariantCulture), population[r[0]]))
            .ToDictionary(l => l.Code);
    }

    private static List<T> Read<T>(string file, Func<string[], T> row)
    {
        using var table = Table.OpenCsv(ReferenceData.File(file));
        return [.. table.Rows().Select(r => row([.. Enumerable.Range(0, r.FieldCount).Select(i => r.Text(i, required: false) ?? string.Empty)]))];
    }

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => store.RunAsync(string.Empty, args);

    private static List<string[]> Rows(string csv) => ReferenceStore.Rows(csv);
}
