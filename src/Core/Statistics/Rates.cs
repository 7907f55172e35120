namespace Commonweal.Core.Statistics;

/// <summary>A crude rate with its limits at one level and the method used for them ("Exact" or "Byars").</summary>
public readonly record struct RateEstimate(double Value, Interval Limits, string Method);

/// <summary>A crude rate with its limits at several levels, in the order the levels were asked for.</summary>
public sealed record RateResult(double Value, IReadOnlyList<Interval> Limits, string Method);

/// <summary>
/// Counts and crude rates with the confidence limits PHE/OHID use (PHEindicatormethods <c>phe_rate</c>,
/// <c>R/Rates.R</c> and <c>byars_lower</c>/<c>byars_upper</c> in <c>R/utils.R</c>, v2.x; PHE "Technical Guide –
/// Confidence Intervals", 2018): for an observed count O ≥ 10, Byar's approximation (Breslow &amp; Day 1987)
/// O_L = O(1 − 1/(9O) − z/(3√O))³, O_U = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³; below 10 the exact Poisson
/// limits O_L = χ²(α/2; 2O)/2 (0 when O = 0), O_U = χ²(1 − α/2; 2O + 2)/2. The count limits are shared by
/// <see cref="Dsr"/> (Byar only), <see cref="Isr"/> and <see cref="Funnels"/>.
/// </summary>
public static class Rates
{
    /// <summary>Counts below this use exact Poisson limits; at or above it, Byar's method.</summary>
    public const double ExactBelow = 10;

    /// <summary>The method label for exact Poisson limits, as PHEindicatormethods writes it.</summary>
    public const string Exact = "Exact";

    /// <summary>The method label for Byar's limits, as PHEindicatormethods writes it.</summary>
    public const string Byars = "Byars";

    /// <summary>The default multiplier: a rate per 100,000.</summary>
    public const double PerHundredThousand = 100_000;

    /// <summary>"Exact" for a count below 10, otherwise "Byars".</summary>
    public static string MethodFor(double observed) => observed < ExactBelow ? Exact : Byars;

    /// <summary>
    /// Confidence limits for an observed count of events: exact Poisson below 10, Byar's method from 10 on
    /// (the switch used by <c>phe_rate</c>, <c>calculate_ISRatio</c> and <c>calculate_ISRate</c>).
    /// </summary>
    public static Interval CountLimits(double observed, ConfidenceLevel level)
    {
        ValidateCount(observed);
        return observed < ExactBelow ? ExactPoisson(observed, level) : ByarsLimits(observed, level.Z);
    }

    /// <summary>
    /// Byar's approximation to the Poisson limits of a count (used alone by the Dobson DSR). As in
    /// PHEindicatormethods, a negative lower limit (tiny counts or extreme levels) is "not calculated": NaN.
    /// </summary>
    public static Interval ByarsCountLimits(double observed, ConfidenceLevel level)
    {
        ValidateCount(observed);
        return ByarsLimits(observed, level.Z);
    }

    /// <summary>
    /// Exact Poisson limits of a count from the chi-square distribution: χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2.
    /// Whole counts below 10 come from a table worked out once per level.
    /// </summary>
    public static Interval ExactCountLimits(double observed, ConfidenceLevel level)
    {
        ValidateCount(observed);
        return ExactPoisson(observed, level);
    }

    /// <summary>A crude rate O/n × multiplier with its limits at one level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or a denominator that is not positive.</exception>
    public static RateEstimate CrudeRate(double count, double denominator, ConfidenceLevel level, double multiplier = PerHundredThousand)
    {
        Validate(count, denominator);
        var scale = multiplier / denominator;
        return new RateEstimate(count / denominator * multiplier, CountLimits(count, level).Scale(scale), MethodFor(count));
    }

