namespace Commonweal.Core.Statistics;

/// <summary>What a funnel plot shows: a proportion, a crude or directly standardised rate, or a ratio of observed to expected.</summary>
public enum FunnelStatistic
{
    /// <summary>numerator/denominator as a proportion (limits by the inverted Wilson score).</summary>
    Proportion,

    /// <summary>events per population (limits by exact Poisson).</summary>
    Rate,

    /// <summary>observed/expected events (limits by exact Poisson).</summary>
    Ratio,
}

/// <summary>How a ratio funnel's limits are expressed (PHEindicatormethods <c>ratio_type</c>).</summary>
public enum FunnelRatioType
{
    /// <summary>O/E × 100, an indirectly standardised ratio ("isr").</summary>
    Isr,

    /// <summary>O/E − 1, the excess as a fraction ("count").</summary>
    Count,
}

/// <summary>One control limit of a funnel: the x-axis value at which it sits (population, expected events or population per year) and the limit.</summary>
public readonly record struct FunnelPoint(double Denominator, double Limit);

/// <summary>
/// One row of a funnel's limits table, as <c>calculate_funnel_limits</c> lays it out: <paramref name="X"/> is the
/// population (proportions) or the observed events (ratios and rates); each limit carries its own x-axis value.
/// </summary>
public sealed record FunnelLimitRow(double X, FunnelPoint Lower2Sigma, FunnelPoint Upper2Sigma, FunnelPoint Lower3Sigma, FunnelPoint Upper3Sigma, double Baseline);

/// <summary>The 95 % (2σ) and 99.8 % (3σ) control limits at one denominator.</summary>
public readonly record struct FunnelLimitsAt(double Denominator, Interval TwoSigma, Interval ThreeSigma);

/// <summary>
/// Funnel plots as PHEindicatormethods 2.x <c>R/Funnels.R</c> (<c>calculate_funnel_limits</c>,
/// <c>assign_funnel_significance</c>) and the Fingertips technical guidance: control limits at 2σ (p = 0.025 each
/// side, 95 %) and 3σ (p = 0.001 each side, 99.8 %) around the all-areas average — the inverted Wilson score
/// (<c>sigma_adjustment</c>) for proportions and the exact Poisson bisection (<c>poisson_funnel</c>, as the PHE
/// Excel macro and Fingertips <c>PoisLow</c>/<c>PoisHigh</c>) for ratios and rates — and each area's label.
/// Significance is tested from the area's side: a proportion against the Wilson limits at its own denominator; a
/// ratio or rate by its own count limits (<see cref="Rates.CountLimits"/>, exact below 10 events, Byar's from 10)
/// against 1 or the weighted average rate.
/// </summary>
public static class Funnels
{
    /// <summary>Above the 99.8 % limit.</summary>
    public const string High001 = "High (0.001)";

    /// <summary>Above the 95 % limit only.</summary>
    public const string High025 = "High (0.025)";

    /// <summary>Below the 99.8 % limit.</summary>
    public const string Low001 = "Low (0.001)";

    /// <summary>Below the 95 % limit only.</summary>
    public const string Low025 = "Low (0.025)";

    /// <summary>Within the 95 % limits.</summary>
    public const string NotSignificant = "Not significant";

    /// <summary>The label for a DSR from fewer than 10 events.</summary>
    public const string DsrTooFewEvents = "Not applicable for events less than 10 for dsrs";

    /// <summary>The one-sided tail probabilities of the two funnels: 0.025 (2σ) and 0.001 (3σ).</summary>
    public const double TwoSigmaTail = 0.025, ThreeSigmaTail = 0.001;

    private static readonly ConfidenceLevel Level95 = ConfidenceLevel.Percent95;
    private static readonly ConfidenceLevel Level998 = ConfidenceLevel.Percent998;

    /// <summary>
    /// <c>sigma_adjustment</c>: the proportion at which an area of size <paramref name="population"/> sits exactly on
    /// the Wilson limit around <paramref name="average"/> (the inverted Wilson score), × <paramref name="multiplier"/>.
    /// <paramref name="probability"/> is 0.975 for 2σ or 0.999 for 3σ.
    /// </summary>
    public static double ProportionLimit(double probability, double population, double average, bool upper, double multiplier = 1)
    {
        var q = Normal.Quantile(probability);
        var q2 = q * q;
        var first = average * ((population / q2) + 1);
        var inner = (-8 * average * ((population / q2) + 1));
        var adj = Math.Sqrt((inner * inner) - (64 * ((1 / q2) + (1 / population)) * average
            * ((population * ((average * ((population / q2) + 2)) - 1)) + (q2 * (average - 1)))));
        var last = (1 / q2) + (1 / population);
        var limit = upper ? (first + (adj / 8)) / last : (first - (adj / 8)) / last;
        return limit / population * multiplier;
    }

