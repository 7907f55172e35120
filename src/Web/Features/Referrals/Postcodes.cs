using System.Text.RegularExpressions;

namespace Commonweal.Web.Features.Referrals;

/// <summary>UK postcodes: the shape the Royal Mail uses (outward code, space, inward code), checked and written tidily.</summary>
public static partial class Postcodes
{
    public static bool IsValid(string text) => Shape().IsMatch(Compact(text));

    /// <summary>Upper case with one space before the inward code: "cm1 1aa" → "CM1 1AA".</summary>
    public static string Format(string text)
    {
        var compact = Compact(text);
        return compact.Length < 5 ? compact : $"{compact[..^3]} {compact[^3..]}";
    }

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    [GeneratedRegex("^([A-Z]{1,2}[0-9][A-Z0-9]?|GIR)[0-9][A-Z]{2}$")]
    private static partial Regex Shape();
}
