using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators;

/// <summary>
/// A place whose own value (as published or recomputed) and the value added up from the areas within it disagree, or two
/// rows of a file that are the same place under two codes (E54000026 and QH8) and disagree. The own row is the one shown;
/// this says what else was found and by how much it differs.
/// </summary>
public sealed record AggregateCheck(ValueKey Key, IndicatorValue Shown, IndicatorValue Other, string Difference)
{
    /// <summary>Relative tolerance: counts and values that differ by less are the same (rounding in the publisher's file).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>How two values of one key differ (counts first, then the value), or null when they agree.</summary>
    public static string? DifferenceBetween(IndicatorValue shown, IndicatorValue other)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(other);
        if (shown.Count is { } a && other.Count is { } b)
        {
            if (Differs(a, b)) return $"count {Text(a)} against {Text(b)}";
            if (shown.Denominator is { } c && other.Denominator is { } d && Differs(c, d)) return $"denominator {Text(c)} against {Text(d)}";
            return null;
        }

        return shown.Value is { } x && other.Value is { } y && Differs(x, y) ? $"value {Text(x)} against {Text(y)}" : null;
    }

    private static bool Differs(double a, double b) => Math.Abs(a - b) > Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string Text(double x) => x.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);
}
