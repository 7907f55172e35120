using System.Diagnostics.CodeAnalysis;

namespace Commonweal.Core.Places;

/// <summary>
/// The code of an area, validated once: an ONS GSS code (E01021237, E07000066), an NHS ODS code
/// (practice F81001, PCN U12345, ICB QH8 or D7T5G, sub-ICB 06Q) or an ICS-defined local code (alliance-mid-essex).
/// </summary>
public readonly record struct AreaCode : IComparable<AreaCode>
{
    private AreaCode(string value, AreaCodeScheme scheme)
    {
        Value = value;
        Scheme = scheme;
    }

    public string Value { get; }

    public AreaCodeScheme Scheme { get; }

    /// <summary>For GSS codes, the three-character entity prefix (E01 = LSOA, E07 = non-metropolitan district...).</summary>
    public string? GssEntity => Scheme == AreaCodeScheme.Gss ? Value[..3] : null;

    public static AreaCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out AreaCode code) => TryParse(text, out code, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out AreaCode code, out string error)
    {
        code = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "an area code is required";
            return false;
        }

        var scheme = Recognise(text);
        if (scheme is null)
        {
            error = $"'{Shorten(text)}' is not an area code (expected a GSS code such as E01021237, an ODS code such as F81001, U12345, QH8 or 06Q, a local code such as alliance-mid-essex, or an ONS area classification group such as Cl_L2_1a)";
            return false;
        }

        code = new AreaCode(text, scheme.Value);
        error = string.Empty;
        return true;
    }

    private static AreaCodeScheme? Recognise(ReadOnlySpan<char> s)
    {
        if (s.Length == 9 && s[0] is 'E' or 'W' or 'S' or 'N' or 'K' && AllDigits(s[1..]))
            return AreaCodeScheme.Gss;
        if (s.Length == 6 && AllDigits(s[1..]))
        {
            if (s[0] == 'U') return AreaCodeScheme.OdsPcn;
            if (char.IsAsciiLetterUpper(s[0])) return AreaCodeScheme.OdsPractice;
        }

        if (s.Length == 3 && s[0] == 'Q' && IsUpperAlnum(s[1]) && IsUpperAlnum(s[2]))
            return AreaCodeScheme.OdsIcb;
        if (s.Length == 3 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && IsUpperAlnum(s[2]))
            return AreaCodeScheme.OdsSubIcb;
        if (s.Length == 5 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiLetterUpper(s[2])
            && char.IsAsciiDigit(s[3]) && char.IsAsciiLetterUpper(s[4]))
            return AreaCodeScheme.OdsCommissioner; // issued since 2021 to ICBs (D7T5G) and sub-ICB locations (A3A8R)
        if (IsLocal(s))
            return AreaCodeScheme.Local;
        if (IsClassification(s))
            return AreaCodeScheme.OnsClassification;
        return null;
    }

    /// <summary>Whether the code has the shape of an ICB's ODS code (QH8, or the five-character D7T5G).</summary>
    public bool IsIcbShaped => Scheme is AreaCodeScheme.OdsIcb or AreaCodeScheme.OdsCommissioner;

    /// <summary>Whether the code has the shape of a sub-ICB location's ODS code (06Q, or the five-character A3A8R).</summary>
    public bool IsSubIcbShaped => Scheme is AreaCodeScheme.OdsSubIcb or AreaCodeScheme.OdsCommissioner;

    private static bool IsLocal(ReadOnlySpan<char> s)
    {
        if (s.Length is < 3 or > 64 || !char.IsAsciiLetterLower(s[0]) || s[^1] == '-' || !s.Contains('-'))
            return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '-' ? s[i - 1] == '-' : !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
                return false;
        }

        return true;
    }

    private static bool IsClassification(ReadOnlySpan<char> s)
    {
        if (s.Length is < 4 or > 32 || !s.StartsWith("Cl_")) return false;
        foreach (var c in s[3..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }

    /// <summary>
    /// The type of place a code names where its shape says (GSS entity codes, ODS practice and PCN codes, ONS area
    /// classification groups); null where it does not (a three-character ODS code, a local code).
    /// </summary>
    public AreaType? ImpliedType => Scheme switch
    {
        AreaCodeScheme.OdsPractice => AreaType.Practice,
        AreaCodeScheme.OdsPcn => AreaType.Pcn,
        AreaCodeScheme.OdsIcb => AreaType.Icb,
        AreaCodeScheme.OdsSubIcb => AreaType.SubIcb,
        AreaCodeScheme.OnsClassification => AreaType.AreaClassification,
        AreaCodeScheme.Gss => GssEntity switch
        {
            "E92" => AreaType.Country,
            "E12" => AreaType.StatisticalRegion,
            "E40" => AreaType.Region,
            "E45" => AreaType.PheCentre,
            "E47" => AreaType.CombinedAuthority,
            "E54" => AreaType.Icb,
            "E38" => AreaType.SubIcb,
            "E10" => AreaType.County,
            "E06" or "E07" or "E08" or "E09" => AreaType.District,
            "E05" => AreaType.Ward,
            "E02" => AreaType.Msoa,
            "E01" => AreaType.Lsoa,
            _ => null,
        },
        _ => null,
    };

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static bool IsUpperAlnum(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public int CompareTo(AreaCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(AreaCode left, AreaCode right) => left.CompareTo(right) < 0;

    public static bool operator >(AreaCode left, AreaCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(AreaCode left, AreaCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AreaCode left, AreaCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}
