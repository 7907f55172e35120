namespace Commonweal.Core.Statistics;

/// <summary>
/// Proportions and their confidence intervals by the Wilson score method — the method Fingertips and
/// PHEindicatormethods (<c>phe_proportion</c>, <c>R/Proportions.R</c>, v2.x) use for every proportion,
/// with no small-number switch (PHE "Technical Guide – Confidence Intervals", 2018).
/// </summary>
public static class Proportions
{
    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>, as a
    /// proportion (multiply by 100 for a percentage):
    /// (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)). Counts may be fractional (Fingertips publishes
    /// fractional denominators). At a confidence level of 1 the limits are 0 and 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, no trials, or more successes than trials.</exception>
    public static Interval WilsonScore(double successes, double trials, ConfidenceLevel level)
    {
        Validate(successes, trials);
        return Wilson(successes, trials, level.Z);
    }

    /// <summary>
    /// Wilson limits for many rows at one level, written into <paramref name="limits"/>: the batch form
    /// for whole files (no allocation per row).
    /// </summary>
    public static void WilsonScore(ReadOnlySpan<double> successes, ReadOnlySpan<double> trials, ConfidenceLevel level, Span<Interval> limits)
    {
        if (successes.Length != trials.Length || limits.Length < successes.Length)
            throw new ArgumentException("successes and trials must have the same length, and limits room for every row");
        var z = level.Z;
        for (var i = 0; i < successes.Length; i++)
        {
            Validate(successes[i], trials[i]);
            limits[i] = Wilson(successes[i], trials[i], z);
        }
    }

    /// <summary>Why a numerator/denominator pair cannot be a proportion, or null when it can.</summary>
    public static string? Problem(double successes, double trials) =>
        !double.IsFinite(successes) || !double.IsFinite(trials) ? "numerator and denominator must be finite numbers"
        : successes < 0 ? "numerator must not be negative"
        : trials <= 0 ? "denominator must be greater than zero"
        : successes > trials ? "numerator must not exceed the denominator"
        : null;

    private static void Validate(double successes, double trials)
    {
        if (Problem(successes, trials) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes}/{trials}: {problem}");
    }

    private static Interval Wilson(double x, double n, double z)
    {
        if (double.IsPositiveInfinity(z)) return new Interval(0, 1);
        // The formula above with numerator and denominator halved — exact in binary, so every result is the same to
        // the last bit — so that no intermediate exceeds n + z²: 2(n + z²) overflows once n passes about 9e307.
        var z2 = z * z;
        var centre = x + (z2 / 2);
        var spread = z * Math.Sqrt((z2 / 4) + (x * (1 - (x / n))));
        var scale = n + z2;
        return new Interval((centre - spread) / scale, (centre + spread) / scale);
    }
}