    /// <summary>A crude rate with its limits at each of <paramref name="levels"/> (e.g. <see cref="ConfidenceLevel.Standard"/>).</summary>
    public static RateResult CrudeRate(double count, double denominator, IReadOnlyList<ConfidenceLevel> levels, double multiplier = PerHundredThousand)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Validate(count, denominator);
        var limits = new Interval[levels.Count];
        var scale = multiplier / denominator;
        for (var i = 0; i < limits.Length; i++) limits[i] = CountLimits(count, levels[i]).Scale(scale);
        return new RateResult(count / denominator * multiplier, limits, MethodFor(count));
    }

    /// <summary>
    /// Crude rates for many rows at one level, written into <paramref name="values"/> and
    /// <paramref name="limits"/>: the batch form for whole files (no allocation per row).
    /// </summary>
    public static void CrudeRates(ReadOnlySpan<double> counts, ReadOnlySpan<double> denominators, ConfidenceLevel level, double multiplier,
        Span<double> values, Span<Interval> limits)
    {
        if (counts.Length != denominators.Length || values.Length < counts.Length || limits.Length < counts.Length)
            throw new ArgumentException("counts and denominators must have the same length, and values and limits room for every row");
        var z = level.Z;
        var table = ExactTable.For(level);
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            var denominator = denominators[i];
            Validate(count, denominator);
            values[i] = count / denominator * multiplier;
            var counted = count < ExactBelow ? table.Limits(count) : ByarsLimits(count, z);
            limits[i] = counted.Scale(multiplier / denominator);
        }
    }

    /// <summary>Why a count/denominator pair cannot be a rate, or null when it can.</summary>
    public static string? Problem(double count, double denominator) =>
        !double.IsFinite(count) || !double.IsFinite(denominator) ? "numerator and denominator must be finite numbers"
        : count < 0 ? "numerator must not be negative"
        : denominator <= 0 ? "denominator must be greater than zero"
        : null;

    internal static Interval ByarsLimits(double x, double z)
    {
        var lower = x * Cube(1 - (1 / (9 * x)) - (z / (3 * Math.Sqrt(x))));
        var x1 = x + 1;
        var upper = x1 * Cube(1 - (1 / (9 * x1)) + (z / (3 * Math.Sqrt(x1))));
        // byars_lower sets negative values to NA (and x = 0 gives NaN through 0 · ∞).
        return new Interval(lower >= 0 ? lower : double.NaN, upper);
    }

    internal static Interval ExactPoisson(double observed, ConfidenceLevel level) => ExactTable.For(level).Limits(observed);

    private static double Cube(double v) => v * v * v;

    private static void ValidateCount(double observed)
    {
        if (!(observed >= 0) || !double.IsFinite(observed))
            throw new ArgumentOutOfRangeException(nameof(observed), observed, "An observed count must be a finite number ≥ 0.");
    }

    private static void Validate(double count, double denominator)
    {
        if (Problem(count, denominator) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(count), $"{count}/{denominator}: {problem}");
    }

    /// <summary>Exact limits of the whole counts 0–9 at one level, worked out once and shared (copy-on-write cache).</summary>
    private sealed class ExactTable
    {
        private static ExactTable[] cache = [];
        private readonly ConfidenceLevel level;
        private readonly Interval[] wholeCounts = new Interval[(int)ExactBelow];

        private ExactTable(ConfidenceLevel level)
        {
            this.level = level;
            for (var o = 0; o < wholeCounts.Length; o++) wholeCounts[o] = Compute(o, level);
        }

        public static ExactTable For(ConfidenceLevel level)
        {
            var tables = Volatile.Read(ref cache);
            foreach (var table in tables)
                if (table.level.Level == level.Level) return table;
            var created = new ExactTable(level);
            // A race only costs a duplicate table; keep at most a handful of levels.
            Volatile.Write(ref cache, tables.Length >= 8 ? [created] : [.. tables, created]);
            return created;
        }

        public Interval Limits(double observed)
        {
            if (observed < wholeCounts.Length && observed == Math.Floor(observed)) return wholeCounts[(int)observed];
            return Compute(observed, level);
        }

        private static Interval Compute(double observed, ConfidenceLevel level)
        {
            var alpha = 1 - level.Level;
            var lower = observed == 0 ? 0 : ChiSquare.Quantile(alpha / 2, 2 * observed) / 2;
            var upper = ChiSquare.Quantile(level.Level + (alpha / 2), (2 * observed) + 2) / 2;
            return new Interval(lower, upper);
        }
    }
}
