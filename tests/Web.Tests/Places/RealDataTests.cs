using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Places;

/// <summary>
/// The pages and the API over the real official files (the reference-data folder imported once per provider): the
/// facts of Mid and South Essex in each edition, and the ICB change of 1 April 2026.
/// </summary>
public abstract class RealDataTests(RealDataPlatform platform)
{
    /// <summary>IoD2025 deciles 1–2 by district (of 83 in all), on the 720 LSOAs of 2021.</summary>
    private static readonly Dictionary<string, int> Core20In2025 = new()
    {
        ["Basildon"] = 27, ["Braintree"] = 4, ["Brentwood"] = 0, ["Castle Point"] = 6, ["Chelmsford"] = 5,
        ["Maldon"] = 0, ["Rochford"] = 2, ["Southend-on-Sea"] = 25, ["Thurrock"] = 14,
    };

    [Theory]
    [InlineData("iod2025", "LSOA 2021", "IoD2025", "Census 2021 (21 March 2021)", 720, 83, 1_199_554)]
    [InlineData("iod2019", "LSOA 2011", "IoD2019", "ONS mid-2019 estimates (30 June 2019)", 705, 69, 1_195_348)]
    public async Task Mid_and_South_Essex_in_each_edition(string vintage, string lsoaLabel, string edition, string residents, int lsoas, int core20, long population)
    {
        var client = platform.Factory.Client();

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/overview?vintage={vintage}&asAt=2026-06-01");
        var page = await Html.GetAsync(client, $"/?vintage={vintage}&asAt=2026-06-01");

        var used = api.GetProperty("used");
        Assert.Equal(lsoaLabel, used.GetProperty("lsoas").GetString());
        Assert.Equal(edition, used.GetProperty("deprivation").GetString());
        Assert.Equal(residents, used.GetProperty("residents").GetString());
        Assert.Equal(lsoas, api.GetProperty("system").GetProperty("lsoas").GetInt32());
        Assert.Equal(core20, api.GetProperty("system").GetProperty("core20Lsoas").GetInt32());
        Assert.Equal(population, api.GetProperty("system").GetProperty("population").GetInt64());
        Assert.Equal(population.ToString("N0", CultureInfo.InvariantCulture), page.Text("population"));
        Assert.StartsWith(residents, page.Text("population-source"), StringComparison.Ordinal);
        Assert.Equal($"{core20} of {lsoas} LSOAs ({lsoaLabel[5..]}) are in national IMD {edition[3..]} deciles 1–2", page.Text("core20"));
        Assert.Equal(edition, page.Text("used-deprivation"));
    }

