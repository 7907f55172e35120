using Commonweal.Application.Tests.Files;
using Commonweal.Core.Places;
using static Commonweal.Application.Tests.Places.Import.Layouts;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>ONS's lookups and NHS Digital's files in every layout their publishers have used, on small files made to match.</summary>
public sealed class LookupAndNhsLayoutTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId")]
    [InlineData("F_LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM,LAD22CD,LAD22NM,LAD22NMW,FID")]
    public void The_exact_LSOA_lookup_as_ONS_publishes_it_links_each_pair_with_its_change_code(string header)
    {
        var columns = header.Split(',');
        string Row(string l11, string n11, string l21, string n21, string change, int id) => string.Join(',', columns.Select(c => c switch
        {
            "LSOA11CD" or "F_LSOA11CD" => l11, "LSOA11NM" => n11, "LSOA21CD" => l21, "LSOA21NM" => n21, "CHGIND" => change,
            "LAD22CD" => "E07000070", "LAD22NM" => "Chelmsford", "LAD22NMW" => string.Empty, _ => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var path = files.Text("LSOA_(2011)_to_LSOA_(2021)_Exact_Fit.csv", string.Join("\r\n",
            header, Row("E01021637", "Chelmsford 001A", "E01021637", "Chelmsford 001A", "U", 1), Row("E01021640", "Chelmsford 002A", "E01033999", "Chelmsford 002F", "S", 2),
            Row("E01021640", "Chelmsford 002A", "E01034000", "Chelmsford 002G", "S", 3), Row("W01000001", "Anglesey 001A", "W01000001", "Anglesey 001A", "U", 4)) + "\r\n");

        var batch = Read("ons-lsoa11-lsoa21", path);

        Assert.Equal("ons-lsoa11-lsoa21", Recognised(path));
        Assert.Equal([LsoaChange.Unchanged, LsoaChange.Split, LsoaChange.Split], batch.LsoaLinks.Select(l => l.Change!.Value));
        Assert.Contains(new AreaMembership(AreaCode.Parse("E01033999"), AreaType.Lsoa, AreaCode.Parse("E07000070"), AreaType.District, new DateOnly(2022, 4, 1)), batch.Memberships);
        Assert.Equal(2, batch.ReleasedAreas.Count(r => r.Release == new DateOnly(2021, 3, 21) && r.Area.Value.StartsWith("E0103", StringComparison.Ordinal)));
        Assert.Contains("1 Welsh rows were not loaded (Commonweal covers England)", batch.Notes);
    }

    [Theory]
    [InlineData("E01021637,Chelmsford 001A,E01021638,Chelmsford 001B,U", 3, "an unchanged LSOA (U) keeps its code, but E01021637 became E01021638")]
    [InlineData("E01021637,Chelmsford 001A,E01021637,Chelmsford 001A,Q", 5, "'Q' is not a change code (U unchanged, S split, M merged, X redrawn)")]
    public void The_exact_lookup_refuses_a_change_code_that_is_not_ONS_s(string fields, int column, string rule)
    {
        var path = files.Text("lookup.csv", $"LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId\r\n{fields},E07000070,Chelmsford,,1\r\n");

        var problem = Refused("ons-lsoa11-lsoa21", path);

        Assert.Equal((2, column, rule), (problem.Line, problem.Column, problem.Rule));
    }

    [Theory]
    [InlineData("SICBL24", "ICB24", "2024-04-01")]
    [InlineData("SICBL26", "ICB26", "2026-04-01")]
    [InlineData("SICBL22", "ICB22", "2022-07-01")]
    public void The_LSOA_to_sub_ICB_to_ICB_lookup_as_ONS_publishes_it_dates_each_year_and_keys_ICBs_by_ODS_code(string sicbl, string icb, string date)
    {
        var path = files.Text("LSOA21_SICBL_ICB_CAL_LAD_EN_LU.csv",
            $"LSOA21CD,LSOA21NM,{sicbl}CD,{sicbl}CDH,{sicbl}NM,{icb}CD,{icb}CDH,{icb}NM,CAL24CD,CAL24NM,LAD24CD,LAD24NM,ObjectId\r\n"
            + "E01021637,Chelmsford 001A,E38000106,06Q,NHS Essex ICB - 06Q,E54000066,D7T5G,NHS Essex Integrated Care Board,E56000030,East of England,E07000070,Chelmsford,1\r\n");

        var batch = Read("ons-lsoa-icb", path);

        Assert.Equal("ons-lsoa-icb", Recognised(path));
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(new AreaMembership(AreaCode.Parse("E38000106"), AreaType.SubIcb, AreaCode.Parse("D7T5G"), AreaType.Icb, on), batch.Memberships);
        Assert.Contains(new ReleasedArea(AreaCode.Parse("D7T5G"), AreaType.Icb, on, "NHS Essex Integrated Care Board", "E54000066"), batch.ReleasedAreas);
    }

    [Fact]
    public void An_LSOA_2021_to_ward_2024_lookup_is_read_with_the_wards_of_May_2024()
    {
        var path = files.Text("LSOA_(2021)_to_Electoral_Ward_(2024)_to_LAD_(2024)_Best_Fit_Lookup_in_EW.csv",
            "LSOA21CD,LSOA21NM,LSOA21NMW,WD24CD,WD24NM,WD24NMW,LAD24CD,LAD24NM,LAD24NMW,ObjectId\r\nE01021637,Chelmsford 001A,,E05015000,Broomfield,,E07000070,Chelmsford,,1\r\n");

        var batch = Read("ons-lsoa-ward-lad", path);

        Assert.Contains(new AreaMembership(AreaCode.Parse("E01021637"), AreaType.Lsoa, AreaCode.Parse("E05015000"), AreaType.Ward, new DateOnly(2024, 5, 1)), batch.Memberships);
        Assert.Contains(new GeographyRelease(AreaType.Lsoa, new DateOnly(2021, 3, 21), GeographyRelease.England), batch.Releases);
    }

    [Theory]
    [InlineData("01Aug2026")]
    [InlineData("01AUG2026")]
    [InlineData("2026-08-01")]
    public void A_practice_map_in_the_2025_layout_inside_the_publishers_zip_is_read_with_each_date_format(string date)
    {
        const string header = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME";
        var row = $"GP_PRAC_PAT_LIST,{date},F81001,DR KHAN & PARTNERS,SS7 4EA,U27924,BENFLEET PCN,E38000030,99F,NHS Essex ICB - 99F,E54000066,D7T5G,NHS Essex Integrated Care Board,E40000013,Y61,East of England,TPP";
        var path = files.Zip("gp-reg-pat-prac-map.zip", ("gp-reg-pat-prac-map.csv", $"{header}\r\n{row}\r\n"));

        var batch = Read("nhs-practice-map", path);

        Assert.Equal("nhs-practice-map", Recognised(path));
        var august = new DateOnly(2026, 8, 1);
        Assert.Contains(new AreaMembership(AreaCode.Parse("E38000030"), AreaType.SubIcb, AreaCode.Parse("D7T5G"), AreaType.Icb, august), batch.Memberships);
        Assert.Contains(new AreaMembership(AreaCode.Parse("F81001"), AreaType.Practice, AreaCode.Parse("U27924"), AreaType.Pcn, august), batch.Memberships);
        Assert.Equal([AreaType.Region, AreaType.Icb, AreaType.SubIcb, AreaType.Pcn, AreaType.Practice], batch.Releases.Select(r => r.Type).Order());
    }

    [Fact]
    public void A_practice_map_of_late_2022_with_sub_ICB_columns_and_no_supplier_is_read()
    {
        var path = files.Text("gp-reg-pat-prac-map.csv",
            "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOC_CODE,SUB_ICB_LOC_CODE,SUB_ICB_LOC_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME\r\n"
            + "GP_PRAC_PAT_LIST,01Oct2022,F81001,DR KHAN & PARTNERS,SS7 4EA,U27924,BENFLEET PCN,E38000030,99F,NHS Mid and South Essex ICB - 99F,E54000026,QH8,NHS Mid and South Essex Integrated Care Board,E40000013,Y61,East of England\r\n");

        var batch = Read("nhs-practice-map", path);

        Assert.Equal("nhs-practice-map", Recognised(path));
        var october = new DateOnly(2022, 10, 1);
        Assert.Contains(new AreaMembership(AreaCode.Parse("E38000030"), AreaType.SubIcb, AreaCode.Parse("QH8"), AreaType.Icb, october), batch.Memberships);
        Assert.Contains(new ReleasedArea(AreaCode.Parse("E38000030"), AreaType.SubIcb, october, "NHS Mid and South Essex ICB - 99F", "99F"), batch.ReleasedAreas);
    }

    [Fact]
    public void A_practice_map_with_two_extract_dates_is_refused()
    {
        const string header = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME";
        string Row(string date, string practice) => $"GP_PRAC_PAT_LIST,{date},{practice},A SURGERY,SS7 4EA,U27924,BENFLEET PCN,E38000030,99F,NHS Castle Point and Rochford CCG,E54000026,QH8,Mid and South Essex,E40000007,Y61,East of England";
        var path = files.Text("gp-reg-pat-prac-map.csv", $"{header}\r\n{Row("01Jan2022", "F81001")}\r\n{Row("01Feb2022", "F81002")}\r\n");

        var problem = Refused("nhs-practice-map", path);

        Assert.Equal((3, 2), (problem.Line, problem.Column));
        Assert.StartsWith("extract date 2022-02-01 differs from the file's first row (2022-01-01)", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void List_sizes_with_the_short_lived_SUB_ICB_LOC_columns_are_read()
    {
        var path = files.Text("gp-reg-pat-prac-all.csv",
            "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOC_CODE,ONS_SUB_ICB_LOC_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\nGP_PRAC_PAT_LIST,01-Apr-23,GP,99F,E38000030,F81001,SS7 4EA,ALL,ALL,13546\r\n");

        var batch = Read("nhs-list-sizes", path);

        Assert.Equal("nhs-list-sizes", Recognised(path));
        Assert.Equal(new PopulationCount(AreaCode.Parse("F81001"), PopulationKind.Registered, new DateOnly(2023, 4, 1), Sex.Persons, AgeBand.All, 13546), Assert.Single(batch.Populations));
        // Every practice of each sub-ICB location in the file, listed by code alone: a practice of it missing later had closed.
        Assert.Equal(new GeographyRelease(AreaType.Practice, new DateOnly(2023, 4, 1), AreaCode.Parse("E38000030")), Assert.Single(batch.Releases));
        Assert.Equal(new ReleasedArea(AreaCode.Parse("F81001"), AreaType.Practice, new DateOnly(2023, 4, 1), ReleasedArea.Unnamed), Assert.Single(batch.ReleasedAreas));
    }

    [Fact]
    public void Registered_ages_whose_single_years_do_not_make_the_total_are_refused()
    {
        var path = files.Text("gp-reg-pat-prac-sing-age-regions.csv",
            "PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n"
            + "GP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,ALL,ALL,10\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,ALL,0,4\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,ALL,95+,5\r\n");

        var problem = Refused("nhs-registered-ages", path);

        Assert.Equal("D7T5G (Persons): the ages add up to 9, not the total 10", problem.Rule);
    }

    [Fact]
    public void Registered_ages_by_sex_are_kept_in_five_year_bands_and_persons_bands_are_their_sum()
    {
        // As NHS England publishes it: persons only as the total, single years by sex.
        var path = files.Text("gp-reg-pat-prac-sing-age-regions.csv",
            "PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n"
            + "GP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,ALL,ALL,21\r\n"
            + "GP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,MALE,ALL,10\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,MALE,0,3\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,MALE,4,3\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,MALE,95+,4\r\n"
            + "GP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,FEMALE,ALL,11\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,FEMALE,2,5\r\nGP_PRAC_PAT_LIST,2026-08-01,ICB,D7T5G,E54000066,FEMALE,92,6\r\n");

        var rows = Read("nhs-registered-ages", path).Populations.ToDictionary(p => (p.Sex, p.AgeBand.Code), p => p.Count);

        Assert.Equal(6, rows[(Sex.Male, "0-4")]);
        Assert.Equal(4, rows[(Sex.Male, "95+")]);
        Assert.Equal(5, rows[(Sex.Female, "0-4")]);
        Assert.Equal(6, rows[(Sex.Female, "90-94")]);
        Assert.Equal(11, rows[(Sex.Persons, "0-4")]);
        Assert.Equal(6, rows[(Sex.Persons, "90-94")]);
        Assert.Equal(21, rows[(Sex.Persons, "all")]);
        Assert.Equal(10, rows[(Sex.Male, "all")]);
    }
}
