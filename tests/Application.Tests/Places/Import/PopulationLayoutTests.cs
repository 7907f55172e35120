using Commonweal.Application.Tests.Files;
using Commonweal.Core.Places;
using static Commonweal.Application.Tests.Places.Import.Layouts;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>ONS's population workbooks and Census 2021 tables as ONS and Nomis publish them, on small files made to match.</summary>
public sealed class PopulationLayoutTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void ONS_SAPE_workbook_on_2011_LSOAs_gives_persons_in_5_year_bands_and_each_sex_for_the_sheets_year()
    {
        string[] header = ["LSOA Code", "LSOA Name", "LA Code (2019 boundaries)", "LA name (2019 boundaries)", "LA Code (2020 boundaries)", "LA name (2020 boundaries)", "All Ages",
            .. Enumerable.Range(0, 90).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)), "90+"];
        string[] Ages(int each) => [.. Enumerable.Repeat(each.ToString(System.Globalization.CultureInfo.InvariantCulture), 91)];
        DocumentFormat.OpenXml.Spreadsheet.Row[] Sheet(int each) =>
        [
            Layouts.SheetRow(1, "Mid-2019: SAPE22DT2: Mid-2019 Lower Layer Super Output Area population estimates"),
            Layouts.SheetRow(3, "All Ages"),
            SheetRow(5, header),
            SheetRow(6, ["E01021988", "Tendring 018A", "E07000076", "Tendring", "E07000076", "Tendring", (91 * each).ToString(System.Globalization.CultureInfo.InvariantCulture), .. Ages(each)]),
            SheetRow(7, ["W01000001", "Isle of Anglesey 007A", "W06000001", "Isle of Anglesey", "W06000001", "Isle of Anglesey", "91", .. Ages(1)]),
        ];
        var path = files.Workbook("SAPE22DT2-mid-2019-lsoa-syoa-estimates-unformatted.xlsx", [],
            ("Contents", []), ("Mid-2019 Persons", Sheet(10)), ("Mid-2019 Males", Sheet(4)), ("Mid-2019 Females", Sheet(6)));

        var batch = Read("ons-sape", path);

        Assert.Equal("ons-sape", Recognised(path));
        var rows = batch.Populations.Where(p => p.Area.Value == "E01021988").ToList();
        Assert.All(rows, p => Assert.Equal(new DateOnly(2019, 6, 30), p.Period));
        Assert.Equal(910, rows.Single(p => p.Sex == Sex.Persons && p.AgeBand == AgeBand.All).Count);
        Assert.Equal(50, rows.Single(p => p.Sex == Sex.Persons && p.AgeBand == AgeBand.Range(0, 4)).Count);
        Assert.Equal(10, rows.Single(p => p.Sex == Sex.Persons && p.AgeBand == AgeBand.Range(90, null)).Count);
        Assert.Equal(19, rows.Count(p => p.Sex == Sex.Persons && p.AgeBand != AgeBand.All));
        Assert.Equal((364L, 546L), (rows.Single(p => p.Sex == Sex.Male).Count, rows.Single(p => p.Sex == Sex.Female).Count));
        Assert.DoesNotContain(batch.Populations, p => p.Area.Value.StartsWith('W'));
    }

    [Fact]
    public void ONS_SAPE_workbook_on_2021_LSOAs_reads_each_years_sheet_and_refuses_a_total_that_is_not_the_sum()
    {
        string[] header = ["LAD 2023 Code", "LAD 2023 Name", "LSOA 2021 Code", "LSOA 2021 Name", "Total",
            .. Enumerable.Range(0, 91).Select(a => $"F{a}"), .. Enumerable.Range(0, 91).Select(a => $"M{a}")];
        string[] Row(string lsoa, int total) => ["E07000076", "Tendring", lsoa, "Tendring 018A", total.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Enumerable.Repeat("1", 182)];
        var good = files.Workbook("sapelsoasyoa20222024.xlsx", [],
            ("Contents", []), ("Mid-2022 LSOA 2021", [Layouts.SheetRow(1, "Title"), SheetRow(4, header), SheetRow(5, Row("E01021988", 182))]),
            ("Mid-2023 LSOA 2021", [SheetRow(4, header), SheetRow(5, Row("E01021988", 182))]));
        var bad = files.Workbook("bad.xlsx", [], ("Mid-2024 LSOA 2021", [SheetRow(4, header), SheetRow(5, Row("E01021988", 181))]));

        var batch = Read("ons-sape", good);
        var problem = Refused("ons-sape", bad);

        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2023, 6, 30)], batch.Populations.Select(p => p.Period).Distinct().Order());
        Assert.Equal(91, batch.Populations.Single(p => p.Period.Year == 2022 && p.Sex == Sex.Male).Count);
        Assert.Equal(("Mid-2024 LSOA 2021", 5, 5), (problem.Part, problem.Line, problem.Column));
        Assert.Equal("the total 181 is not the sum of the ages (182)", problem.Rule);
    }

    [Fact]
    public void Nomis_TS007A_for_LSOAs_gives_18_bands_and_the_total_and_refuses_another_geography()
    {
        var header = "\"date\",\"geography\",\"geography code\",\"Age: Total\",\"Age: Aged 4 years and under\","
            + string.Join(',', Enumerable.Range(1, 16).Select(i => $"\"Age: Aged {i * 5} to {(i * 5) + 4} years\"")) + ",\"Age: Aged 85 years and over\"";
        var bands = string.Join(',', Enumerable.Repeat("10", 18));
        var good = files.Text("census2021-ts007a-lsoa.csv", $"{header}\r\n\"2021\",\"Tendring 018A\",\"E01021988\",180,{bands}\r\n\"2021\",\"Cardiff 001A\",\"W01001552\",180,{bands}\r\n");
        var wrongTotal = files.Text("wrong.csv", $"{header}\r\n\"2021\",\"Tendring 018A\",\"E01021988\",181,{bands}\r\n");
        var msoa = files.Text("census2021-ts007a-msoa.csv", $"{header}\r\n\"2021\",\"Tendring 018\",\"E02004531\",180,{bands}\r\n");

        var batch = Read("census2021-ts007a", good);

        Assert.Equal("census2021-ts007a", Recognised(good));
        Assert.Equal(19, batch.Populations.Count);
        Assert.Equal(180, batch.Populations.Single(p => p.AgeBand == AgeBand.All).Count);
        Assert.Contains(batch.Populations, p => p.AgeBand == AgeBand.Range(85, null) && p.Period == new DateOnly(2021, 3, 21));
        Assert.Equal("the total 181 is not the sum of the age bands (180)", Refused("census2021-ts007a", wrongTotal).Rule);
        Assert.StartsWith("'E02004531' is not an LSOA", Refused("census2021-ts007a", msoa).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ONS_custom_dataset_of_Census_2021_ages_gives_each_band_and_a_total_and_refuses_a_missing_band()
    {
        const string header = "Lower layer Super Output Areas Code,Lower layer Super Output Areas,Age (6 categories) Code,Age (6 categories),Observation\r\n";
        string[] labels = ["Aged 15 years and under", "Aged 16 to 24 years", "Aged 25 to 34 years", "Aged 35 to 49 years", "Aged 50 to 64 years", "Aged 65 years and over"];
        string Rows(string lsoa, int count) => string.Concat(labels.Take(count).Select((l, i) => $"{lsoa},Tendring 018A,{i + 1},{l},{100 + i}\r\n"));
        var good = files.Text("custom-filtered-2025-01-01T00_00_00Z.csv", header + Rows("E01021988", 6));
        var missing = files.Text("missing.csv", header + Rows("E01021988", 6) + Rows("E01021989", 5));

        var batch = Read("census2021-age", good);

        Assert.Equal("census2021-age", Recognised(good));
        Assert.Equal(615, batch.Populations.Single(p => p.AgeBand == AgeBand.All).Count);
        Assert.Equal(101, batch.Populations.Single(p => p.AgeBand == AgeBand.Range(16, 24)).Count);
        Assert.Equal("E01021989 has no row for 65+", Refused("census2021-age", missing).Rule);
    }
}
