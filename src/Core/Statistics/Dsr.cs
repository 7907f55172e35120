namespace Commonweal.Core.Statistics;

/// <summary>A directly standardised rate for one group, its limits (in the order of the levels asked for), and why it is missing when it is.</summary>
/// <param name="TotalCount">Σ Oᵢ: the events (for non-independent events, Σ frequency × people).</param>
/// <param name="TotalPopulation">Σ nᵢ over the group's bands.</param>
/// <param name="Value">The DSR × multiplier, or NaN when not calculated.</param>
/// <param name="Limits">Dobson limits per level; NaN when not calculated.</param>
/// <param name="Method">"Dobson", or "Dobson, with confidence adjusted for non-independent events".</param>
/// <param name="Note">Null, or <see cref="Dsr.TooFewEventsNote"/>.</param>
public sealed record DsrResult(double TotalCount, double TotalPopulation, double Value, IReadOnlyList<Interval> Limits, string Method, string? Note)
{
    /// <summary>True when the DSR was calculated (total count ≥ 10).</summary>
    public bool IsCalculated => Note is null;
}

/// <summary>The totals and value of one group in the batch form of <see cref="Dsr.Dobson(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, ReadOnlySpan{ConfidenceLevel}, Span{DsrSummary}, Span{Interval})"/>.</summary>
public readonly record struct DsrSummary(double TotalCount, double TotalPopulation, double Value)
{
    /// <summary>True when the DSR was calculated (total count ≥ 10); otherwise the note is <see cref="Dsr.TooFewEventsNote"/>.</summary>
    public bool IsCalculated => TotalCount >= Dsr.MinimumCount;
}

/// <summary>
/// One row of person-level event frequencies for the non-independent events variant: <paramref name="People"/>
/// people in age band <paramref name="Band"/> (0-based index into the populations) each had
/// <paramref name="EventFrequency"/> events (PHEindicatormethods <c>calculate_dsr(…, independent_events = FALSE,
/// eventfreq, ageband)</c>, where x is the count of unique people).
/// </summary>
public readonly record struct EventFrequencyCount(int Band, double EventFrequency, double People);

/// <summary>
/// Directly standardised rates by the Dobson method (Dobson et al., Stat Med 1991;10:457–62) with Byar's limits
/// on the total count, as PHEindicatormethods 2.x <c>calculate_dsr</c> (<c>R/DSR.R</c>) and Fingertips:
/// DSR = Σwᵢ(Oᵢ/nᵢ)/Σwᵢ × multiplier; var = Σ Oᵢ(wᵢ/nᵢ)² / (Σwᵢ)²; limits = DSR + √(var/O)·(O_L − O) × multiplier
/// with O = ΣOᵢ and O_L, O_U Byar's limits of O. Not calculated (NaN, note "dsr NA for total count &lt; 10") when
/// O &lt; 10. Missing (NaN) counts count as 0, as R's <c>na.zero</c>; populations must be positive.
/// </summary>
public static class Dsr
{
    /// <summary>Below this total count the DSR is not calculated.</summary>
    public const double MinimumCount = 10;

    /// <summary>The note PHEindicatormethods gives a group whose DSR is not calculated.</summary>
    public const string TooFewEventsNote = "dsr NA for total count < 10";

    /// <summary>The method label for independent events.</summary>
    public const string DobsonMethod = "Dobson";

    /// <summary>The method label for the non-independent events variant.</summary>
    public const string NonIndependentMethod = "Dobson, with confidence adjusted for non-independent events";

    /// <summary>The DSR of one group standardised to the 2013 European Standard Population (19 bands).</summary>
    public static DsrResult Dobson(ReadOnlySpan<double> counts, ReadOnlySpan<double> populations, IReadOnlyList<ConfidenceLevel> levels,
        double multiplier = Rates.PerHundredThousand) =>
        Dobson(counts, populations, EuropeanStandardPopulation2013.Weights, levels, multiplier);

