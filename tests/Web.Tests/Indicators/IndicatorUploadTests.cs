using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;
using static Commonweal.Web.Tests.Indicators.SmallIndicatorFile;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>
/// An analyst uploads indicator files on the web: imported all or nothing, what was inferred shown, audited and listed;
/// a malformed file is refused with its line and column and the store is left as it was. Each test starts its own
/// platform, as uploads change the store.
/// </summary>
public abstract class IndicatorUploadTests(DatabaseProvider provider)
{
    private const string Page = "/indicators/upload";
    private const string Form = "indicator-upload";

    private Task<CommonwealFactory> StartAsync() => OwnPlatform.StartAsync(provider);

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient client, IReadOnlyDictionary<string, string>? fields, params (string Name, string Content)[] files) =>
        await Html.ParseAsync(await (await Forms.PostAsync(client, Page, Form, fields, files)).Content.ReadAsStringAsync());

    [Fact]
    public async Task An_analyst_uploads_a_fingertips_export_which_is_imported_explained_audited_listed_and_served()
    {
        await using var platform = await StartAsync();
        var (analyst, name) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        var page = await UploadAsync(analyst, null, ("smoking.csv", Content()));

        var imported = page.Text("imported");
        Assert.Contains("smoking.csv (fingertips", imported, StringComparison.Ordinal);
        Assert.Contains("7 rows read", imported, StringComparison.Ordinal);
        Assert.Contains("Indicator 91547, Smoking prevalence in adults (15+) - current smokers (QOF): created", page.Text("indicator"), StringComparison.Ordinal);
        Assert.Contains("proportion", page.Text("inferred"), StringComparison.Ordinal);
        Assert.Contains("smoking.csv", page.Text("imports"), StringComparison.Ordinal);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "import" && e.GetProperty("actor").GetString() == name
            && e.GetProperty("entityKey").GetString() == "smoking.csv");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "indicator.create" && e.GetProperty("entityKey").GetString() == "91547");
        var csv = await analyst.GetStringAsync("/indicators/imports.csv");
        Assert.StartsWith("imported_at,imported_by,kind,file,sha256,rows,changed_rows\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($",{name},indicators:", csv, StringComparison.Ordinal);
        Assert.Contains(",smoking.csv,", csv, StringComparison.Ordinal);
        var catalogue = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators");
        Assert.Contains(catalogue.EnumerateArray(), i => i.GetProperty("id").GetInt32() == 91547);

        var again = await UploadAsync(analyst, null, ("smoking.csv", Content()));
        Assert.Contains("nothing changed", again.Text("imported"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_files_are_imported_one_after_another_and_the_options_say_what_a_new_indicator_is()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        const string unknown = "99999,Something measured,,,E92000001,England,England,Persons,All ages,,,2019,12.5,,,,,,,,,,,20190000,,";

        var refused = await UploadAsync(analyst, null, ("unknown.csv", Content(unknown)));
        var page = await UploadAsync(analyst, new Dictionary<string, string> { ["valueType"] = "score", ["multiplier"] = "1", ["polarity"] = "high-is-good" },
            ("smoking.csv", Content()), ("unknown.csv", Content(unknown)));

        Assert.Contains("give --value-type", refused.Text("problem"), StringComparison.Ordinal);
        var outcomes = page.QuerySelectorAll("[data-testid=imported]").Select(e => Html.Normalise(e.TextContent)).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Contains(outcomes, o => o.Contains("Indicator 99999, Something measured: created (score", StringComparison.Ordinal));
        var something = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators/99999");
        Assert.Equal("high-is-good", something.GetProperty("indicator").GetProperty("polarity").GetString());
    }

    [Fact]
    public async Task A_bad_option_or_no_file_is_shown_next_to_its_field_and_nothing_is_imported()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);

        var badMultiplier = await UploadAsync(analyst, new Dictionary<string, string> { ["multiplier"] = "per cent" }, ("smoking.csv", Content()));
        var noFile = await UploadAsync(analyst, null);

        Assert.Contains("Enter the multiplier as a positive number", badMultiplier.QuerySelector("#multiplier-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose the file to import", noFile.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Client().GetAsync("/api/indicators/91547")).StatusCode);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "truncated row", Content(England201314, Basildon201314[..Basildon201314.IndexOf(",2013/14", StringComparison.Ordinal)]), "bad.csv:3:12:" },
        { "non-numeric value", Content(England201314, Basildon201314.Replace("21.75000544", "twenty", StringComparison.Ordinal)), "bad.csv:3:13:" },
        { "bad area code", Content(England201314, Basildon201314.Replace("E07000066", "E0700006X", StringComparison.Ordinal)), "bad.csv:3:5:" },
        { "duplicate key", Content(England201314, Basildon201314, Basildon201314.Replace("21.75000544", "21.8", StringComparison.Ordinal)), "bad.csv:4:13:" },
        { "wrong header", Header.Replace("Time period,", "Period,", StringComparison.Ordinal) + "\n" + England201314 + "\n", "bad.csv:1:" },
        { "empty file", " ", "bad.csv" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_file_is_refused_with_its_line_and_column_and_the_store_is_unchanged(string kind, string content, string where)
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        await UploadAsync(analyst, null, ("good.csv", Content()));
        var before = await StoreAsync(platform, analyst);

        var page = await UploadAsync(analyst, null, ("bad.csv", content));

        Assert.True(page.QuerySelector("[data-testid=problem]") is not null, kind);
        Assert.StartsWith(where, page.Text("problem"), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed by bad.csv", page.Text("refused"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=imported]"));
        Assert.Equal(before, await StoreAsync(platform, analyst));
    }

    /// <summary>What the store serves of indicators and their imports.</summary>
    private static async Task<string> StoreAsync(CommonwealFactory platform, HttpClient analyst) =>
        await platform.Client().GetStringAsync("/api/indicators") + await platform.Client().GetStringAsync("/api/indicators/91547/values")
        + await analyst.GetStringAsync("/indicators/imports.csv");

    [Fact]
    public async Task Analysts_and_administrators_may_upload_others_are_denied_or_sent_to_sign_in_and_the_antiforgery_token_is_required()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var (commissioner, _) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);

        var forbidden = await commissioner.GetAsync(Page);
        var forbiddenList = await commissioner.GetAsync("/indicators/imports.csv");
        var anonymous = await platform.Client().GetAsync(Page);
        using var form = new MultipartFormDataContent { { new StringContent(Form), "_handler" }, { Forms.File(Content()), "file", "smoking.csv" } };
        var forged = await analyst.PostAsync(Page, form);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
        Assert.Contains("smoking.csv", (await UploadAsync(admin, null, ("smoking.csv", Content()))).Text("imported"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbiddenList.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

public sealed class SqliteIndicatorUploadTests() : IndicatorUploadTests(DatabaseProvider.Sqlite);

public sealed class PostgresIndicatorUploadTests() : IndicatorUploadTests(DatabaseProvider.Postgres);
