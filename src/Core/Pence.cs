using System.Globalization;

namespace Commonweal.Core;

/// <summary>
/// Money is whole pence in a <c>long</c> (house rule 1). This is how pounds are read from text and written back:
/// "1234.56", "£1,234.56" and "1234" read; nothing negative, with more than two decimals or above
/// <see cref="Most"/> (£1 trillion, so that no sum of pence the product makes can overflow).
/// </summary>
public static class Pence
{
    /// <summary>£1 trillion: the largest amount the product takes in one figure.</summary>
    public const long Most = 100_000_000_000_000;

    /// <summary>Pounds as text ("1234.5", "£1,234.56") to whole pence; false for anything else, negatives, more than two decimals and more than £1 trillion.</summary>
    public static bool TryParsePounds(string? text, out long pence)
    {
        pence = 0;
        var s = (text ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 20 || s.Any(c => c is not ((>= '0' and <= '9') or '.'))) return false;
        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length is 0 or > 2)) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pounds) || pounds > Most / 100) return false;
        var fraction = parts.Length == 2 ? int.Parse(parts[1].PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        pence = pounds * 100 + fraction;
        if (pence <= Most) return true;
        pence = 0;
        return false;
    }

    /// <summary>Pounds to two decimals, no separators, for files: 123456 → "1234.56".</summary>
    public static string Plain(long pence) =>
        (pence < 0 ? "-" : "") + (Math.Abs(pence) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(pence) % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Pounds for people: 123456 → "£1,234.56", -5 → "-£0.05".</summary>
    public static string Format(long pence) =>
        (pence < 0 ? "-£" : "£") + (Math.Abs(pence) / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (Math.Abs(pence) % 100).ToString("00", CultureInfo.InvariantCulture);
}
