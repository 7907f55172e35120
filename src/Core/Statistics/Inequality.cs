namespace Commonweal.Core.Statistics;

/// <summary>The kind of indicator, which decides the transformation applied before the standard error (PHEindicatormethods <c>value_type</c>).</summary>
public enum InequalityValueType
{
    /// <summary>Any other value (value_type 0): no transformation, intervals assumed symmetric.</summary>
    Other = 0,

    /// <summary>A rate (value_type 1): log transformation.</summary>
    Rate = 1,

    /// <summary>A proportion between 0 and 1 (value_type 2): logit transformation.</summary>
    Proportion = 2,
}

/// <summary>Options of the slope index of inequality.</summary>
/// <param name="Transform">Fit the regression on the log (rates) or logit (proportions) scale and transform back (<c>transform = TRUE</c>).</param>
/// <param name="Multiplier">Scales the SII and its limits (e.g. 100 for percentages); a negative multiplier also inverts the RII.</param>
/// <param name="Repetitions">Monte-Carlo repetitions for the intervals; at least 1,000 (package default 100,000).</param>
/// <param name="Seed">Seed of the <see cref="Random"/> that draws the simulated quantile values: the same seed gives the same limits.</param>
public sealed record SlopeIndexOptions(bool Transform = false, double Multiplier = 1, int Repetitions = 100_000, int Seed = 1)
{
    /// <summary>The package defaults (no transform, multiplier 1, 100,000 repetitions) with seed 1.</summary>
    public static SlopeIndexOptions Default { get; } = new();
}

/// <summary>The slope and relative indices of inequality with Monte-Carlo limits, in the order of the levels asked for.</summary>
/// <param name="Sii">Slope index: fitted value for the least deprived (x = 1) minus the most deprived (x = 0), times the multiplier.</param>
/// <param name="Rii">Relative index (Y₀ + SII)/Y₀ = Y₁/Y₀ (inverted when the multiplier is negative).</param>
/// <param name="Intercept">The fitted value at x = 0 (most deprived); transformed back, times |multiplier|, when fitted on the log/logit scale.</param>
/// <param name="SiiIntervals">Simulated limits of the SII per level.</param>
/// <param name="RiiIntervals">Simulated limits of the RII per level.</param>
/// <param name="Note">Why the indices could not be calculated, or null.</param>
public sealed record SlopeIndexResult(
    double Sii, double Rii, double Intercept, IReadOnlyList<Interval> SiiIntervals, IReadOnlyList<Interval> RiiIntervals, string? Note);

/// <summary>
/// The slope index of inequality (SII) and relative index of inequality (RII) by population-weighted regression
/// over ordered quantiles (Low &amp; Low, J Public Health 2004;26:388–395), as PHEindicatormethods 2.x
/// <c>R/SII_function.R</c> (<c>phe_sii</c>) with its helpers <c>FindXValues</c> and <c>SimulationFunc</c> in <c>R/utils.R</c>.
/// </summary>
/// <remarks>
/// Quantiles are given in order from most deprived (first) to least deprived (last). Each gets the midpoint of its
/// share of the cumulative population as its relative rank x, and the regression Y·√a = α·√a + β·x√a (a = population
/// share) is fitted without intercept; SII = β, RII = (α + β)/α. Limits come from simulating every quantile from
/// N(value, SE) on the log (rate) or logit (proportion) scale, SE = (upper − lower)/(2 × 1.959964) on that scale, refitting
/// each repetition and taking the sorted results at positions round(R × α/2) and round(R × (1 − α/2)). Draws come from
/// <see cref="Random"/> seeded with <see cref="SlopeIndexOptions.Seed"/> and <see cref="Normal.Quantile"/>, so they are
/// reproducible here but are not R's draws: the point estimates equal the package's, the limits agree within Monte-Carlo error.
/// </remarks>
public static class Inequality
{
    /// <summary>Fewest quantiles the package accepts.</summary>
    public const int MinimumQuantiles = 5;

    /// <summary>Most quantiles the package accepts.</summary>
    public const int MaximumQuantiles = 100;