    /// <summary>
    /// <c>poisson_funnel</c>: the expected count at which <paramref name="observed"/> events sit exactly on a one-sided
    /// tail <paramref name="tail"/> — for <paramref name="high"/> = false the E with P(X ≥ O | E) = tail (the upper
    /// limit's expected), for true the E with P(X ≤ O | E) = tail (the lower limit's). Found by the package's bisection
    /// on v = E/(O + 1 + E) in 23 halvings (so within about 10⁻⁶ of the exact chi-square value, and equal to the
    /// package's own output); the tail probabilities are evaluated exactly with the incomplete gamma function instead
    /// of the macro's summed series.
    /// </summary>
    public static double PoissonFunnel(double observed, double tail, bool high)
    {
        double v = 0.5, dv = 0.5;
        while (dv > 1e-7)
        {
            dv /= 2;
            var z = (1 + observed) * v / (1 - v);
            if (!high)
            {
                var atLeast = observed <= 0 ? 1 : Gamma.LowerRegularized(observed, z);
                v += atLeast > tail ? -dv : dv;
            }
            else
            {
                var atMost = Gamma.UpperRegularized(observed + 1, z);
                v += atMost < tail ? -dv : dv;
            }
        }

        return (1 + observed) * v / (1 - v);
    }

    /// <summary>The label of one proportion against the Wilson funnels around <paramref name="average"/> (all areas' Σnumerator/Σdenominator).</summary>
    public static string ProportionSignificance(double numerator, double denominator, double average)
    {
        var p = numerator / denominator;
        return p < ProportionLimit(0.999, denominator, average, upper: false) ? Low001
            : p < ProportionLimit(0.975, denominator, average, upper: false) ? Low025
            : p > ProportionLimit(0.999, denominator, average, upper: true) ? High001
            : p > ProportionLimit(0.975, denominator, average, upper: true) ? High025
            : NotSignificant;
    }

    /// <summary>
    /// The label of one observed count against a reference <paramref name="target"/> × <paramref name="denominator"/>:
    /// for a ratio, denominator = expected events and target = 1; for a rate, denominator = population and target =
    /// the weighted average rate per person. High when the count's lower limit / denominator exceeds the target.
    /// </summary>
    public static string PoissonSignificance(double observed, double denominator, double target)
    {
        var limits998 = Rates.CountLimits(observed, Level998);
        var limits95 = Rates.CountLimits(observed, Level95);
        return target < limits998.Lower / denominator ? High001
            : target < limits95.Lower / denominator ? High025
            : target > limits998.Upper / denominator ? Low001
            : target > limits95.Upper / denominator ? Low025
            : NotSignificant;
    }

    /// <summary>
    /// Labels every area (<c>assign_funnel_significance</c>): proportions against the Wilson funnels around
    /// Σnumerators/Σdenominators; ratios (numerator = observed, denominator = expected) against 1; crude rates
    /// against the weighted average Σnumerators/Σdenominators.
    /// </summary>
    public static void AssignSignificance(FunnelStatistic statistic, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, Span<string> labels)
    {
        Check(statistic, numerators, denominators, labels.Length);
        var average = Sum(numerators) / Sum(denominators);
        for (var i = 0; i < numerators.Length; i++)
        {
            labels[i] = statistic switch
            {
                FunnelStatistic.Proportion => ProportionSignificance(numerators[i], denominators[i], average),
                FunnelStatistic.Ratio => PoissonSignificance(numerators[i], denominators[i], 1),
                _ => PoissonSignificance(numerators[i], denominators[i], average),
            };
        }
    }

