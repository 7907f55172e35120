using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Commonweal.Core.Places;

namespace Commonweal.Core.Commissioning;

/// <summary>
/// The shapes of the identifiers partners carry, checked once where they enter: an ODS code (NHS Organisation Data
/// Service: 3 to 6 letters and digits, at least one letter — QH8, RAJ, D7T5G, F81001, U12345), a council's GSS code
/// (E06 unitary, E07 district, E08 metropolitan district, E09 London borough, E10 county; W06, S12, N09), a charity
/// number (England and Wales: 6 or 7 digits; Scotland: SC and 6 digits; Northern Ireland: NIC and 6 digits) and a
/// Companies House number (8 characters: 8 digits, or 2 letters and 6 digits; fewer digits are padded with zeros).
/// Each parse gives the identifier as it is stored (upper case, padded) or says what is wrong.
/// </summary>
public static partial class PartnerIdentifiers
{
    private static readonly string[] CouncilPrefixes = ["E06", "E07", "E08", "E09", "E10", "W06", "S12", "N09"];

    public static bool TryOds(string? text, [NotNullWhen(true)] out string? code, out string error)
    {
        code = null;
        var s = (text ?? "").Trim().ToUpperInvariant();
        error = $"'{text}' is not an ODS code (3 to 6 letters and digits with at least one letter, e.g. QH8, RAJ or D7T5G)";
        if (!Ods().IsMatch(s) || !s.Any(char.IsAsciiLetter)) return false;
        code = s;
        error = "";
        return true;
    }

    public static bool TryCouncil(string? text, out AreaCode code, out string error)
    {
        var parsed = AreaCode.TryParse((text ?? "").Trim().ToUpperInvariant(), out code, out _);
        var value = code.Value ?? "";
        if (!parsed || !CouncilPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal)))
        {
            code = default;
            error = $"'{text}' is not a council's GSS code (E06, E07, E08, E09 or E10 and 6 digits, e.g. E10000012; W06, S12, N09)";
            return false;
        }

        error = "";
        return true;
    }

    public static bool TryCharity(string? text, [NotNullWhen(true)] out string? number, out string error)
    {
        number = null;
        var s = (text ?? "").Trim().ToUpperInvariant();
        error = $"'{text}' is not a charity number (6 or 7 digits in England and Wales, e.g. 1012345; SC or NIC and 6 digits)";
        if (!Charity().IsMatch(s)) return false;
        number = s;
        error = "";
        return true;
    }

    public static bool TryCompany(string? text, [NotNullWhen(true)] out string? number, out string error)
    {
        number = null;
        var s = (text ?? "").Trim().ToUpperInvariant();
        error = $"'{text}' is not a Companies House number (8 digits, or 2 letters and 6 digits, e.g. 07715867 or SC123456)";
        if (Digits().IsMatch(s)) s = s.PadLeft(8, '0');
        if (!Company().IsMatch(s) || s == "00000000") return false;
        number = s;
        error = "";
        return true;
    }

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex Ods();

    [GeneratedRegex("^([0-9]{6,7}|SC[0-9]{6}|NIC[0-9]{6})$")]
    private static partial Regex Charity();

    [GeneratedRegex("^[0-9]{1,8}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^([0-9]{8}|[A-Z]{2}[0-9]{6})$")]
    private static partial Regex Company();
}
