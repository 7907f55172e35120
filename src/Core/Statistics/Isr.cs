namespace Commonweal.Core.Statistics;

/// <summary>An indirectly standardised ratio or rate for one group, with its limits in the order of the levels asked for.</summary>
/// <param name="Observed">O: the group's events.</param>
/// <param name="Expected">E = Σ (O_ref,i / n_ref,i) × nᵢ.</param>
/// <param name="Value">O/E × 100 (or × 1) for a ratio; O/E × reference rate × multiplier for a rate; NaN when E is 0.</param>
/// <param name="Limits">O_L/E and O_U/E on the same scale.</param>
/// <param name="Method">"Exact" (O &lt; 10) or "Byars".</param>
/// <param name="Note">Null, or why the value was not calculated.</param>
public sealed record IsrResult(double Observed, double Expected, double Value, IReadOnlyList<Interval> Limits, string Method, string? Note);

/// <summary>
/// Indirect standardisation, as PHEindicatormethods 2.x <c>calculate_ISRatio</c> (<c>R/ISRatio.R</c>) and
/// <c>calculate_ISRate</c> (<c>R/ISRate.R</c>): expected events E = Σ (O_ref,i/n_ref,i) × nᵢ from reference rates
/// (a missing reference count or population counts as 0, as R's <c>na.zero</c>); the standardised ratio
/// O/E × reference value (100 for an SMR-style ratio, 1 for a plain ratio); the indirectly standardised rate
/// O/E × (ΣO_ref/Σn_ref) × multiplier. Limits are the count limits of <see cref="Rates.CountLimits"/> (exact below
/// 10 events, Byar's from 10) divided by E and scaled the same way.
/// </summary>
public static class Isr
{
    /// <summary>The note when the expected count is zero (no reference events, or an empty population).</summary>
    public const string NoExpectedNote = "isr NA for expected count of 0";

    /// <summary>E = Σ (O_ref,i / n_ref,i) × nᵢ over the bands (NaN reference counts and populations count as 0).</summary>
    public static double ExpectedCount(ReadOnlySpan<double> populations, ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> referencePopulations)
    {
        if (populations.Length != referenceCounts.Length || populations.Length != referencePopulations.Length)
            throw new ArgumentException("populations, reference counts and reference populations need one value per band");
        var expected = 0.0;
        for (var i = 0; i < populations.Length; i++)
        {
            var refCount = referenceCounts[i];
            var refPopulation = referencePopulations[i];
            var n = populations[i];
            if (refCount < 0 || n < 0 || double.IsInfinity(refCount) || double.IsInfinity(n))
                throw new ArgumentOutOfRangeException(nameof(populations), $"band {i + 1}: counts and populations must be numbers ≥ 0");
            if (!(refPopulation > 0) || double.IsInfinity(refPopulation))
                throw new ArgumentOutOfRangeException(nameof(referencePopulations), refPopulation, $"band {i + 1}: reference populations must be greater than zero");
            expected += (double.IsNaN(refCount) ? 0 : refCount) / refPopulation * (double.IsNaN(n) ? 0 : n);
        }

        return expected;
    }

    /// <summary>The reference rate ΣO_ref/Σn_ref (per person; multiply for a rate per 100,000).</summary>
    public static double ReferenceRate(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> referencePopulations)
    {
        double events = 0, population = 0;
        foreach (var x in referenceCounts) events += double.IsNaN(x) ? 0 : x;
        foreach (var n in referencePopulations) population += n;
        return events / population;
    }

    /// <summary>
    /// The indirectly standardised ratio O/E × <paramref name="referenceValue"/> (100 by default, as Fingertips
    /// publishes SMRs; PHEindicatormethods' own default is 1) with its limits.
    /// </summary>
    public static IsrResult Ratio(double observed, double expected, IReadOnlyList<ConfidenceLevel> levels, double referenceValue = 100) =>
        Scaled(observed, expected, referenceValue, levels);

    /// <summary>
    /// The indirectly standardised rate O/E × <paramref name="referenceRate"/> × <paramref name="multiplier"/>,
    /// where the reference rate is per person (see <see cref="ReferenceRate"/>).
    /// </summary>
    public static IsrResult Rate(double observed, double expected, double referenceRate, IReadOnlyList<ConfidenceLevel> levels,
        double multiplier = Rates.PerHundredThousand) =>
        Scaled(observed, expected, referenceRate * multiplier, levels);

    /// <summary>Why an observed/expected pair cannot be standardised, or null when it can.</summary>
    public static string? Problem(double observed, double expected) =>
        !double.IsFinite(observed) || observed < 0 ? "observed count must be a number ≥ 0"
        : !double.IsFinite(expected) || expected < 0 ? "expected count must be a number ≥ 0"
        : null;

    private static IsrResult Scaled(double observed, double expected, double scale, IReadOnlyList<ConfidenceLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (Problem(observed, expected) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(observed), $"{observed}/{expected}: {problem}");
        var limits = new Interval[levels.Count];
        var method = Rates.MethodFor(observed);
        if (expected == 0)
        {
            Array.Fill(limits, Interval.None);
            return new IsrResult(observed, expected, double.NaN, limits, method, NoExpectedNote);
        }

        for (var l = 0; l < limits.Length; l++)
        {
            var counted = Rates.CountLimits(observed, levels[l]);
            limits[l] = new Interval(counted.Lower / expected * scale, counted.Upper / expected * scale);
        }

        return new IsrResult(observed, expected, observed / expected * scale, limits, method, null);
    }
}
