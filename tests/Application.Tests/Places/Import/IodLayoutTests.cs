using System.Globalization;
using Commonweal.Application.Places.Import;
using Commonweal.Application.Tests.Files;
using Commonweal.Core.Places;
using static Commonweal.Application.Tests.Places.Import.Layouts;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>MHCLG's IoD files as published, on files made to match: the workbook's sheet, every column, the row count.</summary>
public sealed class IodLayoutTests : IDisposable
{
    private static readonly string[] File1Header =
    [
        "LSOA code (2021)", "LSOA name (2021)", "Local Authority District code (2024)", "Local Authority District name (2024)",
        "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)", "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOA",
    ];

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_File_1_workbook_whose_sheet_is_renamed_is_recognised_by_its_header_and_refused_naming_the_sheets_it_has()
    {
        var path = files.Workbook("File_1_IoD2025.xlsx", [], ("Notes", []), ("IMD 2025", [SheetRow(1, File1Header), SheetRow(2, "E01021988", "Tendring 018A", "E07000076", "Tendring", "1", "1")]));

        var problem = Refused("iod2025-imd", path);

        Assert.Equal("iod2025-imd", Recognised(path));
        Assert.Contains("IMD25", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("IMD 2025", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_File_1_workbook_with_a_column_missing_is_refused_with_its_sheet_row_and_column()
    {
        string[] header = [.. File1Header.Take(4), File1Header[5]];
        var path = files.Workbook("File_1_IoD2025.xlsx", [], ("Notes", []), ("IMD25", [SheetRow(1, header), SheetRow(2, "E01021988", "Tendring 018A", "E07000076", "Tendring", "1")]));

        var problem = Refused("iod2025-imd", path);

        Assert.Equal("iod2025-imd", Recognised(path));
        Assert.Equal(("IMD25", 1, 5), (problem.Part, problem.Line, problem.Column));
        Assert.Contains("wrong header", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("(column E)", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decile_that_disagrees_with_its_rank_in_the_workbook_is_refused_with_its_cell()
    {
        var path = files.Workbook("File_1_IoD2025.xlsx", [], ("IMD25", [SheetRow(1, File1Header), SheetRow(2, "E01021988", "Tendring 018A", "E07000076", "Tendring", "3376", "1")]));

        var problem = Refused("iod2025-imd", path);

        Assert.Equal(("IMD25", 2, 6), (problem.Part, problem.Line, problem.Column));
        Assert.Equal("decile 1 does not match rank 3376 (national decile 2)", problem.Rule);
    }

    [Fact]
    public void File_7_of_IoD2025_as_published_gives_ranks_deciles_scores_and_mid_2022_denominators_for_all_33755_LSOAs()
    {
        var measures = IodColumns.Measures;
        var header = IodColumns.Identifiers(IodVintage.Iod2025)
            .Concat(measures.SelectMany(d => new[] { IodColumns.Score(d), IodColumns.Rank(d), IodColumns.Decile(d).Split('|')[0] }))
            .Concat(["Total population: mid 2022", "Dependent Children aged 0-15: mid 2022", "Older population aged 60 and over: mid 2022",
                "Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022"]);
        var rows = Enumerable.Range(1, 33_755).Select(rank =>
        {
            var decile = LsoaDeprivation.DecileOfRank(rank, IodVintage.Iod2025).ToString(CultureInfo.InvariantCulture);
            var r = rank.ToString(CultureInfo.InvariantCulture);
            var score = (100 - (rank / 400.0)).ToString("0.000", CultureInfo.InvariantCulture);
            return new[] { $"E01{rank:D6}", $"Somewhere {rank:D5}A", "E07000076", "Tendring" }
                .Concat(measures.SelectMany(_ => new[] { score, r, decile }))
                .Concat(["1500", "300", "400", "900"]);
        });
        var path = files.Text("File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv", Layouts.Csv([header, .. rows]));

        var batch = Read("iod2025-all", path);

        Assert.Equal("iod2025-all", Recognised(path));
        Assert.Equal(33_755, batch.Deprivation.Count);
        var first = batch.Deprivation[0];
        Assert.Equal((IodVintage.Iod2025, 1, 1, 1, 99.998), (first.Vintage, first.ImdRank, first.HealthDecile, first.CrimeRank, first.LivingEnvironmentScore!.Value));
        Assert.Contains(batch.Populations, p => p.Area == first.Lsoa && p.Period == new DateOnly(2022, 6, 30) && p.AgeBand == AgeBand.All && p.Count == 1500);
        // The Indices' own denominators, never residents: ONS's mid-2022 estimate of the same LSOA is another figure.
        Assert.All(batch.Populations, p => Assert.Equal(PopulationKind.IodDenominator, p.Kind));
        Assert.DoesNotContain(batch.Populations, p => p.AgeBand == AgeBand.WorkingAge);
        Assert.Contains(batch.Notes, n => n.Contains("18–66", StringComparison.Ordinal));
        Assert.Contains(new GeographyRelease(AreaType.Lsoa, new DateOnly(2021, 3, 21), GeographyRelease.England), batch.Releases);
    }

    [Fact]
    public void File_5_of_IoD2019_as_a_workbook_gives_every_score()
    {
        var header = IodColumns.Identifiers(IodVintage.Iod2019).Concat(IodColumns.Measures.Select(IodColumns.Score)).ToArray();
        var rows = Enumerable.Range(1, 32_844).Select(i => Layouts.SheetRow((uint)(i + 1),
            [$"E01{i:D6}", $"Somewhere {i:D5}A", "E09000001", "City of London", "40.5", "0.25", "0.2", "30.1", "1.2", "0.9", "20.5", "25.25"]));
        var path = files.Workbook("File_5_-_IoD2019_Scores.xlsx", [], ("Notes", []), ("IoD2019 Scores", [SheetRow(1, header), .. rows]));

        var batch = Read("iod-scores-file5", path);

        Assert.Equal("iod-scores-file5", Recognised(path));
        Assert.Equal(32_844, batch.Deprivation.Count);
        Assert.Equal((40.5, 0.25, 25.25, (int?)null), (batch.Deprivation[0].ImdScore!.Value, batch.Deprivation[0].IncomeScore!.Value, batch.Deprivation[0].LivingEnvironmentScore!.Value, batch.Deprivation[0].ImdRank));
        Assert.DoesNotContain("ImdRank", batch.DeprivationColumns);
    }
}
