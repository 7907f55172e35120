namespace Commonweal.Core.Statistics;

/// <summary>Why a life expectancy was or was not reported (PHEindicatormethods 2.x <c>phe_life_expectancy</c> rules).</summary>
public enum LifeExpectancyStatus : byte
{
    /// <summary>Calculated and reported.</summary>
    Calculated,

    /// <summary>Some band of the area has negative deaths: the whole area is not calculated.</summary>
    NegativeDeaths,

    /// <summary>Some band of the area has a population of zero or less: the whole area is not calculated.</summary>
    NonPositivePopulation,

    /// <summary>Some band of the area has more deaths than population: the whole area is not calculated.</summary>
    DeathsExceedPopulation,

    /// <summary>The area's total population (all 20 bands) is 5,000 or less: the whole area is not calculated.</summary>
    TotalPopulationTooSmall,

    /// <summary>No deaths in the 90+ band, so the final band's person-years (l/M) are infinite.</summary>
    NoDeathsInOldestBand,

    /// <summary>The 95 % interval is wider than 20 years: the value is suppressed but its limits are still shown.</summary>
    ConfidenceIntervalTooWide,
}

/// <summary>Life expectancy at one starting age, with its Silcocks standard error and limits in the order of the levels asked for.</summary>
/// <param name="StartAge">The band's starting age (0, 1, 5, …, 90).</param>
/// <param name="Value">Life expectancy in years; NaN when not reported.</param>
/// <param name="StandardError">Standard error of the (unsuppressed) life expectancy; NaN when the area is not calculated.</param>
/// <param name="Intervals">Limits per confidence level; shown even when <see cref="Value"/> is suppressed for a wide interval, as the package does.</param>
/// <param name="Status">Why the value is or is not reported.</param>
/// <param name="Note">The reason in words (PHEindicatormethods' wording), or null when calculated.</param>
public sealed record LifeExpectancyAtAge(
    int StartAge, double Value, double StandardError, IReadOnlyList<Interval> Intervals, LifeExpectancyStatus Status, string? Note);

/// <summary>
/// Life expectancy from an abridged life table by Chiang's method II (Chiang 1968; Newell 1994) with the
/// Silcocks et al (2001) variance for the final open age band, at every starting age, exactly as
/// PHEindicatormethods 2.x <c>R/LifeExpectancy.R</c> (<c>phe_life_expectancy</c>) and the PHE Life Expectancy
/// Calculator. Twenty bands: 0, 1–4, 5–9, …, 85–89, 90+.
/// </summary>
/// <remarks>
/// Rules reproduced from the package: aᵢ = 0.1 for age 0 and 0.5 otherwise; qᵢ = nᵢMᵢ/(1 + nᵢMᵢ(1 − aᵢ)) when
/// Dᵢ ≤ Pᵢ/nᵢ/aᵢ, otherwise 1; l₀ = 100,000; the last band has L = l/M and S²(p) = 4/(D·M²) with weight (l/2)².
/// An area with negative deaths, a population ≤ 0 or deaths &gt; population in any band, or a total population
/// (all ages) ≤ 5,000, gets no values; a value whose 95 % interval is wider than 20 years (1.959964·SE &gt; 10)
/// is suppressed while its limits are still given. The 5,000 rule uses the whole area's population at every
/// starting age (the package checks <c>sum(population)</c> per group before the table is built).
/// </remarks>
public static class LifeExpectancy
{
    /// <summary>Number of age bands: 0, 1–4, 5–9, …, 85–89, 90+.</summary>
    public const int BandCount = 20;

    /// <summary>An area's total population must exceed this for life expectancy to be calculated.</summary>
    public const double MinimumTotalPopulation = 5000;

    /// <summary>Values whose 95 % interval is wider than this many years are suppressed.</summary>
    public const double MaximumIntervalWidth = 20;

    private static readonly int[] StartAgeTable = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

    // qnorm(0.975): the package tests the 20-year rule at 95 % whatever levels are requested.
    private const double Z95 = 1.959963984540054;

    /// <summary>The starting ages of the 20 bands, in order.</summary>
    public static ReadOnlySpan<int> StartAges => StartAgeTable;

    /// <summary>The index (0–19) of a band from its starting age, or −1 when it is not one of the 20.</summary>
    public static int BandIndex(int startAge) => Array.IndexOf(StartAgeTable, startAge);

