namespace Commonweal.Core.Statistics;

/// <summary>A confidence interval's two limits. <see cref="None"/> (both NaN) when it cannot be calculated.</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>No interval: both limits NaN.</summary>
    public static Interval None { get; } = new(double.NaN, double.NaN);

    /// <summary>True when both limits are numbers.</summary>
    public bool IsDefined => !double.IsNaN(Lower) && !double.IsNaN(Upper);

    /// <summary>Whether <paramref name="value"/> lies within the limits, ends included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Both limits multiplied by <paramref name="factor"/>.</summary>
    public Interval Scale(double factor) => new(Lower * factor, Upper * factor);
}