    [Fact]
    public async Task The_Core20_LSOAs_of_IoD2025_by_district()
    {
        var api = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview?vintage=iod2025");

        var byDistrict = api.GetProperty("districts").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("core20Lsoas").GetInt32());
        Assert.Equal(Core20In2025.OrderBy(p => p.Key), byDistrict.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("2025-06-01", "QH8")]
    [InlineData("2026-03-31", "QH8")]
    [InlineData("2026-04-01", "D7T5G")]
    [InlineData("2026-06-01", "D7T5G")]
    public async Task Practice_F81001_is_in_QH8_until_31_March_2026_and_in_NHS_Essex_ICB_from_1_April(string asAt, string icb)
    {
        var client = platform.Factory.Client();

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/places/F81001?asAt={asAt}");
        var page = await Html.GetAsync(client, $"/places/F81001?asAt={asAt}");

        Assert.Equal(icb, api.GetProperty("icb").GetProperty("code").GetString());
        Assert.EndsWith($"({icb})", page.Text("icb"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, api.GetProperty("place").GetProperty("population").ValueKind);
        Assert.True(api.GetProperty("registeredPatients").GetInt64() > 0);
        Assert.Equal(asAt, api.GetProperty("used").GetProperty("asAt").GetString());
    }

    [Theory]
    [InlineData("Ics", "2025-06-01")]
    [InlineData("Icb", "2026-03-31")]
    [InlineData("Icb", "2026-09-01")]
    [InlineData("SubIcb", "2026-09-01")]
    [InlineData("District", "2026-09-01")]
    [InlineData("Ward", "2022-06-01")]
    [InlineData("Lsoa", "2026-09-01")]
    [InlineData("Pcn", "2025-06-01")]
    [InlineData("Pcn", "2026-09-01")]
    [InlineData("Neighbourhood", "2026-09-01")]
    [InlineData("Practice", "2022-06-01")]
    [InlineData("Practice", "2026-09-01")]
    public async Task The_API_and_the_place_page_give_the_same_residents_and_registered_patients_on_the_real_data(string type, string asAt)
    {
        var counted = await PlaceFigures.AssertApiAndPageAgreeAsync(platform.Factory.Client(), type, asAt);

        Assert.True(counted > 0, $"no {type} had residents or registered patients on {asAt}");
    }

    [Theory]
    [InlineData("2026-03-31", "In NHS Mid and South Essex Integrated Care Board (QH8) until 31 March 2026")]
    [InlineData("2026-04-01", "In NHS Essex Integrated Care Board (D7T5G) since 1 April 2026")]
    public async Task The_overview_names_the_ICB_holding_the_ICS_on_the_date(string asAt, string sentence)
    {
        var page = await Html.GetAsync(platform.Factory.Client(), $"/?asAt={asAt}");

        Assert.StartsWith(sentence, page.Text("icb"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iod2025", 720)]
    [InlineData("iod2019", 705)]
    public async Task The_ICS_map_draws_the_editions_LSOAs_with_the_nine_districts_outlined_named_and_linked(string vintage, int lsoas)
    {
        var page = await Html.GetAsync(platform.Factory.Client(), $"/map?vintage={vintage}");

        var svg = page.QuerySelector("[data-testid=map] svg")!;
        Assert.Equal(lsoas, svg.QuerySelectorAll("path.choropleth-area").Length);
        Assert.Equal(lsoas, page.QuerySelectorAll("[data-testid=map-table] tbody tr").Length);
        Assert.Equal($"IMD {vintage[3..]} national decile", Html.Normalise(page.QuerySelector("[data-testid=map-legend] .cw-legend__title")!.TextContent));
        var labels = svg.QuerySelectorAll("text.choropleth-label").ToList();
        Assert.Equal(Core20In2025.Keys.Order(), labels.Select(l => l.TextContent).Order());
        Assert.All(labels, l => Assert.Equal($"/places/{l.GetAttribute("data-code")}?vintage={vintage}", l.ParentElement!.GetAttribute("href")));
        Assert.Equal(9, svg.QuerySelectorAll("path.choropleth-outline").Length);
        Assert.Contains($"{lsoas} on the boundaries of", page.Text("map-source"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_ICS_map_page_travels_in_200_KB_compressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await platform.Factory.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var sent = (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
        Assert.InRange(sent, 1, 200 * 1024);
    }

    [Fact]
    public async Task The_comparison_shows_Core20_by_district_in_both_editions_with_totals_and_the_LSOAs_that_moved()
    {
        var client = platform.Factory.Client();

        var page = await Html.GetAsync(client, "/deprivation/compare");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/deprivation/compare");

        var total = page.QuerySelectorAll("[data-testid=total] td").Select(td => td.TextContent).ToList();
        Assert.Equal(["705", "69", "720", "83"], total.Take(4));
        var rows = page.QuerySelectorAll("[data-testid=districts] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => int.Parse(r.QuerySelectorAll("td")[3].TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(Core20In2025.OrderBy(p => p.Key), rows.OrderBy(p => p.Key));
        var totals = api.GetProperty("total");
        Assert.Equal(69, totals.GetProperty("core20In2019").GetInt32());
        Assert.Equal(83, totals.GetProperty("core20In2025").GetInt32());
        var changed = page.QuerySelectorAll("[data-testid=changed] tbody tr").ToList();
        Assert.Equal(totals.GetProperty("entered").GetInt32() + totals.GetProperty("left").GetInt32(), changed.Count);
        Assert.All(changed, r => Assert.Matches("^(entered|left)$", r.GetAttribute("data-status")));
        Assert.All(changed, r => Assert.Matches("(Entered|Left)", r.QuerySelector("td .nhsuk-tag")!.TextContent));
        Assert.Contains("?vintage=iod2019", changed[0].QuerySelectorAll("td a")[0].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("ONS's exact lookup", page.Text("method"), StringComparison.Ordinal);
        Assert.Equal("IoD2019 and IoD2025", page.Text("used-deprivation"));
        Assert.Contains("Basildon 26 then 27", page.QuerySelector("[data-testid=chart] svg desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_downloads_have_a_row_per_district_and_per_2021_LSOA()
    {
        var client = platform.Factory.Client();

        var districts = (await client.GetStringAsync("/deprivation/compare.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var lsoas = (await client.GetStringAsync("/deprivation/compare/lsoas.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("district_code,district_name,lsoas_2011,core20_iod2019,lsoas_2021,core20_iod2025,entered,left,stayed", districts[0]);
        Assert.Equal(10, districts.Length);
        Assert.Contains(districts, d => d.StartsWith("E07000066,Basildon,110,26,112,27,", StringComparison.Ordinal));
        Assert.Equal("lsoa21_code,lsoa21_name,district_code,imd2025_decile,lsoa11_codes,changes,imd2019_deciles,status", lsoas[0]);
        Assert.Equal(721, lsoas.Length);
    }

    [Fact]
    public async Task The_deprivation_download_of_IoD2025_has_the_720_LSOAs_and_83_in_deciles_1_and_2()
    {
        var lines = (await platform.Factory.Client().GetStringAsync("/deprivation.csv?vintage=iod2025")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("lsoa_code,lsoa_name,district_code,imd_rank,imd_decile,imd_score", lines[0]);
        Assert.Equal(720, lines.Length - 1);
        Assert.Equal(83, lines.Skip(1).Count(l => l.Split(',')[4] is "1" or "2"));
    }

    [Fact]
    public async Task An_LSOA_split_in_2021_links_to_the_LSOAs_it_became_and_they_back_to_it()
    {
        var client = platform.Factory.Client();

        var before = await Html.GetAsync(client, "/places/E01015895");
        var after = await Html.GetAsync(client, "/places/E01034095");

        Assert.StartsWith("LSOA (2011)", before.QuerySelector(".nhsuk-caption-l")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Split in 2021 into Southend-on-Sea 010G (E01034095), Southend-on-Sea 010H (E01034096)", before.Text("lsoa-links"));
        Assert.Contains("/places/E01034095?vintage=iod2025", before.QuerySelectorAll("[data-testid=lsoa-links] a").Select(a => a.GetAttribute("href")));
        Assert.Contains("until 20 March 2021", before.Text("not-in-force"), StringComparison.Ordinal);
        Assert.Matches(@"^Rank [\d,]+ of 32,844", before.Text("imd"));
        Assert.Equal("Formed in 2021 from part of Southend-on-Sea 010A (E01015895)", after.Text("lsoa-links"));
        Assert.Matches(@"^Rank [\d,]+ of 33,755", after.Text("imd"));
        Assert.Equal("IMD 2025", after.QuerySelector("[data-testid=imd]")!.ParentElement!.QuerySelector("dt")!.TextContent);
    }
}

public sealed class SqliteRealDataTests(SqliteRealDataPlatform platform) : RealDataTests(platform), IClassFixture<SqliteRealDataPlatform>;

public sealed class PostgresRealDataTests(PostgresRealDataPlatform platform) : RealDataTests(platform), IClassFixture<PostgresRealDataPlatform>;