    /// <summary>
    /// Labels rates given as rates (<c>assign_funnel_significance(statistic = "rate")</c>): each area's denominator is
    /// derived as events / rate × multiplier (for a crude rate with no events, the supplied population; for a DSR with
    /// no events, none); the average is Σevents/Σderived denominators; a DSR from fewer than 10 events is labelled
    /// <see cref="DsrTooFewEvents"/>.
    /// </summary>
    public static void AssignRateSignificance(ReadOnlySpan<double> events, ReadOnlySpan<double> rates, ReadOnlySpan<double> populations,
        double multiplier, bool directlyStandardised, Span<string> labels)
    {
        if (events.Length != rates.Length || events.Length != populations.Length || labels.Length < events.Length)
            throw new ArgumentException("events, rates and populations must have the same length, and labels room for every row");
        var derived = new double[events.Length];
        double eventTotal = 0, denominatorTotal = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (!(events[i] >= 0)) throw new ArgumentOutOfRangeException(nameof(events), events[i], "numerators must be greater than or equal to zero");
            derived[i] = events[i] == 0 ? (directlyStandardised ? double.NaN : populations[i]) : events[i] / rates[i] * multiplier;
            eventTotal += events[i];
            if (!double.IsNaN(derived[i])) denominatorTotal += derived[i];
        }

