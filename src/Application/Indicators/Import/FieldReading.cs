using System.Net;
using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The fields of indicator files read as their publishers write them, each checked where it is read: figures with
/// thousands separators or written as "no data" markers (<c>&lt;div class="no-data"&gt;-&lt;/div&gt;</c>, "NA", "-"),
/// area codes with Fingertips' "n" prefix, sexes, periods, and notes holding HTML.
/// </summary>
public static partial class FieldReading
{
    /// <summary>What publishers write in a numeric column for a figure that is missing or suppressed.</summary>
    private static readonly HashSet<string> Markers = new(StringComparer.OrdinalIgnoreCase)
    {
        "-", "–", "*", "x", ":", "..", ".", "c", "u", "z", "NA", "N/A", "#N/A", "null", "no data", "suppressed",
    };

    /// <summary>
    /// A figure, or null when the field is empty or holds a "no data" marker (tallied for a note). Anything else that
    /// is not a number is refused ("'abc' is not a number"), as are misplaced thousands separators.
    /// </summary>
    public static Figure? Figure(this TableRow row, int index, IndicatorBatch batch, string column)
    {
        if (index < 0 || index >= row.FieldCount) return null;
        var span = row.Span(index).Trim();
        if (span.IsEmpty) return null;
        if (Import.Figure.TryParse(span, out var figure, out var problem)) return figure;
        var text = span.ToString();
        var plain = text.Contains('<', StringComparison.Ordinal) ? StripTags(text) : text;
        if (Markers.Contains(plain) || plain.Length == 0)
        {
            batch.Tally($"{{n}} rows give the {column} as '{text}' (no data): read as empty");
            return null;
        }

        throw row.Reject(index, text.Contains(',', StringComparison.Ordinal) ? problem! : $"non-numeric value: {problem}");
    }

    /// <summary>A figure that cannot be negative (a count, a denominator, a population).</summary>
    public static Figure? Count(this TableRow row, int index, IndicatorBatch batch, string column)
    {
        var figure = row.Figure(index, batch, column);
        if (figure is { Value: < 0 }) throw row.Reject(index, $"a {column.ToLowerInvariant()} cannot be negative ({figure})");
        return figure;
    }

    /// <summary>
    /// An area code: a GSS, ODS or ONS area classification code, or Fingertips' sub-ICB and ICB codes written with an
    /// "n" before the GSS code (nE38000007 is E38000007).
    /// </summary>
    public static AreaCode AreaCode(this TableRow row, int index, IndicatorBatch batch)
    {
        var text = row.Span(index).Trim();
        if (text.Length == 10 && text[0] == 'n' && Core.Places.AreaCode.TryParse(text[1..].ToString(), out var unprefixed) && unprefixed.Scheme == AreaCodeScheme.Gss)
        {
            batch.Tally("{n} rows give the area code with Fingertips' 'n' prefix (nE38000007): read as the GSS code (E38000007)");
            return unprefixed;
        }

        var code = text.ToString();
        if (!Core.Places.AreaCode.TryParse(code, out var parsed, out var error))
            throw row.Reject(index, code.Length == 0 ? "malformed area code: a value is required" : $"malformed area code: {error}");
        return parsed;
    }

    /// <summary>The area's type from its code, else from the label in <paramref name="labelIndex"/>, else the file's own; refused when none says.</summary>
    public static AreaType AreaType(this TableRow row, AreaCode code, int labelIndex, int codeIndex, AreaType? fileDefault = null)
    {
        var label = labelIndex >= 0 ? row.Text(labelIndex, required: false) : null;
        return AreaTypeLabels.Of(code, label, fileDefault)
            ?? throw row.Reject(labelIndex >= 0 ? labelIndex : codeIndex,
                $"unknown area type: neither the code '{code}' nor the label '{label}' says what kind of area it is");
    }

    /// <summary>Persons, Male or Female as publishers write them; empty is Persons (tallied).</summary>
    public static Sex Sex(this TableRow row, int index, IndicatorBatch batch)
    {
        if (index < 0) return Core.Places.Sex.Persons;
        var text = row.Span(index).Trim();
        if (text.IsEmpty)
        {
            batch.Tally("{n} rows give no Sex: read as Persons");
            return Core.Places.Sex.Persons;
        }

        return TryReadSex(text, out var sex) ? sex : throw row.Reject(index, $"'{text}' is not a sex (Persons, Male or Female)");
    }

    /// <summary>Persons, Male or Female (and their plurals), or "all"/"NA" for persons.</summary>
    public static bool TryReadSex(ReadOnlySpan<char> text, out Sex sex)
    {
        sex = Core.Places.Sex.Persons;
        switch (text.Trim().ToString().ToLowerInvariant())
        {
            case "persons" or "person" or "people" or "all" or "all persons" or "both" or "na":
                return true;
            case "male" or "males" or "men" or "m":
                sex = Core.Places.Sex.Male;
                return true;
            case "female" or "females" or "women" or "f":
                sex = Core.Places.Sex.Female;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A period under any label publishers give one (2019, 2022/23, 2015 - 17, 2021/22 Q1, Dec-18, 2013-01-01/P3Y).</summary>
    public static IndicatorPeriod Period(this TableRow row, int index)
    {
        var text = row.Text(index);
        return IndicatorPeriod.TryParse(text, out var period, out var error) ? period : throw row.Reject(index, error);
    }

    /// <summary>
    /// A field's text with runs of white space made one space; null when empty (or, with <paramref name="na"/>, "NA").
    /// Longer than <paramref name="max"/> characters (what the store holds) is refused.
    /// </summary>
    public static string? Words(this TableRow row, int index, bool na = false, int max = 200)
    {
        if (index < 0 || index >= row.FieldCount) return null;
        var text = IndicatorBatch.Clean(row.Text(index, required: false));
        if (text.Length > max) throw row.Reject(index, $"'{text[..40]}…' is longer than the {max} characters Commonweal keeps of this field");
        return text.Length == 0 || (na && text == "NA") ? null : text;
    }

    /// <summary>A note as text: HTML tags taken out and entities decoded ("&lt;span class="tooltipValueNote"&gt;* Value …&lt;/span&gt;" → "* Value …").</summary>
    public static string? Note(this TableRow row, int index, IndicatorBatch batch)
    {
        var text = row.Words(index, na: true, max: int.MaxValue);
        if (text is not null && text.Contains('<', StringComparison.Ordinal)) text = StripTags(text);
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= MaxNote) return text;
        batch.Tally($"{{n}} value notes are longer than {MaxNote} characters: cut to {MaxNote}");
        return text[..(MaxNote - 1)] + "…";
    }

    /// <summary>The longest value note the store keeps.</summary>
    private const int MaxNote = 400;

    private static string StripTags(string html) => IndicatorBatch.Clean(WebUtility.HtmlDecode(Tags().Replace(html, " ")));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
