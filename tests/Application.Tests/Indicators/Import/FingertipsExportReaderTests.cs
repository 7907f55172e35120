using Commonweal.Core.Places;
using Commonweal.TestKit;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Fingertips' export in both its layouts and with its quirks, on small files made to match.</summary>
public sealed class FingertipsExportReaderTests
{
    [Fact]
    public void The_download_export_is_recognised_by_its_header_whatever_the_file_is_called()
    {
        var batch = Read(Download("anything.txt", England201314, Basildon201314));

        Assert.Equal("fingertips-export", batch.Format);
        Assert.Equal(2, batch.Values.Count);
        var england = batch.Values[0];
        Assert.Equal((AreaCode.Parse("E92000001"), AreaType.Country, "2013/14", Sex.Persons, "15+ yrs"), (england.Area, england.AreaType, england.Period.Label, england.Sex, england.Age));
        Assert.Equal(19.17076526, england.Value!.Value.Value);
        Assert.Equal(8, england.Value!.Value.Decimals);
        Assert.Equal(46608551.5, england.Denominator!.Value.Value);
        Assert.Equal("#91547", Assert.Single(batch.Indicators).Key);
    }

    [Fact]
    public void The_UI_tab_export_with_a_byte_order_mark_CRLF_every_field_quoted_and_a_count_with_thousands_separators_is_read()
    {
        var row = "\"90988\",\"Hospital admissions due to coronary heart disease\",\"\",\"\",\"E92000001\",\"England\",\"England\",\"Persons\",\"All ages\",\"\",\"\",\"2022/23\","
            + "\"387.11308\",\"385.47233\",\"388.75908\",\"384.5286\",\"389.70971\",\"214,022\",\"57106398\",\"\",\"Decreasing and getting better\",\"Not compared\",\"\",\"20220000\",\"\",\"\",\"1y\"";
        var path = Importing.TempFile("Compare_areas.csv", TabHeader + "\r\n" + row + "\r\n", byteOrderMark: true);

        var value = Assert.Single(Read(path).Values);

        Assert.Equal(214_022, value.Count!.Value.Value);
        Assert.Equal(389.70971, value.Upper998!.Value.Value);
        Assert.Equal("Decreasing and getting better", value.Trend);
        Assert.Equal("Not compared", value.Comparison);
    }