    /// <summary>Fewest Monte-Carlo repetitions the package accepts.</summary>
    public const int MinimumRepetitions = 1000;

    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// SII and RII from each quantile's population, value and 95 % limits (quantiles ordered most → least deprived);
    /// the standard errors are derived from the limits on the transformed scale.
    /// </summary>
    public static SlopeIndexResult SlopeIndex(
        ReadOnlySpan<double> population, ReadOnlySpan<double> value, ReadOnlySpan<double> lower95, ReadOnlySpan<double> upper95,
        InequalityValueType valueType, IReadOnlyList<ConfidenceLevel> levels, SlopeIndexOptions? options = null)
    {
        options ??= SlopeIndexOptions.Default;
        var count = Validate(population, value, levels, options, valueType);
        if (lower95.Length != count || upper95.Length != count)
            throw new ArgumentException($"Every quantile needs a lower and an upper 95% limit: {count} values, {lower95.Length} lower, {upper95.Length} upper.");

        var transformedValue = new double[count];
        var se = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (double.IsNaN(lower95[i]) || double.IsNaN(upper95[i]))
                throw new ArgumentException($"Quantile {i + 1} has a missing confidence limit.");
            if (valueType == InequalityValueType.Proportion && (lower95[i] is < 0 or > 1 || upper95[i] is < 0 or > 1))
                throw new ArgumentException($"Quantile {i + 1}: confidence limits of a proportion must lie between 0 and 1.");
            transformedValue[i] = Forward(value[i], valueType);
            se[i] = (Forward(upper95[i], valueType) - Forward(lower95[i], valueType)) / Z95 / 2;
        }

