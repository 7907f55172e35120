using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Values worked out from age-specific counts and populations (the generic age-band format): a directly
/// standardised rate by Dobson's method on the 2013 European Standard Population where the bands are its five-year
/// bands (all of them, or a run of them such as 0–74 for an under-75 rate), or a life expectancy at birth by Chiang
/// II where the bands are the life table's 0, 1–4, 5–9, …, 90+.
/// </summary>
public static class AgeBandValues
{
    /// <summary>Whether the bands are the life table's (they split off age 0).</summary>
    public static bool AreLifeTable(IEnumerable<AgeBand> bands) => bands.Any(b => b.From == 0 && b.To == 0);

    /// <summary>The ESP 2013 band (0-based) an age band is, or −1.</summary>
    public static int EspBand(AgeBand band) =>
        band.From % 5 == 0 && band.From <= 90 && (band.From == 90 ? band.To is null : band.To == band.From + 4) ? band.From / 5 : -1;

    /// <summary>The life table band (0-based) an age band is, or −1.</summary>
    public static int LifeTableBand(AgeBand band)
    {
        var index = LifeExpectancy.BandIndex(band.From);
        if (index < 0) return -1;
        int? last = index == LifeExpectancy.BandCount - 1 ? null : LifeExpectancy.StartAges[index + 1] - 1;
        return band.To == last ? index : -1;
    }

    /// <summary>Why a set of bands cannot give a value, or null when it can.</summary>
    public static string? Problem(IReadOnlyCollection<AgeBand> bands)
    {
        if (AreLifeTable(bands))
        {
            return bands.Count == LifeExpectancy.BandCount && bands.All(b => LifeTableBand(b) >= 0)
                ? null
                : "a life expectancy needs the 20 bands of the life table: 0, 1-4, 5-9, …, 85-89, 90+";
        }

        var esp = bands.Select(EspBand).Order().ToList();
        if (esp.Contains(-1)) return "a directly standardised rate needs the five-year bands of the European Standard Population 2013 (0-4, 5-9, …, 85-89, 90+)";
        return esp.Count == esp[^1] - esp[0] + 1 ? null : "the bands must run without a gap (e.g. 0-4 to 70-74 for an under-75 rate)";
    }

    /// <summary>The value type the bands show, as evidence for the catalogue.</summary>
    public static Evidence Evidence(IReadOnlyList<StagedAgeCount> counts) =>
        AreLifeTable(counts.Select(c => c.AgeBand))
            ? new Evidence(IndicatorValueType.LifeExpectancy, 1, Strength.Standardised, "deaths and populations in the 20 bands of a life table")
            : new Evidence(IndicatorValueType.Dsr, 100_000, Strength.Standardised, "age-specific counts and populations in the bands of the European Standard Population 2013");

    /// <summary>The age the value is for, as Fingertips labels it: "All ages", "&lt;75 yrs", "65+ yrs", "35-74 yrs".</summary>
    public static string AgeLabel(IReadOnlyCollection<AgeBand> bands)
    {
        var from = bands.Min(b => b.From);
        var to = bands.Any(b => b.To is null) ? (int?)null : bands.Max(b => b.To!.Value);
        return (from, to) switch
        {
            (0, null) => IndicatorValue.AllAges,
            (0, { } t) => $"<{t + 1} yrs",
            (var f, null) => $"{f}+ yrs",
            var (f, t) => $"{f}-{t} yrs",
        };
    }

    /// <summary>The value of one area, period, sex and category from its bands (in any order), with limits at 95 % and 99.8 %.</summary>
    public static (ComputedFigures Figures, double Count, double Population, string? Note) Compute(IndicatorValueType type, double multiplier, IReadOnlyList<StagedAgeCount> bands)
    {
        if (type == IndicatorValueType.LifeExpectancy)
        {
            var ordered = bands.OrderBy(b => b.AgeBand.From).ToList();
            var deaths = ordered.Select(b => b.Count.Value).ToArray();
            var population = ordered.Select(b => b.Population.Value).ToArray();
            var atBirth = LifeExpectancy.Calculate(deaths, population, ConfidenceLevel.Standard)[0];
            return (new ComputedFigures(atBirth.Value, atBirth.Intervals[0], atBirth.Intervals[1]), deaths.Sum(), population.Sum(), atBirth.Note);
        }

        var esp = bands.OrderBy(b => b.AgeBand.From).ToList();
        var weights = esp.Select(b => EuropeanStandardPopulation2013.Weights[EspBand(b.AgeBand)]).ToArray();
        var result = Dsr.Dobson(esp.Select(b => b.Count.Value).ToArray(), esp.Select(b => b.Population.Value).ToArray(), weights, ConfidenceLevel.Standard, multiplier);
        return (new ComputedFigures(result.Value, result.Limits[0], result.Limits[1]), result.TotalCount, result.TotalPopulation, result.Note);
    }
}
