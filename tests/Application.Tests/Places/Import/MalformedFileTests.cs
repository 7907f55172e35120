using Commonweal.Application.Files;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>
/// Each kind of malformed official file is refused through the import use case with its file, line, column and
/// rule, and the store — already holding a good import — is left exactly as it was. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class MalformedFileTests(DatabaseProvider provider)
{
    private const string ImdHeader = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile";
    private const string ImdFile = "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv";
    private const string GoodRows = "E01021988,Tendring 018A,E07000076,Tendring,1,1\nE01000001,City of London 001A,E09000001,City of London,\"29,199\",9\n";

    private const string DomainsHeader = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),Income Rank (where 1 is most deprived),Income Decile (where 1 is most deprived 10% of LSOAs),Employment Rank (where 1 is most deprived),Employment Decile (where 1 is most deprived 10% of LSOAs),\"Education, Skills and Training Rank (where 1 is most deprived)\",\"Education, Skills and Training Decile (where 1 is most deprived 10% of LSOAs)\",Health Deprivation and Disability Rank (where 1 is most deprived),Health Deprivation and Disability Decile (where 1 is most deprived 10% of LSOAs),Crime Rank (where 1 is most deprived),Crime Decile (where 1 is most deprived 10% of LSOAs),Barriers to Housing and Services Rank (where 1 is most deprived),Barriers to Housing and Services Decile (where 1 is most deprived 10% of LSOAs),Living Environment Rank (where 1 is most deprived),Living Environment Decile (where 1 is most deprived 10% of LSOAs)";

    private const string StpHeader = "FID,CCG20CD,CCG20CDH,CCG20NM,STP20CD,STP20CDH,STP20NM";
    private const string StpFile = "CCG20_STP20_EN_LU.csv";
    private const string StpRows = "1,E38000106,06Q,NHS Mid Essex CCG,E54000026,QH8,Mid and South Essex\n2,E38000007,99E,NHS Basildon and Brentwood CCG,E54000026,QH8,Mid and South Essex\n";

    private const string MapHeader = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME";
    private const string MapRow = "GP_PRAC_PAT_LIST,01Jan2022,F81001,DR KHAN & PARTNERS,SS7 4EA,U27924,BENFLEET PCN,E38000030,99F,NHS Castle Point and Rochford CCG,E54000026,QH8,Mid and South Essex,E40000007,Y61,East of England";

    [Fact]
    public Task A_truncated_row_is_refused() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E01000002,City of London 001B,E09000001\n", bom: true,
            line: 4, column: null, rule: "truncated row: expected 6 fields, found 3");

    [Fact]
    public Task A_malformed_area_code_is_refused() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E0100000X,City of London 001B,E09000001,City of London,\"30,379\",10\n", bom: true,
            line: 4, column: 1, rule: "malformed area code");

    [Fact]
    public Task An_area_code_of_the_wrong_kind_is_refused_as_unknown() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E05000002,City of London 001B,E09000001,City of London,\"30,379\",10\n", bom: true,
            line: 4, column: 1, rule: "unknown area code 'E05000002': expected a E01 code here");

    [Fact]
    public Task A_duplicate_key_is_refused_naming_the_first_line() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E01021988,Tendring 018A,E07000076,Tendring,1,1\n", bom: true,
            line: 4, column: 1, rule: "duplicate key 'E01021988': already given on line 2");

    [Fact]
    public Task A_thousands_separator_where_the_publisher_has_none_is_refused() =>
        Refused("iod-domains", "File_2_-_IoD2019_Domains_of_Deprivation.csv",
            DomainsHeader + "\nE01000001,City of London 001A,E09000001,City of London,\"29,199\",9,32831,10,32742,10,32842,10,32113,10,32662,10,7319,3,7789,3\n", bom: true,
            line: 2, column: 5, rule: "'29,199' has a thousands separator, which the publisher does not use in this column");

    [Fact]
    public Task A_missing_thousands_separator_where_the_publisher_has_one_is_refused() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E01000002,City of London 001B,E09000001,City of London,30379,10\n", bom: true,
            line: 4, column: 5, rule: "'30379' has no thousands separator, but the publisher writes this column with them");

    [Fact]
    public Task A_byte_order_mark_the_publisher_does_not_write_is_refused() =>
        Refused("nhs-practice-map", "gp-reg-pat-prac-map_Jan2022.csv", MapHeader + "\n" + MapRow + "\n", bom: true,
            line: 1, column: null, rule: "the file starts with a byte-order mark, which the publisher's file does not have");

    [Fact]
    public Task A_missing_byte_order_mark_the_publisher_writes_is_refused() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows, bom: false,
            line: 1, column: null, rule: "the file has no byte-order mark, but the publisher's file starts with one");

    [Fact]
    public Task A_wrong_header_is_refused_naming_the_column() =>
        Refused("nhs-practice-map", "gp-reg-pat-prac-map_Jan2022.csv", MapHeader.Replace("PCN_CODE", "PCN", StringComparison.Ordinal) + "\n" + MapRow + "\n", bom: false,
            line: 1, column: 6, rule: "wrong header: expected 'PCN_CODE', found 'PCN'");

    [Fact]
    public Task A_file_given_as_the_wrong_kind_is_refused_by_its_header_before_its_byte_order_mark() =>
        Refused("nhs-practice-map", "gp-reg-pat-prac-map_Jan2022.csv", ImdHeader + "\n" + GoodRows, bom: true,
            line: 1, column: 1, rule: "wrong header: expected 'PUBLICATION', found 'LSOA code (2011)'");

    [Fact]
    public Task An_empty_file_is_refused() =>
        Refused("nhs-practice-map", "gp-reg-pat-prac-map_Jan2022.csv", string.Empty, bom: false,
            line: 0, column: null, rule: "the file is empty");

    [Fact]
    public Task A_decile_that_disagrees_with_its_rank_is_refused() =>
        Refused("iod-imd", ImdFile, ImdHeader + "\n" + GoodRows + "E01000002,City of London 001B,E09000001,City of London,\"30,379\",3\n", bom: true,
            line: 4, column: 6, rule: "decile 3 does not match rank 30379 (national decile 10)");

    [Fact]
    public Task An_IoD_file_cut_on_a_row_boundary_is_refused_with_the_publishers_row_count()
    {
        var rows = string.Concat(Enumerable.Range(1, 100).Select(i => $"E01{i:D6},Somewhere {i:D3}A,E09000001,City of London,{i},1\n"));
        return Refused("iod-imd", ImdFile, ImdHeader + "\n" + rows, bom: true,
            line: 0, column: null, rule: "the file has 100 rows, but the publisher's has 32,844 (one per LSOA of 2011)");
    }

    [Fact]
    public Task A_GeoJSON_file_with_a_broken_polygon_is_refused() =>
        Refused("boundaries-lsoa", "E07000066.geojson",
            """
            { "type": "FeatureCollection", "features": [
            { "type": "Feature", "properties": { "LSOA11CD": "E01021988", "LSOA11NM": "Tendring 018A" },
              "geometry": { "type": "Polygon", "coordinates": [ [ [1.1, 51.78], [1.12, 51.78], [1.12, 51.79] ] ] } }
            ] }
            """, bom: false, line: 3, column: null, rule: "ring");

    [Fact]
    public async Task A_good_file_after_a_refused_one_is_imported()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Importing.FileAsync(database, "ons-ccg-stp", Importing.TempFile(StpFile, StpHeader + "\n" + "1,E3800010X,06Q,x,E54000026,QH8,x\n"));

        var outcome = await Importing.FileAsync(database, "ons-ccg-stp", Importing.TempFile(StpFile, StpHeader + "\n" + StpRows));

        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        Assert.Equal(2, outcome.Rows);
        Assert.True(outcome.ChangedRows >= 5, $"{outcome.ChangedRows} rows changed");
    }

    private async Task Refused(string kind, string fileName, string content, bool bom, int line, int? column, string rule)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var good = await Importing.FileAsync(database, "ons-ccg-stp", Importing.TempFile(StpFile, StpHeader + "\n" + StpRows));
        Assert.True(good.Succeeded, good.Problem?.ToString());
        string before;
        await using (var db = database.CreateContext())
        {
            before = await StoreFingerprint.TakeAsync(db);
        }

        var outcome = await Importing.FileAsync(database, kind, Importing.TempFile(fileName, content, bom));

        var problem = Assert.IsType<FileProblem>(outcome.Problem);
        Assert.Equal(fileName, problem.File);
        Assert.Equal(line, problem.Line);
        if (column is not null) Assert.Equal(column, problem.Column);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
        await using var after = database.CreateContext();
        Assert.Equal(before, await StoreFingerprint.TakeAsync(after));
    }
}

public sealed class SqliteMalformedFileTests() : MalformedFileTests(DatabaseProvider.Sqlite);

public sealed class PostgresMalformedFileTests() : MalformedFileTests(DatabaseProvider.Postgres);