        var average = eventTotal / denominatorTotal;
        for (var i = 0; i < events.Length; i++)
        {
            // R compares against NA for a DSR with no events, which falls through to "Not significant" before the < 10 rule.
            labels[i] = directlyStandardised && events[i] < 10 ? DsrTooFewEvents
                : double.IsNaN(derived[i]) ? NotSignificant
                : PoissonSignificance(events[i], derived[i], average);
        }
    }

    /// <summary>
    /// The limits table of <c>calculate_funnel_limits</c>: 100 x-axis values spread geometrically over the data's
    /// range (the package's axis rounding included) with the four control limits at each. For proportions the x values
    /// are populations; for ratios, observed events with the expected events of each limit; for rates, events with the
    /// population per year of each limit (<paramref name="denominators"/> are then the populations, or derived
    /// denominators; NaN ones are ignored). Proportion limits are clamped to [0, 100] as in the package.
    /// </summary>
    public static IReadOnlyList<FunnelLimitRow> LimitsTable(FunnelStatistic statistic, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators,
        double multiplier, FunnelRatioType ratioType = FunnelRatioType.Isr, double yearsOfData = 1)
    {
        Check(statistic, numerators, denominators, numerators.Length);
        var average = AverageIgnoringMissing(numerators, denominators, out var min, out var max);
        var grid = Grid(statistic, min, max, average, yearsOfData);
        var rows = new FunnelLimitRow[grid.Length];
        for (var j = 0; j < grid.Length; j++)
        {
            var x = grid[j];
            rows[j] = statistic switch
            {
                FunnelStatistic.Proportion => new FunnelLimitRow(x,
                    new FunnelPoint(x, Math.Max(0, ProportionLimit(0.975, x, average, false, multiplier))),
                    new FunnelPoint(x, Math.Min(100, ProportionLimit(0.975, x, average, true, multiplier))),
                    new FunnelPoint(x, Math.Max(0, ProportionLimit(0.999, x, average, false, multiplier))),
                    new FunnelPoint(x, Math.Min(100, ProportionLimit(0.999, x, average, true, multiplier))),
                    average * multiplier),
                FunnelStatistic.Ratio => new FunnelLimitRow(x,
                    RatioPoint(x, PoissonFunnel(x, TwoSigmaTail, true), ratioType),
                    RatioPoint(x, PoissonFunnel(x, TwoSigmaTail, false), ratioType),
                    RatioPoint(x, PoissonFunnel(x, ThreeSigmaTail, true), ratioType),
                    RatioPoint(x, PoissonFunnel(x, ThreeSigmaTail, false), ratioType),
                    ratioType == FunnelRatioType.Isr ? 100 : 0),
                _ => new FunnelLimitRow(x,
                    RatePoint(x, PoissonFunnel(x, TwoSigmaTail, true), average, multiplier, yearsOfData),
                    RatePoint(x, PoissonFunnel(x, TwoSigmaTail, false), average, multiplier, yearsOfData),
                    RatePoint(x, PoissonFunnel(x, ThreeSigmaTail, true), average, multiplier, yearsOfData),
                    RatePoint(x, PoissonFunnel(x, ThreeSigmaTail, false), average, multiplier, yearsOfData),
                    average * multiplier),
            };
        }

        return rows;
    }

    /// <summary>
    /// The 2σ and 3σ limits at each of 100 denominators spread over the data's range (the package's grid for
    /// proportions, applied to the denominators for every statistic) — one row per denominator, for tables and
    /// charts with the denominator on the x axis. Proportions: the inverted Wilson limits (clamped to [0, 100] as
    /// the package does) × <paramref name="multiplier"/>. Ratios (denominator = expected events E): the exact
    /// Poisson limits of O/E × <paramref name="multiplier"/>, where O solves χ²(tail; 2O)/2 = E (upper) or
    /// χ²(1 − tail; 2O + 2)/2 = E (lower, 0 when no O ≥ 0 does) — the continuous curve through the package's points.
    /// Rates (denominator = population n): the same with E = average × n, as O/n × multiplier.
    /// </summary>
    public static IReadOnlyList<FunnelLimitsAt> LimitsAtDenominators(FunnelStatistic statistic, ReadOnlySpan<double> numerators,
        ReadOnlySpan<double> denominators, double multiplier)
    {
        Check(statistic, numerators, denominators, numerators.Length);
        var average = AverageIgnoringMissing(numerators, denominators, out var min, out var max);
        var grid = Grid(FunnelStatistic.Proportion, min, max, average, 1);
        var rows = new FunnelLimitsAt[grid.Length];
        for (var j = 0; j < grid.Length; j++)
        {
            var d = grid[j];
            if (statistic == FunnelStatistic.Proportion)
            {
                rows[j] = new FunnelLimitsAt(d,
                    new Interval(Math.Max(0, ProportionLimit(0.975, d, average, false, multiplier)), Math.Min(100, ProportionLimit(0.975, d, average, true, multiplier))),
                    new Interval(Math.Max(0, ProportionLimit(0.999, d, average, false, multiplier)), Math.Min(100, ProportionLimit(0.999, d, average, true, multiplier))));
                continue;
            }

            var expected = statistic == FunnelStatistic.Ratio ? d : average * d;
            rows[j] = new FunnelLimitsAt(d,
                new Interval(LowerCountAt(expected, TwoSigmaTail) / d * multiplier, UpperCountAt(expected, TwoSigmaTail) / d * multiplier),
                new Interval(LowerCountAt(expected, ThreeSigmaTail) / d * multiplier, UpperCountAt(expected, ThreeSigmaTail) / d * multiplier));
        }

        return rows;
    }

    /// <summary>The (continuous) count O with χ²(tail; 2O)/2 = E, i.e. P(O, E) = tail: the upper control limit's count at expected E.</summary>
    public static double UpperCountAt(double expected, double tail)
    {
        if (!(expected > 0)) return double.NaN;
        // P(a, E) falls from 1 (a → 0) to 0 (a → ∞) in a.
        double lo = 0, hi = Math.Max(1, 2 * expected);
        while (Gamma.LowerRegularized(hi, expected) > tail) hi *= 2;
        return Bisect(a => Gamma.LowerRegularized(a, expected) - tail, lo, hi, decreasing: true);
    }

    /// <summary>The count O ≥ 0 with χ²(1 − tail; 2O + 2)/2 = E, i.e. Q(O + 1, E) = tail: the lower control limit's count (0 when none).</summary>
    public static double LowerCountAt(double expected, double tail)
    {
        if (!(expected > 0)) return double.NaN;
        // Q(a, E) rises from e^{−E} at a = 1 towards 1 in a.
        if (Gamma.UpperRegularized(1, expected) >= tail) return 0;
        double lo = 1, hi = Math.Max(2, 2 * expected);
        while (Gamma.UpperRegularized(hi, expected) < tail) hi *= 2;
        return Bisect(a => Gamma.UpperRegularized(a, expected) - tail, lo, hi, decreasing: false) - 1;
    }

    /// <summary>Why a numerator/denominator pair cannot go on a funnel of this kind, or null when it can.</summary>
    public static string? Problem(FunnelStatistic statistic, double numerator, double denominator) =>
        !double.IsFinite(numerator) || !double.IsFinite(denominator) ? "numerator and denominator must be finite numbers"
        : numerator < 0 ? "numerator must not be negative"
        : denominator <= 0 ? "denominator must be greater than zero"
        : statistic == FunnelStatistic.Proportion && numerator > denominator ? "numerator must not exceed the denominator"
        : null;

    private static FunnelPoint RatioPoint(double observed, double expected, FunnelRatioType type)
    {
        var ratio = observed / expected;
        return new FunnelPoint(expected, type == FunnelRatioType.Isr ? ratio * 100 : ratio - 1);
    }

    private static FunnelPoint RatePoint(double events, double expected, double average, double multiplier, double years)
    {
        var population = expected / average;
        return new FunnelPoint(population / years, events / population * multiplier);
    }

    private static double Bisect(Func<double, double> f, double lo, double hi, bool decreasing)
    {
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) return mid;
            var value = f(mid);
            if (value == 0) return mid;
            if ((value > 0) == decreasing) lo = mid;
            else hi = mid;
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>The package's x-axis: 100 values from max(1, axis minimum) to the axis maximum, spaced geometrically.</summary>
    private static double[] Grid(FunnelStatistic statistic, double min, double max, double average, double years)
    {
        double axisMin;
        if (max > 2 * min) axisMin = 0;
        else axisMin = statistic == FunnelStatistic.Rate ? SignifFloor(min / years) * years : SignifFloor(min);
        var axisMax = statistic == FunnelStatistic.Rate ? SignifCeiling(max / years) * years : SignifCeiling(max);
        if (statistic == FunnelStatistic.Rate)
        {
            axisMin = Math.Floor(axisMin * average);
            axisMax = Math.Ceiling(axisMax * average);
        }

        var grid = new double[100];
        grid[0] = Math.Max(1, axisMin);
        for (var j = 2; j <= 100; j++)
        {
            var offset = statistic == FunnelStatistic.Ratio ? j - 1 : j;
            var previous = grid[j - 2];
            grid[j - 1] = Math.Max(Math.Round(Math.Pow(axisMax / previous, 1.0 / (101 - offset)) * previous, MidpointRounding.ToEven), previous + 1);
        }

        return grid;
    }

    /// <summary>R's <c>signif.floor</c>: round x × 0.95 down to its leading digit.</summary>
    private static double SignifFloor(double x)
    {
        if (x == 0) return 0;
        var n = RNchar(Math.Floor(x * 0.95)) - 1;
        var power = Math.Pow(10, n);
        return Math.Floor(x * 0.95 / power) * power;
    }

    /// <summary>R's <c>signif.ceiling</c>: round x × 1.05 up to its two leading digits.</summary>
    private static double SignifCeiling(double x)
    {
        if (x == 0) return 0;
        var n = RNchar(Math.Ceiling(x * 1.05)) - 2;
        var power = Math.Pow(10, n);
        return Math.Ceiling(x * 1.05 / power) * power;
    }

    /// <summary>
    /// R's <c>nchar()</c> of a whole number as R prints it: fixed notation unless scientific is narrower
    /// (so 100000 prints as "1e+05", 5 characters) — the package's axis rounding depends on it.
    /// </summary>
    public static int RNchar(double wholeNumber)
    {
        var value = Math.Abs(wholeNumber);
        var digits = value < 1 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;
        if (value >= 1 && Math.Pow(10, digits - 1) > value) digits--;
        if (value >= 1 && Math.Pow(10, digits) <= value) digits++;
        var fixedWidth = digits + (wholeNumber < 0 ? 1 : 0);
        if (value < 1) return fixedWidth;
        var significant = digits;
        var scaled = value;
        while (significant > 1 && scaled % 10 == 0)
        {
            scaled /= 10;
            significant--;
        }

        significant = Math.Min(significant, 7);
        var exponentDigits = digits - 1 >= 100 ? 3 : 2;
        var sciWidth = significant + (significant > 1 ? 1 : 0) + 2 + exponentDigits + (wholeNumber < 0 ? 1 : 0);
        return fixedWidth > sciWidth ? sciWidth : fixedWidth;
    }

    private static double AverageIgnoringMissing(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, out double min, out double max)
    {
        double num = 0, den = 0;
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        for (var i = 0; i < numerators.Length; i++)
        {
            num += numerators[i];
            var d = denominators[i];
            if (double.IsNaN(d)) continue;
            den += d;
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        if (double.IsPositiveInfinity(min)) throw new ArgumentException("A funnel needs at least one denominator.");
        return num / den;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum;
    }

    private static void Check(FunnelStatistic statistic, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, int room)
    {
        if (numerators.Length != denominators.Length || room < numerators.Length || numerators.Length == 0)
            throw new ArgumentException("numerators and denominators must have the same, non-zero length");
        for (var i = 0; i < numerators.Length; i++)
        {
            if (double.IsNaN(denominators[i]) && statistic == FunnelStatistic.Rate) continue;
            if (Problem(statistic, numerators[i], denominators[i]) is { } problem)
                throw new ArgumentOutOfRangeException(nameof(numerators), $"row {i + 1} ({numerators[i]}/{denominators[i]}): {problem}");
        }
    }
}
