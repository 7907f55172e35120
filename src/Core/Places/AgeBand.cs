using System.Diagnostics.CodeAnalysis;

namespace Commonweal.Core.Places;

/// <summary>
/// An age band in whole years: "0-15", "65+", or "all". <see cref="WorkingAge"/> is the IoD working-age
/// denominator (18–59 for women, 18–64 for men), which is not a plain range.
/// </summary>
public readonly record struct AgeBand
{
    public static readonly AgeBand All = new(0, null, "all");
    public static readonly AgeBand WorkingAge = new(18, 64, "working-age");

    private AgeBand(int from, int? to, string code)
    {
        From = from;
        To = to;
        Code = code;
    }

    public int From { get; }

    /// <summary>Last year of age included; null for an open band such as 90+.</summary>
    public int? To { get; }

    public string Code { get; }

    public string Label => Code switch
    {
        "all" => "All ages",
        "working-age" => "Working age (18–59/64)",
        _ => To is null ? $"{From}+" : $"{From}–{To}",
    };

    public static AgeBand Range(int from, int? to)
    {
        if (from < 0 || to < from)
            throw new ArgumentOutOfRangeException(nameof(to), $"age band {from}-{to} is empty");
        return from == 0 && to is null ? All : new AgeBand(from, to, to is null ? $"{from}+" : $"{from}-{to}");
    }

    public static AgeBand Parse(string code) =>
        TryParse(code, out var band) ? band : throw new FormatException($"'{code}' is not an age band (e.g. 0-15, 65+, all)");

    public static bool TryParse([NotNullWhen(true)] string? code, out AgeBand band)
    {
        band = default;
        if (code is null) return false;
        if (code == All.Code) { band = All; return true; }
        if (code == WorkingAge.Code) { band = WorkingAge; return true; }
        if (code.EndsWith('+') && int.TryParse(code.AsSpan(0, code.Length - 1), System.Globalization.NumberStyles.None, null, out var open))
        {
            band = Range(open, null);
            return true;
        }

        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(code.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out var from)
            && int.TryParse(code.AsSpan(dash + 1), System.Globalization.NumberStyles.None, null, out var to)
            && to >= from)
        {
            band = Range(from, to);
            return true;
        }

        return false;
    }

    public override string ToString() => Code;
}
