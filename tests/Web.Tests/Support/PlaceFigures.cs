using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Commonweal.Web.Tests.Support;

/// <summary>
/// Residents and registered patients of places as the API gives them and as their pages show them, compared: the
/// figures come from the one summary of a place (<c>PlaceGraph.Summarise</c>, through <c>PlaceQueries</c>) that both use.
/// </summary>
public static partial class PlaceFigures
{
    public const string Ics = "ics-mid-and-south-essex";

    /// <summary>Types of place not listed within the ICS (it, its ICBs, its county), by their codes.</summary>
    private static readonly Dictionary<string, string[]> Outside = new()
    {
        ["Ics"] = [Ics],
        ["Icb"] = ["QH8", "D7T5G"],
        ["County"] = ["E10000012"],
    };

    /// <summary>
    /// For up to three places of the type as at the date: the API's place, its entry in the list of its type and each
    /// of its children give the residents and registered patients (and the list's date) that its page shows.
    /// </summary>
    /// <returns>How many of the places counted anyone (so that a test can tell it did not compare nothing with nothing).</returns>
    public static async Task<int> AssertApiAndPageAgreeAsync(HttpClient client, string type, string asAt)
    {
        var listed = (await client.GetFromJsonAsync<JsonElement>($"/api/places?type={type}&in={Ics}&asAt={asAt}")).GetProperty("places")
            .EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        var codes = Outside.TryGetValue(type, out var outside) ? outside : [.. listed.Keys.Order(StringComparer.Ordinal).Take(3)];
        Assert.NotEmpty(codes);

        var counted = 0;
        foreach (var code in codes)
        {
            var api = await client.GetFromJsonAsync<JsonElement>($"/api/places/{code}?asAt={asAt}");
            if (!api.GetProperty("inForce").GetBoolean()) continue; // an ICB on a day it did not hold the ICS
            var page = await Html.GetAsync(client, $"/places/{code}?asAt={asAt}");
            var place = api.GetProperty("place");
            var figures = Figures(place);

            Assert.Equal(figures, (Leading(page, "population"), Leading(page, "registered")));
            Assert.Equal(Optional(place, "registeredPeriod") is { } period ? $"On the lists of {LongDate(period)} (NHS Digital)" : null, Optional(page, "registered-period"));
            if (listed.TryGetValue(code, out var inList)) Assert.Equal(figures, Figures(inList));
            foreach (var child in api.GetProperty("children").EnumerateArray())
                Assert.Equal(Figures(child), ChildFigures(page, child.GetProperty("code").GetString()!));
            counted += figures.Residents is null && figures.Registered is null ? 0 : 1;
        }

        return counted;
    }

    /// <summary>Residents ("population") and registered patients of a place as the API gives them.</summary>
    public static (long? Residents, long? Registered) Figures(JsonElement place) =>
        (Optional(place, "population") is { } p ? long.Parse(p, CultureInfo.InvariantCulture) : null,
         Optional(place, "registeredPatients") is { } r ? long.Parse(r, CultureInfo.InvariantCulture) : null);

    /// <summary>The number a data-testid element starts with ("264,631 in 160 LSOAs" → 264631), or null when the page has no such element.</summary>
    public static long? Leading(IDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]") is { } element
        ? Number(Html.Normalise(element.TextContent).Split(' ')[0])
        : null;

    /// <summary>A JSON property as text (a number in invariant digits), or null.</summary>
    public static string? Optional(JsonElement json, string name) =>
        json.GetProperty(name) switch
        {
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } n => n.GetInt64().ToString(CultureInfo.InvariantCulture),
            var other => other.GetString(),
        };

    /// <summary>"1,234" → 1234; null when it is not a count.</summary>
    public static long? Number(string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>What a child's entry in the page's lists says: "CODE · 1,234 residents · 5,678 registered".</summary>
    private static (long? Residents, long? Registered) ChildFigures(IDocument page, string code)
    {
        var link = page.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href")?.Split('?')[0] == "/places/" + code && a.ParentElement?.LocalName == "li");
        Assert.True(link is not null, $"the page does not list its child {code}");
        var text = Html.Normalise(link!.ParentElement!.TextContent);
        return (ChildResidents().Match(text) is { Success: true } r ? Number(r.Groups[1].Value) : null,
                ChildRegistered().Match(text) is { Success: true } p ? Number(p.Groups[1].Value) : null);
    }

    private static string? Optional(IDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]") is { } element ? Html.Normalise(element.TextContent) : null;

    private static string LongDate(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"· ([\d,]+) residents")]
    private static partial Regex ChildResidents();

    [GeneratedRegex(@"· ([\d,]+) registered")]
    private static partial Regex ChildRegistered();
}
