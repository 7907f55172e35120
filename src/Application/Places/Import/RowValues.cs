using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>Area codes and dates in the forms the publishers write them, each checked where it is read.</summary>
public static class RowValues
{
    private static readonly string[] DistrictEntities = ["E06", "E07", "E08", "E09"];

    /// <summary>An area code of the given GSS entity (e.g. "E01" for an LSOA).</summary>
    public static AreaCode Code(this TableRow row, int index, string? gssEntity = null)
    {
        var text = row.Text(index);
        if (!AreaCode.TryParse(text, out var code, out var error))
            throw row.Reject(index, $"malformed area code: {error}");
        if (gssEntity is not null && code.GssEntity != gssEntity)
            throw row.Reject(index, $"unknown area code '{text}': expected a {gssEntity} code here");
        return code;
    }

    /// <summary>An area code accepted by <paramref name="accept"/>, else "expected {what} here".</summary>
    public static AreaCode Code(this TableRow row, int index, Func<AreaCode, bool> accept, string what)
    {
        var code = row.Code(index);
        return accept(code) ? code : throw row.Reject(index, $"unknown area code '{code}': expected {what} here");
    }

    /// <summary>An English district or unitary authority (E06–E09).</summary>
    public static AreaCode District(this TableRow row, int index) =>
        row.Code(index, c => c.GssEntity is { } e && DistrictEntities.Contains(e), "a district or unitary authority code (E06–E09)");

    public static AreaCode IcbOds(this TableRow row, int index) => row.Code(index, c => c.IsIcbShaped, "an ICB's ODS code (e.g. QH8, D7T5G)");

    public static AreaCode SubIcbOds(this TableRow row, int index) => row.Code(index, c => c.IsSubIcbShaped, "a sub-ICB location's ODS code (e.g. 06Q)");

    /// <summary>
    /// NHS Digital's extract dates, in each form they have used: 01Jan2022 (or 01JAN2022), 01-Apr-20 and 2025-04-01.
    /// </summary>
    public static DateOnly NhsDate(this TableRow row, int index)
    {
        var text = row.Text(index);
        string[] formats = ["ddMMMyyyy", "dd-MMM-yy", "yyyy-MM-dd"];
        // 01JAN2022 as 01Jan2022: month abbreviations are matched as the invariant culture writes them.
        var normal = text.Length == 9 && char.IsAsciiLetter(text[2])
            ? string.Concat(text[..2], text[2..3].ToUpperInvariant(), text[3..5].ToLowerInvariant(), text[5..])
            : text;
        if (!DateOnly.TryParseExact(normal, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw row.Reject(index, $"'{text}' is not an extract date like 01Jan2022 or 2025-04-01");
        return date;
    }

    /// <summary>A count of people: a whole number, not negative.</summary>
    public static long People(this TableRow row, int index, NumberStyle style = NumberStyle.Plain)
    {
        var count = row.Whole(index, style);
        return count >= 0 ? count : throw row.Reject(index, "a population cannot be negative");
    }
}