    /// <summary>
    /// Life expectancy at each of the 20 starting ages for one area. <paramref name="deaths"/> and
    /// <paramref name="population"/> hold the 20 bands in age order.
    /// </summary>
    public static IReadOnlyList<LifeExpectancyAtAge> Calculate(
        ReadOnlySpan<double> deaths, ReadOnlySpan<double> population, IReadOnlyList<ConfidenceLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (deaths.Length != BandCount || population.Length != BandCount)
            throw new ArgumentException($"Life expectancy needs exactly {BandCount} age bands (0, 1–4, 5–9, …, 85–89, 90+); got {deaths.Length} deaths and {population.Length} populations.");

        Span<double> expectancy = stackalloc double[BandCount];
        Span<double> se = stackalloc double[BandCount];
        Span<LifeExpectancyStatus> status = stackalloc LifeExpectancyStatus[BandCount];
        CalculateBatch(deaths, population, expectancy, se, status);

        var result = new LifeExpectancyAtAge[BandCount];
        for (var i = 0; i < BandCount; i++)
        {
            var intervals = new Interval[levels.Count];
            for (var k = 0; k < intervals.Length; k++) intervals[k] = Limits(expectancy[i], se[i], status[i], levels[k]);
            var reported = status[i] == LifeExpectancyStatus.Calculated ? expectancy[i] : double.NaN;
            result[i] = new LifeExpectancyAtAge(StartAgeTable[i], reported, se[i], intervals, status[i], NoteFor(status[i]));
        }

        return result;
    }

    /// <summary>
    /// The allocation-free batch form: many areas laid out area after area, 20 bands each, in age order.
    /// Writes the unsuppressed life expectancy and its standard error per band, and each band's status;
    /// the value to report is <paramref name="expectancy"/> when the status is <see cref="LifeExpectancyStatus.Calculated"/>,
    /// and limits come from <see cref="Limits"/>.
    /// </summary>
    public static void CalculateBatch(
        ReadOnlySpan<double> deaths, ReadOnlySpan<double> population,
        Span<double> expectancy, Span<double> standardError, Span<LifeExpectancyStatus> status)
    {
        if (deaths.Length != population.Length || deaths.Length % BandCount != 0)
            throw new ArgumentException($"Deaths and population must hold {BandCount} age bands per area, area after area; got {deaths.Length} deaths and {population.Length} populations.");
        if (expectancy.Length < deaths.Length || standardError.Length < deaths.Length || status.Length < deaths.Length)
            throw new ArgumentException("The output spans must be as long as the input.");

        for (var start = 0; start < deaths.Length; start += BandCount)
        {
            CalculateArea(
                deaths.Slice(start, BandCount), population.Slice(start, BandCount),
                expectancy.Slice(start, BandCount), standardError.Slice(start, BandCount), status.Slice(start, BandCount));
        }
    }

    /// <summary>Limits e ∓ z·SE at one level; <see cref="Interval.None"/> when the area was not calculated or they are not finite.</summary>
    public static Interval Limits(double expectancy, double standardError, LifeExpectancyStatus status, ConfidenceLevel level)
    {
        if (status is not (LifeExpectancyStatus.Calculated or LifeExpectancyStatus.ConfidenceIntervalTooWide)) return Interval.None;
        var lower = expectancy - (level.Z * standardError);
        var upper = expectancy + (level.Z * standardError);
        return double.IsFinite(lower) && double.IsFinite(upper) ? new Interval(lower, upper) : Interval.None;
    }

