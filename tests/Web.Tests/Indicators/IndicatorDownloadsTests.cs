using System.Net;
using Commonweal.TestKit;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>Every indicator table as CSV and as an xlsx workbook opened with the Open XML SDK; small numbers protected in both.</summary>
public abstract class IndicatorDownloadsTests(IndicatorPlatform platform)
{
    [Theory]
    [InlineData("/indicators.csv", "indicator_id,name,value_type,unit,polarity,first_period,last_period,area_types,source,factor_group,profile")]
    [InlineData("/indicators/1000001/values.csv", "indicator_id,area_code,area_name,area_type,period,sex,age,category,count,denominator,value,lower_95,upper_95,lower_99_8,upper_99_8,compared_to_england,recent_trend,source")]
    [InlineData("/indicators/1000001/trend.csv", "period,area_code,area_name,count,denominator,value,lower_95,upper_95,england_value,compared_to_england,recent_trend,note")]
    [InlineData("/indicators/1000001/areas.csv?type=Practice", "area_code,area_name,area_type,period,count,denominator,value,lower_95,upper_95,compared_to_england,recent_trend,source,note")]
    [InlineData("/indicators/1000001/inequality.csv", "imd_decile,lsoas,count,denominator,value,lower_95,upper_95,note")]
    [InlineData("/indicators/1000002/spc.csv?area=E07000066", "period,value,mean,lower_process_limit,upper_process_limit,point_type")]
    [InlineData("/places/E07000066/profile.csv", "indicator_id,indicator_name,period,area_code,value,lower_95,upper_95,england_value,compared_to_england,recent_trend,worst,percentile_25,percentile_75,best,areas_compared,note")]
    public async Task Each_table_downloads_as_CSV_with_its_header_and_as_xlsx_with_the_same_header_and_rows(string path, string header)
    {
        var client = platform.Factory.Client();

        var csv = await client.GetAsync(path);
        var xlsx = await client.GetAsync(path.Replace(".csv", ".xlsx", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 1, $"{path}: no rows");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var sheets = XlsxReading.Sheets(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(header.Split(','), sheets[0].Rows[0]);
        Assert.Equal(lines.Length, sheets[0].Rows.Count);
        Assert.Equal("About", sheets[1].Name);
    }

    [Fact]
    public async Task The_practices_workbook_has_a_bold_header_numbers_as_numbers_no_suppressed_figures_and_the_disclosure_note()
    {
        var bytes = await platform.Factory.Client().GetByteArrayAsync("/indicators/1000001/areas.xlsx?type=Practice");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Areas compared", "About"], sheets.Select(s => s.Name!.Value));
        var data = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var font = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)data[0].Elements<Cell>().First().StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(font.Bold);
        var header = data[0].Elements<Cell>().Select(Text).ToList();
        var value = header.IndexOf("value");
        var count = header.IndexOf("count");
        var small = data.Single(r => Text(r.Elements<Cell>().First()) == platform.SmallPractice.Value).Elements<Cell>().ToList();
        Assert.Equal(string.Empty, Text(small[count]));
        Assert.Equal(string.Empty, Text(small[value]));
        var other = data[1].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, other[value].DataType!.Value);
        Assert.True(double.Parse(other[value].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual(CellValues.Number, other[0].DataType!.Value);
        var about = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .ToDictionary(r => Text(r.Elements<Cell>().First()), r => Text(r.Elements<Cell>().ElementAt(1)));
        Assert.Contains("suppressed to protect small numbers", about["Disclosure"], StringComparison.Ordinal);
        Assert.Equal(IndicatorPlatform.Latest, about["Period"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$", about["Generated"]);
    }

    [Theory]
    [InlineData("/indicators/99/areas.csv", HttpStatusCode.NotFound)]
    [InlineData("/indicators/1000001/areas.csv?period=1999/00", HttpStatusCode.BadRequest)]
    [InlineData("/indicators/1000001/trend.xlsx?area=E07000999", HttpStatusCode.NotFound)]
    [InlineData("/places/nonsense!/profile.csv", HttpStatusCode.BadRequest)]
    public async Task A_bad_download_is_a_problem_not_a_file(string path, HttpStatusCode status)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Text(Cell cell) => XlsxReading.Text(cell);
}

public sealed class SqliteIndicatorDownloadsTests(SqliteIndicatorPlatform platform) : IndicatorDownloadsTests(platform), IClassFixture<SqliteIndicatorPlatform>;

public sealed class PostgresIndicatorDownloadsTests(PostgresIndicatorPlatform platform) : IndicatorDownloadsTests(platform), IClassFixture<PostgresIndicatorPlatform>;

/// <summary>Indicator pages and downloads are aggregates: public when PublicAggregates is on, else behind sign-in.</summary>
public abstract class IndicatorAccessTests(IndicatorPlatform platform, bool isPublic)
{
    [Theory]
    [InlineData("/indicators")]
    [InlineData("/indicators/1000001")]
    [InlineData("/indicators/1000001/areas.xlsx")]
    [InlineData("/places/E07000066/profile")]
    [InlineData("/places/E07000066/profile.csv")]
    public async Task Anonymous_users_see_the_pages_only_when_aggregates_are_public(string path)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        if (isPublic) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_user_sees_them_either_way()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Core.Access.Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/indicators/1000001")).StatusCode);
    }
}

public sealed class SqlitePublicIndicatorAccessTests(SqliteIndicatorPlatform platform) : IndicatorAccessTests(platform, true), IClassFixture<SqliteIndicatorPlatform>;

public sealed class SqlitePrivateIndicatorAccessTests(SqlitePrivateIndicatorPlatform platform) : IndicatorAccessTests(platform, false), IClassFixture<SqlitePrivateIndicatorPlatform>;

public sealed class PostgresPrivateIndicatorAccessTests(PostgresPrivateIndicatorPlatform platform) : IndicatorAccessTests(platform, false), IClassFixture<PostgresPrivateIndicatorPlatform>;
