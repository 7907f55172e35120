using System.Globalization;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// A number as a file publishes it, with the number of decimals it was written with: its precision. A recomputed
/// figure agrees with a published one when they differ by no more than half a unit of the last published decimal (and
/// what the rounding of the published count and denominator can move it by).
/// </summary>
/// <param name="Decimals">Digits after the decimal point as written (an exponent counted in: 1.5e-3 has 4).</param>
public readonly record struct Figure(double Value, int Decimals)
{
    /// <summary>Half a unit of the last decimal written: 0.5 for "214,022", 0.000000005 for "19.17076526".</summary>
    public double HalfUnit => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>A figure Commonweal worked out (no published precision: exact).</summary>
    public static Figure Exact(double value) => new(value, 15);

    /// <summary>
    /// Reads a number as publishers write it: digits with an optional sign, point and exponent, and commas between
    /// groups of three digits ("214,022"). Null <paramref name="problem"/> when it is one.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Figure figure, out string? problem)
    {
        figure = default;
        problem = null;
        Span<char> digits = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            problem = $"'{Shorten(text)}' is not a number";
            return false;
        }

        var length = 0;
        if (text.Contains(','))
        {
            if (!IsGrouped(text))
            {
                problem = $"'{text}' has misplaced thousands separators";
                return false;
            }

            foreach (var c in text)
            {
                if (c != ',') digits[length++] = c;
            }
        }
        else
        {
            text.CopyTo(digits);
            length = text.Length;
        }

        var number = digits[..length];
        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            problem = $"'{Shorten(text)}' is not a number";
            return false;
        }

        figure = new Figure(value, DecimalsOf(number));
        return true;
    }

    public override string ToString() => Value.ToString(Decimals is >= 0 and <= 15 ? "F" + Decimals.ToString(CultureInfo.InvariantCulture) : "R", CultureInfo.InvariantCulture);

    private static int DecimalsOf(ReadOnlySpan<char> number)
    {
        var exponentAt = number.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var point = mantissa.IndexOf('.');
        var decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        if (exponentAt >= 0 && int.TryParse(number[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            decimals -= exponent;
        return Math.Max(decimals, 0);
    }

    /// <summary>"1,234" or "-12,345,678.9": one to three digits, then groups of three, then any decimals.</summary>
    private static bool IsGrouped(ReadOnlySpan<char> text)
    {
        var body = text.StartsWith("-") ? text[1..] : text;
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        if (point >= 0 && body[(point + 1)..].Contains(',')) return false;
        var group = 0;
        var first = true;
        for (var i = 0; i < whole.Length; i++)
        {
            var c = whole[i];
            if (c == ',')
            {
                if (first ? group is < 1 or > 3 : group != 3) return false;
                first = false;
                group = 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                group++;
            }
            else
            {
                return false;
            }
        }

        return !first && group == 3;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