    /// <summary>The DSR of one group against a supplied standard population (one weight per band).</summary>
    /// <exception cref="ArgumentException">Spans of different lengths, a negative count, a population ≤ 0 or a negative weight.</exception>
    public static DsrResult Dobson(ReadOnlySpan<double> counts, ReadOnlySpan<double> populations, ReadOnlySpan<double> standard,
        IReadOnlyList<ConfidenceLevel> levels, double multiplier = Rates.PerHundredThousand)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (counts.Length != populations.Length || counts.Length != standard.Length || counts.Length == 0)
            throw new ArgumentException($"A DSR needs one count, population and standard weight per band (got {counts.Length}, {populations.Length} and {standard.Length}).");
        ValidateStandard(standard);
        double total = 0, population = 0, weighted = 0, squared = 0, weights = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var (x, n) = Checked(counts[i], populations[i], 0, i);
            var w = standard[i];
            total += x;
            population += n;
            weighted += x * w / n;
            var ratio = w / n;
            squared += x * (ratio * ratio);
            weights += w;
        }

        var variance = 1 / (weights * weights) * squared;
        return Finish(total, population, weighted / weights * multiplier, variance, levels, multiplier, DobsonMethod);
    }

    /// <summary>
    /// DSRs for many groups at once: <paramref name="counts"/> and <paramref name="populations"/> hold
    /// <paramref name="bands"/> values per group, contiguous; <paramref name="standard"/> holds either one weight
    /// per band (shared) or one per row. Writes one <see cref="DsrSummary"/> per group and, for group g and level l,
    /// its limits at <c>limits[g × levels.Length + l]</c> (NaN when not calculated). No allocation.
    /// </summary>
    public static void Dobson(ReadOnlySpan<double> counts, ReadOnlySpan<double> populations, ReadOnlySpan<double> standard, int bands,
        double multiplier, ReadOnlySpan<ConfidenceLevel> levels, Span<DsrSummary> summaries, Span<Interval> limits)
    {
        if (bands <= 0 || counts.Length % bands != 0 || populations.Length != counts.Length)
            throw new ArgumentException("counts and populations must hold the same whole number of groups of `bands` values");
        var groups = counts.Length / bands;
        var perRowStandard = standard.Length == counts.Length && standard.Length != bands;
        if (!perRowStandard && standard.Length != bands)
            throw new ArgumentException("standard must hold one weight per band, or one per row");
        if (summaries.Length < groups || limits.Length < groups * levels.Length)
            throw new ArgumentException("summaries and limits need room for every group (and every level)");
        ValidateStandard(standard);

        Span<double> zs = stackalloc double[levels.Length];
        for (var l = 0; l < levels.Length; l++) zs[l] = levels[l].Z;
        double sharedWeights = 0;
        if (!perRowStandard)
            foreach (var w in standard) sharedWeights += w;

        for (var g = 0; g < groups; g++)
        {
            var offset = g * bands;
            var x = counts.Slice(offset, bands);
            var n = populations.Slice(offset, bands);
            var w = perRowStandard ? standard.Slice(offset, bands) : standard;
            double total = 0, population = 0, weighted = 0, squared = 0, weights = 0;
            for (var i = 0; i < bands; i++)
            {
                var count = x[i];
                var pop = n[i];
                if (!(pop > 0) || double.IsPositiveInfinity(pop) || count < 0 || double.IsInfinity(count))
                    Checked(count, pop, g, i);
                if (double.IsNaN(count)) count = 0;
                var weight = w[i];
                total += count;
                population += pop;
                weighted += count * weight / pop;
                var ratio = weight / pop;
                squared += count * (ratio * ratio);
                weights += weight;
            }

            if (!perRowStandard) weights = sharedWeights;
            var row = limits.Slice(g * levels.Length, levels.Length);
            if (total < MinimumCount)
            {
                summaries[g] = new DsrSummary(total, population, double.NaN);
                row.Fill(Interval.None);
                continue;
            }

            var value = weighted / weights * multiplier;
            var variance = 1 / (weights * weights) * squared;
            var spread = Math.Sqrt(variance / total);
            summaries[g] = new DsrSummary(total, population, value);
            for (var l = 0; l < zs.Length; l++)
            {
                var byars = Rates.ByarsLimits(total, zs[l]);
                row[l] = new Interval(value + (spread * (byars.Lower - total) * multiplier), value + (spread * (byars.Upper - total) * multiplier));
            }
        }
    }

    /// <summary>
    /// The non-independent events variant (PHEindicatormethods 2.x <c>calculate_dsr(independent_events = FALSE)</c>):
    /// the input counts unique people by age band and event frequency. The DSR itself uses the events per band,
    /// Oᵢ = Σ_f f × peopleᵢ,f (so it equals the ordinary DSR of the same events), but its variance is
    /// Σ_f f² × var_f, where var_f is the Dobson variance of the people with frequency f alone,
    /// Σᵢ peopleᵢ,f(wᵢ/nᵢ)² / (Σ wᵢ over that frequency's rows)². The limits then use Byar's limits of the total
    /// events as usual. As in the package, each frequency's weight total covers only the rows given for that
    /// frequency, and the DSR's weight total only the bands that appear in some row.
    /// </summary>
    /// <param name="rows">People per (band, frequency); a frequency may be missing for some bands.</param>
    /// <param name="populations">The group's population per band (band index = <see cref="EventFrequencyCount.Band"/>).</param>
    /// <param name="standard">The standard population per band (e.g. <see cref="EuropeanStandardPopulation2013.Weights"/>).</param>
    /// <param name="levels">The confidence levels.</param>
    /// <param name="multiplier">E.g. 100,000.</param>
    public static DsrResult DobsonNonIndependent(ReadOnlySpan<EventFrequencyCount> rows, ReadOnlySpan<double> populations,
        ReadOnlySpan<double> standard, IReadOnlyList<ConfidenceLevel> levels, double multiplier = Rates.PerHundredThousand)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (populations.Length != standard.Length || populations.Length == 0)
            throw new ArgumentException("populations and standard must hold one value per band");
        ValidateStandard(standard);
        var bands = populations.Length;
        var events = new double[bands];
        var present = new bool[bands];
        var frequencies = new List<(double Frequency, double Weights, double Squared)>();
        foreach (var row in rows)
        {
            if (row.Band < 0 || row.Band >= bands)
                throw new ArgumentOutOfRangeException(nameof(rows), row.Band, $"Age band index must be 0–{bands - 1}.");
            if (!double.IsFinite(row.EventFrequency) || row.EventFrequency < 0)
                throw new ArgumentOutOfRangeException(nameof(rows), row.EventFrequency, "Event frequencies must be finite numbers ≥ 0.");
            var (people, n) = Checked(row.People, populations[row.Band], 0, row.Band);
            var w = standard[row.Band];
            present[row.Band] = true;
            events[row.Band] += row.EventFrequency * people;
            var ratio = w / n;
            var index = frequencies.FindIndex(f => f.Frequency == row.EventFrequency);
            if (index < 0)
            {
                frequencies.Add((row.EventFrequency, 0, 0));
                index = frequencies.Count - 1;
            }

            var current = frequencies[index];
            frequencies[index] = (current.Frequency, current.Weights + w, current.Squared + (people * (ratio * ratio)));
        }

        var variance = 0.0;
        foreach (var (frequency, weightTotal, squared) in frequencies)
            variance += 1 / (weightTotal * weightTotal) * squared * (frequency * frequency);

        double total = 0, population = 0, weighted = 0, weights = 0;
        for (var i = 0; i < bands; i++)
        {
            if (!present[i]) continue;
            total += events[i];
            population += populations[i];
            weighted += events[i] * standard[i] / populations[i];
            weights += standard[i];
        }

        return Finish(total, population, weighted / weights * multiplier, variance, levels, multiplier, NonIndependentMethod);
    }

    /// <summary>Why a band's count/population pair cannot enter a DSR, or null when it can (an empty count is allowed and read as 0).</summary>
    public static string? Problem(double count, double population) =>
        double.IsInfinity(count) || count < 0 ? "numerator must be a number ≥ 0"
        : !(population > 0) || double.IsInfinity(population) ? "denominator must be greater than zero"
        : null;

    private static DsrResult Finish(double total, double population, double value, double variance, IReadOnlyList<ConfidenceLevel> levels,
        double multiplier, string method)
    {
        var limits = new Interval[levels.Count];
        if (total < MinimumCount || total == 0)
        {
            Array.Fill(limits, Interval.None);
            return new DsrResult(total, population, double.NaN, limits, method, TooFewEventsNote);
        }

        var spread = Math.Sqrt(variance / total);
        for (var l = 0; l < limits.Length; l++)
        {
            var byars = Rates.ByarsLimits(total, levels[l].Z);
            limits[l] = new Interval(value + (spread * (byars.Lower - total) * multiplier), value + (spread * (byars.Upper - total) * multiplier));
        }

        return new DsrResult(total, population, value, limits, method, null);
    }

    private static (double Count, double Population) Checked(double count, double population, int group, int band)
    {
        if (Problem(count, population) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(count), $"group {group}, band {band + 1} ({count}/{population}): {problem}");
        return (double.IsNaN(count) ? 0 : count, population);
    }

    private static void ValidateStandard(ReadOnlySpan<double> standard)
    {
        foreach (var w in standard)
            if (!(w >= 0) || double.IsInfinity(w))
                throw new ArgumentOutOfRangeException(nameof(standard), w, "Standard population weights must be finite numbers ≥ 0.");
    }
}
