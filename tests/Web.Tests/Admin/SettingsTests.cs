using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Core.Access;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Admin;

/// <summary>The default edition of the Indices: chosen by an administrator through a form (antiforgery), audited, used by the API.</summary>
public abstract partial class SettingsTests(WebFixture platform)
{
    [Fact]
    public async Task An_administrator_chooses_the_default_edition_and_the_change_is_audited_and_used()
    {
        var (admin, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Administrator);
        var editions = (await admin.GetFromJsonAsync<JsonElement>("/api/overview")).GetProperty("editions").EnumerateArray().Select(e => e.GetString()!).ToList();

        try
        {
            var saved = await PostAsync(admin, "iod2019");

            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var page = await Html.ParseAsync(await saved.Content.ReadAsStringAsync());
            Assert.Contains("now use IoD2019 by default", page.Text("saved"), StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("input[type=radio][value=iod2019][checked]"));
            var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "settings.change"
                && e.GetProperty("actor").GetString() == name && e.GetProperty("detail").GetString() == "iod2019");
            if (editions.Contains("iod2019"))
            {
                var overview = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview");
                Assert.Equal("iod2019", overview.GetProperty("defaultEdition").GetString());
                Assert.Equal("IoD2019", overview.GetProperty("used").GetProperty("deprivation").GetString());
            }
        }
        finally
        {
            await PostAsync(admin, "latest");
        }

        var after = await platform.Factory.Client().GetFromJsonAsync<JsonElement>("/api/overview");
        Assert.Equal(editions[^1], after.GetProperty("defaultEdition").GetString());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var (admin, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Administrator);

        var response = await admin.PostAsync("/admin/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "settings",
            ["Input.Edition"] = "iod2025",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.DoesNotContain(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "settings.change" && e.GetProperty("detail").GetString() == "iod2025");
    }

    [Fact]
    public async Task The_settings_page_is_for_administrators_only()
    {
        var (analyst, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);

        var anonymous = await platform.Factory.Client().GetAsync("/admin/settings");
        var forbidden = await analyst.GetAsync("/admin/settings");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string edition)
    {
        var form = await client.GetStringAsync("/admin/settings");
        var token = Token().Match(form);
        Assert.True(token.Success, "the settings form has no antiforgery token");
        return await client.PostAsync("/admin/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "settings",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Edition"] = edition,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteSettingsTests(SqlitePublicPlatform platform) : SettingsTests(platform), IClassFixture<SqlitePublicPlatform>;

public sealed class PostgresSettingsTests(PostgresPublicPlatform platform) : SettingsTests(platform), IClassFixture<PostgresPublicPlatform>;
