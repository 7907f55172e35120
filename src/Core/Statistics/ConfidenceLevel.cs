using System.Globalization;

namespace Commonweal.Core.Statistics;

/// <summary>
/// A two-sided confidence level with its standard normal quantile z = Φ⁻¹(1 − α/2) worked out once,
/// so that interval methods never recompute it per row. PHE/OHID report 95 % and 99.8 % together.
/// </summary>
public readonly record struct ConfidenceLevel
{
    private ConfidenceLevel(double level)
    {
        Level = level;
        Z = level >= 1 ? double.PositiveInfinity : Normal.Quantile(1 - ((1 - level) / 2));
    }

    /// <summary>The level as a fraction, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>Φ⁻¹(1 − α/2): 1.959963984540054 for 95 %, 3.090232306167813 for 99.8 %.</summary>
    public double Z { get; }

    /// <summary>The lower tail probability α/2.</summary>
    public double LowerTail => (1 - Level) / 2;

    /// <summary>95 % (z ≈ 1.96).</summary>
    public static ConfidenceLevel Percent95 { get; } = new(0.95);

    /// <summary>99.8 % (z ≈ 3.09), Fingertips' second level.</summary>
    public static ConfidenceLevel Percent998 { get; } = new(0.998);

    /// <summary>The two levels Fingertips publishes, in the order it publishes them.</summary>
    public static IReadOnlyList<ConfidenceLevel> Standard { get; } = [Percent95, Percent998];

    /// <summary>A level given as a fraction in (0, 1]; 1 gives infinite z (bounds at the range's ends).</summary>
    public static ConfidenceLevel Of(double level) =>
        level is > 0 and <= 1 && double.IsFinite(level)
            ? new ConfidenceLevel(level)
            : throw new ArgumentOutOfRangeException(nameof(level), level, "A confidence level is a fraction greater than 0 and at most 1 (e.g. 0.95).");

    /// <summary>Parses "95", "99.8", "0.95" or "95%"; values above 1 are read as percentages.</summary>
    public static bool TryParse(string? text, out ConfidenceLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().TrimEnd('%');
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        if (value > 1) value /= 100;
        if (value is <= 0 or > 1 || !double.IsFinite(value)) return false;
        level = new ConfidenceLevel(value);
        return true;
    }

    /// <summary>A column-name suffix: "95" for 0.95, "99_8" for 0.998.</summary>
    public string Suffix => (Level * 100).ToString("0.###", CultureInfo.InvariantCulture).Replace('.', '_');

    /// <inheritdoc />
    public override string ToString() => (Level * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
