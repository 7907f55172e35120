using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Commonweal.Core.Indicators;

/// <summary>
/// An indicator's number: Fingertips' own id for its indicators (91547), and for an indicator Commonweal's catalogue
/// defines itself a number from <see cref="FirstLocal"/> up, so the two can never collide.
/// </summary>
public readonly record struct IndicatorId : IComparable<IndicatorId>
{
    /// <summary>The first id given to an indicator that is not Fingertips' (Fingertips' ids are below 1,000,000).</summary>
    public const int FirstLocal = 1_000_000;

    public IndicatorId(int value)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, "an indicator id is a positive whole number");
        Value = value;
    }

    public int Value { get; }

    /// <summary>Whether Commonweal's catalogue gave the id (not Fingertips).</summary>
    public bool IsLocal => Value >= FirstLocal;

    public static IndicatorId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an indicator id (a positive whole number, e.g. 91547)");

    public static bool TryParse([NotNullWhen(true)] string? text, out IndicatorId id)
    {
        id = default;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0) return false;
        id = new IndicatorId(value);
        return true;
    }

    public int CompareTo(IndicatorId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(IndicatorId left, IndicatorId right) => left.CompareTo(right) < 0;

    public static bool operator >(IndicatorId left, IndicatorId right) => left.CompareTo(right) > 0;

    public static bool operator <=(IndicatorId left, IndicatorId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IndicatorId left, IndicatorId right) => left.CompareTo(right) >= 0;
}
