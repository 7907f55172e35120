using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Admin;

/// <summary>
/// An administrator uploads an official file on the web: recognised by its content, imported all or nothing, audited and
/// listed; a malformed or unknown file is refused with where and why, and nothing is written. Each test starts its own
/// platform, as the first real file replaces the demo.
/// </summary>
public abstract class ReferenceUploadTests(DatabaseProvider provider)
{
    private const string Lookup = "FID,CCG20CD,CCG20CDH,CCG20NM,STP20CD,STP20CDH,STP20NM\r\n"
        + "1,E38000016,00T,NHS Bolton CCG,E54000007,QOP,Greater Manchester Health and Social Care Partnership\r\n"
        + "2,E38000106,06Q,NHS Mid Essex CCG,E54000026,QH8,Mid and South Essex\r\n";

    private Task<CommonwealFactory> StartAsync() => OwnPlatform.StartAsync(provider);

    [Fact]
    public async Task An_administrator_uploads_an_official_file_which_is_recognised_imported_audited_and_listed()
    {
        await using var platform = await StartAsync();
        var (admin, name) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        var response = await UploadAsync(admin, "any name.csv", Lookup);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("any name.csv (ons-ccg-stp): 2 rows read", page.Text("imported"), StringComparison.Ordinal);
        Assert.Contains("any name.csv", page.Text("imports"), StringComparison.Ordinal);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "import" && e.GetProperty("actor").GetString() == name
            && e.GetProperty("entityKey").GetString() == "any name.csv");
        var csv = await admin.GetStringAsync("/admin/imports.csv");
        Assert.StartsWith("imported_at,imported_by,kind,file,sha256,rows,changed_rows\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($",{name},ons-ccg-stp,any name.csv,", csv, StringComparison.Ordinal);

        var again = await Html.ParseAsync(await (await UploadAsync(admin, "any name.csv", Lookup)).Content.ReadAsStringAsync());
        Assert.Contains("nothing changed", again.Text("imported"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_and_column_and_nothing_is_written()
    {
        await using var platform = await StartAsync();
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var before = await platform.Client().GetFromJsonAsync<JsonElement>("/api/overview");

        var response = await UploadAsync(admin, "lookup.csv", Lookup.Replace("E54000026", "E5400002X", StringComparison.Ordinal));

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("lookup.csv:3:5:", page.Text("problem"), StringComparison.Ordinal);
        Assert.Contains("Nothing was written", page.Text("refused"), StringComparison.Ordinal);
        var after = await platform.Client().GetFromJsonAsync<JsonElement>("/api/overview");
        Assert.Equal("Demo", after.GetProperty("dataset").GetString());
        Assert.Equal(before.GetProperty("system").GetProperty("lsoas").GetInt32(), after.GetProperty("system").GetProperty("lsoas").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_no_official_file_is_refused_with_the_reason()
    {
        await using var platform = await StartAsync();
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        var page = await Html.ParseAsync(await (await UploadAsync(admin, "notes.csv", "a,b\r\n1,2\r\n")).Content.ReadAsStringAsync());
        var empty = await Html.ParseAsync(await (await UploadAsync(admin, null, null)).Content.ReadAsStringAsync());

        Assert.Contains("not an official file Commonweal reads", page.Text("problem"), StringComparison.Ordinal);
        Assert.Contains("Choose the file to import", empty.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_may_upload_and_an_upload_without_the_antiforgery_token_is_refused()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        var forbidden = await analyst.GetAsync("/admin/import");
        var list = await analyst.GetAsync("/admin/imports.csv");
        using var form = new MultipartFormDataContent { { new StringContent("reference-upload"), "_handler" }, { Forms.File(Lookup), "file", "lookup.csv" } };
        var forged = await admin.PostAsync("/admin/import", form);

        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Demo", (await platform.Client().GetFromJsonAsync<JsonElement>("/api/overview")).GetProperty("dataset").GetString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string? fileName, string? content) =>
        Forms.PostAsync(client, "/admin/import", "reference-upload", files: fileName is null ? [] : [(fileName, content!)]);
}

public sealed class SqliteReferenceUploadTests() : ReferenceUploadTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceUploadTests() : ReferenceUploadTests(DatabaseProvider.Postgres);