    [Fact]
    public void Fingertips_no_data_HTML_in_the_count_is_read_as_empty_and_noted_and_HTML_in_the_value_note_is_taken_out()
    {
        var path = Download("x.csv",
            "90988,CHD admissions,E92000001,England,E10000002,Buckinghamshire,Upper tier local authorities (post 4/23),Persons,All ages,,,2022/23,,,,300.1,420.2,"
            + "\"<div class=\"\"no-data\"\">-</div>\",,\"<span class=\"\"tooltipValueNote\"\">* Not presented due to Frimley &amp; others</span>\",,Not compared,,20220000,,");

        var batch = Read(path);
        var value = Assert.Single(batch.Values);

        Assert.Null(value.Count);
        Assert.Null(value.Value);
        Assert.Equal((300.1, 420.2), (value.Lower998!.Value.Value, value.Upper998!.Value.Value));
        Assert.Equal("* Not presented due to Frimley & others", value.ValueNote);
        Assert.Contains(batch.Notes, n => n.Contains("<div class=\"no-data\">-</div>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_line_break_in_the_indicator_name_is_one_space_and_the_row_keeps_its_line()
    {
        var path = Download("x.csv",
            "93356,\"Campylobacter incidence rate/100,000\n\",,,E92000001,England,Country,Persons,All ages,,,2015,94.7261896202678,93.9129396546008,95.5447303303505,,,51897,54786327,,,Not compared,Not compared,20150000,,",
            "93356,\"Campylobacter incidence rate/100,000\n\",E92000001,England,E06000033,Southend-on-Sea,County & UA,Persons,All ages,,,2015,90,80,100,,,160,177777,,,Similar,Similar,20150000,,");

        var batch = Read(path);

        Assert.Equal("Campylobacter incidence rate/100,000", Assert.Single(batch.Indicators).Name);
        Assert.Equal([2, 4], batch.Values.Select(v => v.Line));
    }

    [Fact]
    public void Sub_ICB_and_ICB_codes_with_Fingertips_n_prefix_are_their_GSS_codes_and_types_come_from_the_code_not_the_label()
    {
        var path = Download("x.csv",
            "91547,Smoking,E54000026,Mid and South Essex,nE38000007,NHS Basildon and Brentwood,ICB sub-locations,Persons,15+ yrs,,,2022/23,15,14,16,,,150,1000,,,,,20220000,,",
            "91547,Smoking,E92000001,England,E12000006,East of England region,Upper tier local authorities (4/19 - 3/20),Persons,15+ yrs,,,2022/23,15,14,16,,,150,1000,,,,,20220000,,",
            "91547,Smoking,E92000001,England,Cl_L2_1a,Rural Coastal and Amenity,ONS 2011 group (superseded),Persons,15+ yrs,,,2022/23,15,14,16,,,150,1000,,,,,20220000,,");

        var batch = Read(path);

        Assert.Equal(
            [(AreaCode.Parse("E38000007"), AreaType.SubIcb), (AreaCode.Parse("E12000006"), AreaType.StatisticalRegion), (AreaCode.Parse("Cl_L2_1a"), AreaType.AreaClassification)],
            batch.Values.Select(v => (v.Area, v.AreaType)));
        Assert.Contains(batch.Notes, n => n.StartsWith("1 rows give the area code with Fingertips' 'n' prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void Areas_of_other_vintages_than_the_loaded_geography_are_kept_with_the_name_the_file_gives()
    {
        var path = Download("x.csv",
            "91547,Smoking,E10000009,Dorset,E07000048,Christchurch,District,Persons,15+ yrs,,,2015/16,17,16,18,,,170,1000,,,,,20150000,,",
            "91547,Smoking,E92000001,England,E06000063,Cumberland,UA,Persons,15+ yrs,,,2023/24,17,16,18,,,170,1000,,,,,20230000,,");

        var batch = Read(path);

        Assert.Equal([("E07000048", AreaType.District, "Christchurch"), ("E06000063", AreaType.District, "Cumberland")],
            batch.Values.Select(v => (v.Area.Value, v.AreaType, v.AreaName)));
    }

    [Fact]
    public void Breakdowns_by_sex_age_and_deprivation_decile_are_rows_of_their_own()
    {
        var path = Download("x.csv",
            "93356,Campylobacter,,,E92000001,England,Country,Persons,All ages,,,2015,94.7,93.9,95.5,,,51897,54786327,,,Not compared,,20150000,,",
            "93356,Campylobacter,,,E92000001,England,Country,Persons,0-9 yrs,,,2015,90.1,88.0,92.0,,,6000,6659267,,,Not compared,,20150000,,",
            "93356,Campylobacter,,,E92000001,England,Country,Persons,All ages,County & UA deprivation deciles in England (IMD2015),Most deprived decile (IMD2015),2015,70.1,68.0,72.0,,,3800,5420828,,,Better,,20150000,,");

        var batch = Read(path);

        Assert.Equal(3, batch.Values.Count);
        Assert.Equal("Most deprived decile (IMD2015)", batch.Values[2].Category);
    }

    [Fact]
    public void A_row_repeated_exactly_is_collapsed_and_noted()
    {
        var batch = Read(Download("x.csv", England201314, Basildon201314, England201314));

        Assert.Equal(2, batch.Values.Count);
        Assert.Equal(3, batch.RowsRead);
        Assert.Contains(batch.Notes, n => n.Contains("1 rows repeat an earlier row exactly", StringComparison.Ordinal) && n.Contains("line 4 repeats line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_age_Not_applicable_that_repeats_the_figures_of_the_row_with_the_indicator_age_is_collapsed()
    {
        var repeat = England201314.Replace("15+ yrs", "Not applicable", StringComparison.Ordinal);

        var batch = Read(Download("x.csv", repeat, England201314));

        Assert.Equal("15+ yrs", Assert.Single(batch.Values).Age);
        Assert.Contains(batch.Notes, n => n.Contains("with the age 'Not applicable' repeat the figures", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_area_code_under_two_area_types_with_the_same_figures_is_collapsed_keeping_the_first_name()
    {
        var stp = "91547,Smoking,E92000001,England,E54000027,North West London,STP,Persons,15+ yrs,,,2016/17,16.2,16.1,16.3,,,315972,1946158,,,Better,,20160000,,";
        var icb = "91547,Smoking,E92000001,England,nE54000027,NHS North West London Integrated Care Board - QRV,ICBs,Persons,15+ yrs,,,2016/17,16.2,16.1,16.3,,,315972,1946158,,,Better,,20160000,,";

        var batch = Read(Download("x.csv", stp, icb));

        Assert.Equal("North West London", Assert.Single(batch.Values).AreaName);
        Assert.Contains(batch.Notes, n => n.Contains("under another name", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_without_an_indicator_number_sex_or_age_take_those_of_the_file_rows_of_the_same_name()
    {
        var bare = ",Smoking prevalence in adults (15+) - current smokers (QOF),,,A84006,Alnwick Medical Group,GPs,,,,,2023/24,9.812322732,,,,,1626,16571,,,,,,,";

        var batch = Read(Download("x.csv", England201314, bare));

        var practice = batch.Values[1];
        Assert.Equal(("#91547", Sex.Persons, "15+ yrs", AreaType.Practice), (practice.IndicatorKey, practice.Sex, practice.Age, practice.AreaType));
        Assert.Single(batch.Indicators);
    }

    [Fact]
    public void Rows_that_end_before_trailing_columns_not_read_are_read_and_noted()
    {
        var path = Download("x.csv", England201314[..England201314.LastIndexOf(',')]);

        var batch = Read(path);

        Assert.Single(batch.Values);
        Assert.Contains(batch.Notes, n => n.Contains("end before the trailing column(s) 'Compared to goal'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_rows_of_the_same_key_with_different_figures_are_refused_naming_both_lines()
    {
        var changed = England201314.Replace("19.17076526", "19.2", StringComparison.Ordinal);

        var problem = Refused(Download("x.csv", England201314, Basildon201314, changed));

        Assert.Equal((4, 13, "Value"), (problem.Line, problem.Column, problem.Field));
        Assert.Contains("duplicate key (E92000001 2013/14 Persons 15+ yrs) with a different value: line 2 gives 19.17076526, this line 19.2", problem.Rule, StringComparison.Ordinal);
    }
}