        return Calculate(population, transformedValue, se, valueType, levels, options);
    }

    /// <summary>
    /// SII and RII from each quantile's population, value and standard error (quantiles ordered most → least deprived).
    /// As in the package, a supplied SE is used as given, on the log/logit scale for rates/proportions; not allowed with
    /// <see cref="SlopeIndexOptions.Transform"/>, which needs the limits.
    /// </summary>
    public static SlopeIndexResult SlopeIndexFromStandardErrors(
        ReadOnlySpan<double> population, ReadOnlySpan<double> value, ReadOnlySpan<double> standardError,
        InequalityValueType valueType, IReadOnlyList<ConfidenceLevel> levels, SlopeIndexOptions? options = null)
    {
        options ??= SlopeIndexOptions.Default;
        var count = Validate(population, value, levels, options, valueType);
        if (options.Transform)
            throw new ArgumentException("The transform option needs the lower and upper confidence limits, not standard errors (as phe_sii).");
        if (standardError.Length != count)
            throw new ArgumentException($"Every quantile needs a standard error: {count} values, {standardError.Length} standard errors.");

        var transformedValue = new double[count];
        var se = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (standardError[i] is < 0 || double.IsNaN(standardError[i]))
                throw new ArgumentException($"Quantile {i + 1} has a negative or missing standard error.");
            transformedValue[i] = Forward(value[i], valueType);
            se[i] = standardError[i];
        }

        return Calculate(population, transformedValue, se, valueType, levels, options);
    }

    /// <summary>
    /// The relative rank of each quantile: the midpoint of its share of the cumulative population
    /// (<c>FindXValues</c>); quantile 1 with 12 % of the population has rank 0.06.
    /// </summary>
    public static double[] RelativeRanks(ReadOnlySpan<double> population)
    {
        var total = 0.0;
        foreach (var p in population) total += p;
        var ranks = new double[population.Length];
        var cumulative = 0.0;
        for (var i = 0; i < population.Length; i++)
        {
            var share = population[i] / total;
            ranks[i] = i == 0 ? share / 2 : (share / 2) + cumulative;
            cumulative += share;
        }

        return ranks;
    }

    private static int Validate(
        ReadOnlySpan<double> population, ReadOnlySpan<double> value, IReadOnlyList<ConfidenceLevel> levels,
        SlopeIndexOptions options, InequalityValueType valueType)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(options);
        var count = population.Length;
        if (count is < MinimumQuantiles or > MaximumQuantiles)
            throw new ArgumentException($"Number of quantiles must be between {MinimumQuantiles} and {MaximumQuantiles}; got {count}.");
        if (value.Length != count)
            throw new ArgumentException($"Every quantile needs a population and a value: {count} populations, {value.Length} values.");
        if (options.Repetitions < MinimumRepetitions)
            throw new ArgumentException($"Number of repetitions must be {MinimumRepetitions} or greater; got {options.Repetitions}.");
        if (!double.IsFinite(options.Multiplier))
            throw new ArgumentException("The multiplier must be a finite number.");
        if (options.Transform && valueType == InequalityValueType.Other)
            throw new ArgumentException("The transform option needs a rate or a proportion (value_type 1 or 2).");
        if (!Enum.IsDefined(valueType)) throw new ArgumentOutOfRangeException(nameof(valueType));
        for (var i = 0; i < count; i++)
        {
            if (!(population[i] > 0) || !double.IsFinite(population[i]))
                throw new ArgumentException($"Quantile {i + 1} has a zero, negative or missing population.");
            if (double.IsNaN(value[i])) throw new ArgumentException($"Quantile {i + 1} has a missing value.");
            if (valueType == InequalityValueType.Proportion && value[i] is < 0 or > 1)
                throw new ArgumentException($"Quantile {i + 1}: a proportion must lie between 0 and 1.");
        }

        return count;
    }

    private static double Forward(double x, InequalityValueType type) => type switch
    {
        InequalityValueType.Rate => Math.Log(x),
        InequalityValueType.Proportion => Math.Log(x / (1 - x)),
        _ => x,
    };

    private static double Back(double x, InequalityValueType type)
    {
        switch (type)
        {
            case InequalityValueType.Rate: return Math.Exp(x);
            case InequalityValueType.Proportion:
                var e = Math.Exp(x);
                return e / (1 + e);
            default: return x;
        }
    }

    private static SlopeIndexResult Calculate(
        ReadOnlySpan<double> population, double[] value, double[] se,
        InequalityValueType type, IReadOnlyList<ConfidenceLevel> levels, SlopeIndexOptions options)
    {
        var count = population.Length;
        for (var i = 0; i < count; i++)
        {
            if (!double.IsFinite(value[i]) || !double.IsFinite(se[i]))
                return NotCalculated(levels, type == InequalityValueType.Rate
                    ? "a rate or one of its limits is zero or negative, so it cannot be log-transformed"
                    : "a proportion or one of its limits is 0 or 1, so it cannot be logit-transformed");
        }

        // Regressors √a and x√a; (MᵀM)⁻¹Mᵀ is fixed, so each fit is two dot products with the weighted values.
        var total = 0.0;
        foreach (var p in population) total += p;
        var ranks = RelativeRanks(population);
        var sqrtA = new double[count];
        double s11 = 0, s12 = 0, s22 = 0;
        for (var i = 0; i < count; i++)
        {
            sqrtA[i] = Math.Sqrt(population[i] / total);
            var bSqrtA = ranks[i] * sqrtA[i];
            s11 += sqrtA[i] * sqrtA[i];
            s12 += sqrtA[i] * bSqrtA;
            s22 += bSqrtA * bSqrtA;
        }

        var det = (s11 * s22) - (s12 * s12);
        var interceptWeights = new double[count];
        var slopeWeights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var bSqrtA = ranks[i] * sqrtA[i];
            // Coefficients times √a again: the fitted response is y·√a.
            interceptWeights[i] = ((s22 * sqrtA[i]) - (s12 * bSqrtA)) / det * sqrtA[i];
            slopeWeights[i] = ((s11 * bSqrtA) - (s12 * sqrtA[i])) / det * sqrtA[i];
        }

        // Point estimate.
        double alpha = 0, beta = 0;
        for (var i = 0; i < count; i++)
        {
            var y = options.Transform ? value[i] : Back(value[i], type);
            alpha += interceptWeights[i] * y;
            beta += slopeWeights[i] * y;
        }

        // Simulation.
        var reps = options.Repetitions;
        var siiDraws = new double[reps];
        var riiDraws = options.Transform ? null : new double[reps];
        var random = new Random(options.Seed);
        for (var r = 0; r < reps; r++)
        {
            double a = 0, b = 0;
            for (var i = 0; i < count; i++)
            {
                var draw = value[i] + (se[i] * StandardNormal(random));
                var y = options.Transform ? draw : Back(draw, type);
                a += interceptWeights[i] * y;
                b += slopeWeights[i] * y;
            }

            if (options.Transform)
            {
                siiDraws[r] = b;
            }
            else
            {
                siiDraws[r] = b * options.Multiplier;
                var rii = (b + a) / a;
                riiDraws![r] = options.Multiplier < 0 ? 1 / rii : rii;
            }
        }

        Array.Sort(siiDraws);
        if (riiDraws is not null) Array.Sort(riiDraws);

        var siiIntervals = new Interval[levels.Count];
        var riiIntervals = new Interval[levels.Count];
        var m = options.Multiplier;
        if (!options.Transform)
        {
            for (var k = 0; k < levels.Count; k++)
            {
                var (lo, hi) = Positions(reps, levels[k]);
                siiIntervals[k] = new Interval(siiDraws[lo], siiDraws[hi]);
                riiIntervals[k] = new Interval(riiDraws![lo], riiDraws[hi]);
            }

            var pointRii = (alpha + beta) / alpha;
            return new SlopeIndexResult(m * beta, m < 0 ? 1 / pointRii : pointRii, alpha, siiIntervals, riiIntervals, null);
        }

        // Fitted on the log/logit scale: the ends of the line, transformed back. The limits keep the midpoint of the
        // fitted line fixed and take the simulated slope's limits either side of it (package behaviour).
        var atOne = alpha + beta;
        var middle = (alpha + atOne) / 2;
        var backZero = Back(alpha, type);
        var backOne = Back(atOne, type);
        var sii = (backOne - backZero) * m;
        var riiPoint = m < 0 ? 1 / (backOne / backZero) : backOne / backZero;
        for (var k = 0; k < levels.Count; k++)
        {
            var (lo, hi) = Positions(reps, levels[k]);
            var (siiLow, riiLow) = EndsAround(middle, siiDraws[lo], type, m);
            var (siiHigh, riiHigh) = EndsAround(middle, siiDraws[hi], type, m);
            siiIntervals[k] = m < 0 ? new Interval(siiHigh, siiLow) : new Interval(siiLow, siiHigh);
            riiIntervals[k] = m < 0 ? new Interval(riiHigh, riiLow) : new Interval(riiLow, riiHigh);
        }

        return new SlopeIndexResult(sii, riiPoint, backZero * Math.Abs(m), siiIntervals, riiIntervals, null);
    }

    // SII and RII of a line through `middle` at x = ½ with slope `slope` on the transformed scale.
    private static (double Sii, double Rii) EndsAround(double middle, double slope, InequalityValueType type, double multiplier)
    {
        var zero = Back(middle - (slope / 2), type);
        var one = Back(middle + (slope / 2), type);
        var rii = one / zero;
        return ((one - zero) * multiplier, multiplier < 0 ? 1 / rii : rii);
    }

    // 0-based positions of the lower and upper percentiles among the sorted draws: R's round(reps × p), 1-based.
    private static (int Lower, int Upper) Positions(int reps, ConfidenceLevel level)
    {
        var upperP = level.Level + ((1 - level.Level) / 2);
        var lower = (int)Math.Round(reps * (1 - upperP), MidpointRounding.ToEven);
        var upper = (int)Math.Round(reps * upperP, MidpointRounding.ToEven);
        return (Math.Clamp(lower, 1, reps) - 1, Math.Clamp(upper, 1, reps) - 1);
    }

    // A standard normal draw by inversion (as R's default), from a uniform strictly inside (0, 1) with 53 random bits.
    private static double StandardNormal(Random random) =>
        Normal.Quantile((random.NextInt64(1L << 53) + 0.5) / (1L << 53));

    private static SlopeIndexResult NotCalculated(IReadOnlyList<ConfidenceLevel> levels, string note)
    {
        var none = new Interval[levels.Count];
        Array.Fill(none, Interval.None);
        return new SlopeIndexResult(double.NaN, double.NaN, double.NaN, none, none, note);
    }
}
