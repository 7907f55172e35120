using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>Every table's CSV download: content type, file name, exact header, and the same rows as the page or the API.</summary>
public abstract class DownloadsTests(WebFixture platform)
{
    [Theory]
    [InlineData("/places.csv", "code,type,name,population,valid_from,valid_to")]
    [InlineData("/places.csv?type=Practice&in=ics-mid-and-south-essex&asAt=2026-04-01", "code,type,name,population,valid_from,valid_to")]
    [InlineData("/deprivation.csv?vintage=iod2019&in=E07000066", "lsoa_code,lsoa_name,district_code,imd_rank,imd_decile,imd_score")]
    [InlineData("/overview.csv?asAt=2026-04-01", "level,code,name,residents,lsoas,core20_lsoas,core20_residents_share")]
    [InlineData("/places/E07000066/lsoas.csv", "lsoa_code,lsoa_name,district_code,residents,imd_rank,imd_decile,imd_score")]
    [InlineData("/places/E07000066/deciles.csv", "decile,lsoas,residents")]
    [InlineData("/places/E07000066/domains.csv", "domain,lsoas,most_deprived_20,median_decile")]
    [InlineData("/places/E38000030/history.csv", "parent_code,parent_name,parent_type,valid_from,valid_to,source")]
    public async Task Each_download_is_CSV_with_a_file_name_and_its_exact_header(string path, string header)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var lines = Lines(await response.Content.ReadAsStringAsync());
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Count > 1, $"{path}: no rows");
        Assert.All(lines, l => Assert.Equal(header.Count(c => c == ','), Fields(l).Count - 1));
    }

    [Fact]
    public async Task The_places_download_has_the_rows_of_the_API_with_registered_patients_for_practices()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/places?type=Practice&in=ics-mid-and-south-essex&asAt=2026-04-01");

        var lines = Lines(await client.GetStringAsync("/places.csv?type=Practice&in=ics-mid-and-south-essex&asAt=2026-04-01"));

        var places = api.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(places.Count, lines.Count - 1);
        var first = Fields(lines[1]);
        Assert.Equal(places[0].GetProperty("code").GetString(), first[0]);
        Assert.Equal("Practice", first[1]);
        Assert.Equal(places[0].GetProperty("registeredPatients").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), first[3]);
    }

    [Fact]
    public async Task The_deprivation_download_has_the_rows_of_the_API_and_names_its_edition_place_and_date()
    {
        var client = platform.Factory.Client();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/deprivation?vintage=iod2019&in=E07000066&asAt=2026-04-01");

        var response = await client.GetAsync("/deprivation.csv?vintage=iod2019&in=E07000066&asAt=2026-04-01");
        var lines = Lines(await response.Content.ReadAsStringAsync());

        Assert.Equal("deprivation-iod2019-e07000066-2026-04-01.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = api.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, lines.Count - 1);
        var first = Fields(lines[1]);
        Assert.Equal(rows[0].GetProperty("lsoaCode").GetString(), first[0]);
        Assert.Equal(rows[0].GetProperty("imdRank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), first[3]);
    }

    [Fact]
    public async Task The_LSOA_download_has_the_rows_of_the_map_table()
    {
        var client = platform.Factory.Client();
        var page = await Html.GetAsync(client, "/places/E07000066/map?vintage=iod2019");

        var lines = Lines(await client.GetStringAsync("/places/E07000066/lsoas.csv?vintage=iod2019"));

        Assert.Equal(page.QuerySelectorAll("[data-testid=map-table] tbody tr").Length, lines.Count - 1);
        Assert.Contains("/places/E07000066/lsoas.csv?vintage=iod2019", page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/places.csv?asAt=soon", 400)]
    [InlineData("/places.csv?type=Planet", 400)]
    [InlineData("/places/E09999999/lsoas.csv", 404)]
    [InlineData("/places/E07000066/lsoas.csv?vintage=x", 400)]
    [InlineData("/deprivation.csv?in=E09999999", 404)]
    public async Task A_bad_download_request_is_a_problem_not_an_empty_file(string path, int status)
    {
        var response = await platform.Factory.Client().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_pages_link_their_downloads_with_the_date_and_edition_chosen()
    {
        var client = platform.Factory.Client();

        var overview = await Html.GetAsync(client, "/?asAt=2026-04-01&vintage=iod2019");
        var district = await Html.GetAsync(client, "/places/E07000066?asAt=2026-04-01&vintage=iod2019");

        Assert.Contains("/overview.csv?asAt=2026-04-01&vintage=iod2019", overview.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var links = district.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/places/E07000066/lsoas.csv?asAt=2026-04-01&vintage=iod2019", links);
        Assert.Contains("/places/E07000066/deciles.csv?asAt=2026-04-01&vintage=iod2019", links);
        Assert.Contains("/places/E07000066/history.csv?asAt=2026-04-01&vintage=iod2019", links);
    }

    private static List<string> Lines(string csv) => [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The fields of one CSV line (RFC 4180 quoting).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }
}

public sealed class SqliteDownloadsTests(SqlitePublicPlatform platform) : DownloadsTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresDownloadsTests(PostgresPublicPlatform platform) : DownloadsTests(platform), IClassFixture<PostgresPublicPlatform>;
