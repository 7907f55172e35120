using System.Buffers;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>What the chart components check before they write a value into SVG unescaped: ids, colours and links.</summary>
public static class SvgChecks
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> PathStarts = SearchValues.Create("/?#");

    /// <summary>A prefix for element ids: letters, digits, '-' or '_', starting with a letter.</summary>
    public static void IdPrefix(string prefix, string parameter)
    {
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"the id prefix '{prefix}' must start with a letter and hold only letters, digits, '-' and '_'", parameter);
    }

    /// <summary>Colours go into attributes and CSS-like values unescaped by browsers, so only hex colours are taken.</summary>
    public static bool IsColour(string colour) =>
        colour.Length is 4 or 7 && colour[0] == '#' && !colour.AsSpan(1).ContainsAnyExcept(HexDigits);

    /// <summary>A relative link, or http(s); never javascript: or data:, which would run or show content from the chart.</summary>
    public static bool IsSafeLink(string href)
    {
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        var pathStart = href.AsSpan().IndexOfAny(PathStarts);
        var hasScheme = colon >= 0 && (pathStart < 0 || colon < pathStart);
        return !hasScheme
            || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }
}