    /// <summary>The note for a status, in PHEindicatormethods' wording; null when calculated.</summary>
    public static string? NoteFor(LifeExpectancyStatus status) => status switch
    {
        LifeExpectancyStatus.Calculated => null,
        LifeExpectancyStatus.NegativeDeaths => "some age bands have negative deaths; outputs have been suppressed to NAs",
        LifeExpectancyStatus.NonPositivePopulation => "some age bands have a zero or less population; outputs have been suppressed to NAs",
        LifeExpectancyStatus.DeathsExceedPopulation => "some age bands have more deaths than population; outputs have been suppressed to NAs",
        LifeExpectancyStatus.TotalPopulationTooSmall => "total population of less than 5,000; outputs have been suppressed to NAs",
        LifeExpectancyStatus.NoDeathsInOldestBand => "there must be at least one death in the 90+ interval for the calculations to be possible",
        LifeExpectancyStatus.ConfidenceIntervalTooWide => "life expectancy has a 95% confidence interval > 20 years; value has been suppressed to NA",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static void CalculateArea(
        ReadOnlySpan<double> deaths, ReadOnlySpan<double> population,
        Span<double> expectancy, Span<double> standardError, Span<LifeExpectancyStatus> status)
    {
        var areaStatus = CheckArea(deaths, population);
        if (areaStatus != LifeExpectancyStatus.Calculated)
        {
            expectancy.Fill(double.NaN);
            standardError.Fill(double.NaN);
            status.Fill(areaStatus);
            return;
        }

        const int last = BandCount - 1;
        Span<double> q = stackalloc double[BandCount];
        Span<double> l = stackalloc double[BandCount];
        Span<double> lived = stackalloc double[BandCount];

        // Probability of dying in each band (Chiang II), with the package's cap at 1.
        for (var i = 0; i < BandCount; i++)
        {
            var m = deaths[i] / population[i];
            var n = i < last ? StartAgeTable[i + 1] - StartAgeTable[i] : 2 / m;
            var a = i == 0 ? 0.1 : 0.5;
            q[i] = deaths[i] <= population[i] / n / a ? m * n / (1 + (m * n * (1 - a))) : 1;
        }

        // Survivors to the start of each band, and person-years lived in it.
        l[0] = 1e5;
        for (var i = 1; i < BandCount; i++) l[i] = l[i - 1] * (1 - q[i - 1]);
        for (var i = 0; i < last; i++)
        {
            var n = StartAgeTable[i + 1] - StartAgeTable[i];
            var a = i == 0 ? 0.1 : 0.5;
            lived[i] = n * (l[i + 1] + (a * (l[i] - l[i + 1])));
        }

        var lastRate = deaths[last] / population[last];
        lived[last] = l[last] / lastRate;

        // Expectancy e = T/l with T the person-years from the band on; variance by Chiang, with Silcocks' last band.
        var total = 0.0;
        var weighted = 0.0;
        var nextExpectancy = 0.0;
        for (var i = last; i >= 0; i--)
        {
            total += lived[i];
            var e = l[i] == 0 ? 0 : total / l[i];
            double weight;
            if (i == last)
            {
                var variance = 4 / (deaths[i] * (lastRate * lastRate));
                var half = l[i] / 2;
                weight = half * half * variance;
            }
            else
            {
                var died = l[i] - l[i + 1];
                var variance = died == 0 ? 0 : q[i] * q[i] * (1 - q[i]) / deaths[i];
                var n = StartAgeTable[i + 1] - StartAgeTable[i];
                var a = i == 0 ? 0.1 : 0.5;
                var years = ((1 - a) * n) + nextExpectancy;
                weight = variance * (l[i] * l[i]) * (years * years);
            }

            weighted += weight;
            var se = Math.Sqrt(weighted / (l[i] * l[i]));

            expectancy[i] = e;
            standardError[i] = se;
            status[i] = Z95 * se > MaximumIntervalWidth / 2 ? LifeExpectancyStatus.ConfidenceIntervalTooWide : LifeExpectancyStatus.Calculated;
            nextExpectancy = e;
        }
    }

    // Area-level rules, in the order the package applies them.
    private static LifeExpectancyStatus CheckArea(ReadOnlySpan<double> deaths, ReadOnlySpan<double> population)
    {
        var negativeDeaths = false;
        var nonPositivePopulation = false;
        var deathsExceedPopulation = false;
        var totalPopulation = 0.0;
        for (var i = 0; i < BandCount; i++)
        {
            if (double.IsNaN(deaths[i]) || double.IsNaN(population[i]))
                throw new ArgumentException($"Deaths and population must be numbers (band starting at {StartAgeTable[i]}).");
            negativeDeaths |= deaths[i] < 0;
            nonPositivePopulation |= population[i] <= 0;
            deathsExceedPopulation |= deaths[i] > population[i];
            totalPopulation += population[i];
        }

        if (negativeDeaths) return LifeExpectancyStatus.NegativeDeaths;
        if (nonPositivePopulation) return LifeExpectancyStatus.NonPositivePopulation;
        if (deathsExceedPopulation) return LifeExpectancyStatus.DeathsExceedPopulation;
        if (totalPopulation <= MinimumTotalPopulation) return LifeExpectancyStatus.TotalPopulationTooSmall;
        return deaths[BandCount - 1] == 0 ? LifeExpectancyStatus.NoDeathsInOldestBand : LifeExpectancyStatus.Calculated;
    }
}
