using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>
/// An analyst edits an indicator's catalogue entry on its page or through the API: checked field by field, each change
/// audited with its value before and after, and served at once (no stale table). Each test starts its own platform.
/// </summary>
public abstract class IndicatorEditTests(DatabaseProvider provider)
{
    private const string Page = "/indicators/91547/edit";
    private const string Form = "indicator-edit";

    private async Task<CommonwealFactory> StartAsync(bool publicAggregates = true)
    {
        var platform = await OwnPlatform.StartAsync(provider, publicAggregates);
        await using var scope = platform.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IndicatorImport>().ImportFileAsync(SmallIndicatorFile.Write(), IndicatorImportOptions.None, "test");
        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        return platform;
    }

    /// <summary>The form as the page fills it, with some fields changed.</summary>
    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, params (string Field, string Value)[] changes)
    {
        var page = await Html.GetAsync(client, Page);
        var fields = new Dictionary<string, string>();
        foreach (var input in page.QuerySelectorAll("form input[name^='Input.'], form textarea[name^='Input.'], form select[name^='Input.']"))
        {
            var name = input.GetAttribute("name")!;
            var value = input.LocalName switch
            {
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? string.Empty,
                "textarea" => input.TextContent,
                _ when input.GetAttribute("type") == "checkbox" => input.HasAttribute("checked") ? "true" : null,
                _ => input.GetAttribute("value") ?? string.Empty,
            };
            if (value is not null) fields[name] = value;
        }

        foreach (var (field, value) in changes)
        {
            if (value.Length == 0 && field is "Input.Region" or "Input.England" or "Input.Ics" or "Input.Parent") fields.Remove(field);
            else fields[field] = value;
        }

        return fields;
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SaveAsync(HttpClient client, params (string Field, string Value)[] changes)
    {
        var response = await Forms.PostAsync(client, Page, Form, await FieldsAsync(client, changes));
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_analyst_changes_the_polarity_and_name_each_change_is_audited_before_and_after_and_served_at_once()
    {
        await using var platform = await StartAsync();
        var (analyst, name) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var before = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators/91547/benchmarks?areaType=District&period=2013/14");
        Assert.Equal("Worse", Basildon(before));

        var (response, page) = await SaveAsync(analyst, ("Input.Polarity", "high-is-good"), ("Input.Name", "Smoking prevalence (QOF)"), ("Input.Region", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = page.Text("saved");
        Assert.Contains("Saved 3 changes", saved, StringComparison.Ordinal);
        Assert.Contains("polarity: low-is-good → high-is-good", saved, StringComparison.Ordinal);
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "indicator.edit" && e.GetProperty("entityKey").GetString() == "91547").ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal(name, e.GetProperty("actor").GetString()));
        Assert.Contains(audit, e => e.GetProperty("detail").GetString()!.EndsWith("polarity: low-is-good → high-is-good", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.GetProperty("detail").GetString()!.EndsWith("name: Smoking prevalence in adults (15+) - current smokers (QOF) → Smoking prevalence (QOF)", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.GetProperty("detail").GetString()!.EndsWith("comparators: England → England, Region", StringComparison.Ordinal));
        var after = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators/91547/benchmarks?areaType=District&period=2013/14");
        Assert.Equal("Better", Basildon(after));
        Assert.Equal("Smoking prevalence (QOF)", after.GetProperty("name").GetString());
        var entry = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators/91547");
        Assert.Equal("high-is-good", entry.GetProperty("indicator").GetProperty("polarity").GetString());
        Assert.Equal(["England", "Region"], entry.GetProperty("indicator").GetProperty("comparators").EnumerateArray().Select(c => c.GetString()));

        var (_, unchanged) = await SaveAsync(analyst);
        Assert.Contains("Nothing changed", unchanged.Text("saved"), StringComparison.Ordinal);
    }

    private static string? Basildon(JsonElement benchmarks) =>
        benchmarks.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("areaCode").GetString() == "E07000066").GetProperty("benchmark").GetString();

    [Fact]
    public async Task Errors_are_summarised_and_shown_next_to_their_fields_and_nothing_is_changed()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);

        var (response, page) = await SaveAsync(analyst, ("Input.Name", "  "), ("Input.Unit", new string('x', 65)), ("Input.Polarity", "sideways"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.Text("error-summary");
        Assert.Contains("Nothing was changed", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the name", page.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("64 characters or fewer", page.QuerySelector("#unit-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'sideways' is not low-is-good", page.QuerySelector("#polarity-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='#name']"));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var entry = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators/91547");
        Assert.Equal("Smoking prevalence in adults (15+) - current smokers (QOF)", entry.GetProperty("indicator").GetProperty("name").GetString());
    }

    [Fact]
    public async Task With_values_stored_the_value_type_and_multiplier_are_fixed_and_the_page_says_how_to_change_them()
    {
        await using var platform = await StartAsync();
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);

        var page = await Html.GetAsync(analyst, Page);
        var put = await analyst.PutAsJsonAsync("/api/indicators/91547", new { valueType = "crude-rate" });

        Assert.Contains("--value-type", page.Text("fixed"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#valueType"));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valueType", problem.GetProperty("parameter").GetString());
        Assert.Contains("import the file again with --value-type crude-rate", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_edits_an_entry_for_analysts_with_the_same_rules_and_audit()
    {
        await using var platform = await StartAsync(publicAggregates: true);
        var (analyst, _) = await platform.SignedInAsNewUserAsync(Roles.Analyst);
        var (commissioner, _) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);

        var ok = await analyst.PutAsJsonAsync("/api/indicators/91547", new { factorGroup = "HealthBehaviours", focusArea = "TobaccoUse", disclosure = "HesStyle", profile = "Local Tobacco Control Profiles" });
        var bad = await analyst.PutAsJsonAsync("/api/indicators/91547", new { polarity = "up", frequency = "Hourly" });
        var missing = await analyst.PutAsJsonAsync("/api/indicators/424242", new { name = "x" });
        var forbidden = await commissioner.PutAsJsonAsync("/api/indicators/91547", new { name = "x" });
        var anonymous = await platform.Client().PutAsJsonAsync("/api/indicators/91547", new { name = "x" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var edited = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, edited.GetProperty("changes").GetArrayLength());
        Assert.Equal("HealthBehaviours", edited.GetProperty("indicator").GetProperty("factorGroup").GetString());
        var byFactor = await platform.Client().GetFromJsonAsync<JsonElement>("/api/indicators?factorGroup=healthbehaviours&profile=tobacco");
        Assert.Single(byFactor.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("polarity", problem.GetProperty("parameter").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("frequency", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Only_analysts_and_administrators_may_open_the_page_and_an_unknown_indicator_is_404()
    {
        await using var platform = await StartAsync();
        var (admin, _) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var (commissioner, _) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);

        var forbidden = await commissioner.GetAsync(Page);
        var anonymous = await platform.Client().GetAsync(Page);
        var unknown = await admin.GetAsync("/indicators/424242/edit");
        var forged = await admin.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = Form, ["Input.Name"] = "forged" }));

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

public sealed class SqliteIndicatorEditTests() : IndicatorEditTests(DatabaseProvider.Sqlite);

public sealed class PostgresIndicatorEditTests() : IndicatorEditTests(DatabaseProvider.Postgres);
