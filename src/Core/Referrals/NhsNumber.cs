using System.Diagnostics.CodeAnalysis;

namespace Commonweal.Core.Referrals;

/// <summary>
/// The NHS number (FHIR identifier system <see cref="System"/>): ten digits, the last a modulus 11 check digit — each of
/// the first nine digits weighted 10 down to 2, the check digit 11 minus the remainder of the sum by 11 (11 read as 0; a
/// result of 10 is never issued). A number of one digit repeated passes the arithmetic for some digits but is never
/// issued, so it is refused too. Written for people as 3 3 4 digits ("943 476 5919"); stored as the ten digits.
/// </summary>
public static class NhsNumber
{
    public const string System = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>Whether the ten characters are digits that make an NHS number that can be issued.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10 || digits.ContainsAnyExceptInRange('0', '9')) return false;
        if (!digits.ContainsAnyExcept(digits[0])) return false;
        var sum = 0;
        for (var k = 0; k < 9; k++) sum += (digits[k] - '0') * (10 - k);
        var check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>
    /// The NHS number in <paramref name="text"/> (ten digits, with or without the spaces of "943 476 5919"), or what is
    /// wrong with it in words a person can act on.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? number, out string error)
    {
        number = null;
        var s = (text ?? "").Trim();
        var digits = s.Length == 12 && s[3] == ' ' && s[7] == ' ' ? string.Concat(s.AsSpan(0, 3), s.AsSpan(4, 3), s.AsSpan(8, 4)) : s;
        if (digits.Length != 10 || digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"'{text}' is not an NHS number: it has 10 digits, for example 943 476 5919";
            return false;
        }

        if (!IsValid(digits))
        {
            error = $"'{text}' is not an NHS number: its last digit does not match the others (check it has been copied correctly)";
            return false;
        }

        number = digits;
        error = "";
        return true;
    }

    /// <summary>Whether <paramref name="text"/> holds ten digits in a row (ignoring '-' and '_') that make a valid NHS number.</summary>
    public static bool Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        for (var start = 0; start + 10 <= digits.Length; start++)
        {
            if (IsValid(digits.AsSpan(start, 10))) return true;
        }

        return false;
    }
}
