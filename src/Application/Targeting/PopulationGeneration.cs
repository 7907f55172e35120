using System.Diagnostics;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Targeting;

/// <summary>One line of the calibration report: a characteristic in an area, synthetic against published (same unit), and whether it is within the tolerance.</summary>
public sealed record CalibrationRow(string Characteristic, AreaCode Area, double Synthetic, double Published, double? Lower95, double? Upper95, bool Within, string Source);

/// <summary>What <c>population generate</c> did.</summary>
public sealed record GeneratedPopulation(StoredPopulation Stored, TimeSpan Generating, TimeSpan Saving, string Description);

/// <summary>
/// Generates and stores the ICS's synthetic population, and reports how it compares with the published figures
/// (docs/methods/synthetic-population.md, "Calibration targets and tolerances").
/// </summary>
public sealed class PopulationGeneration(PopulationFrames frames, PopulationStore store)
{
    /// <summary>Where no interval is published, a synthetic rate within this many percentage points of the published one is within tolerance.</summary>
    public const double PercentagePoints = 0.5;

    /// <summary>The frailtytoolkit's approximate shares of people 65+ by eFI category, and the tolerance on them (percentage points).</summary>
    public static readonly IReadOnlyList<(FrailtyCategory Category, double Percent)> FrailtyShares =
        [(FrailtyCategory.Fit, 50), (FrailtyCategory.Mild, 35), (FrailtyCategory.Moderate, 12), (FrailtyCategory.Severe, 3)];

    public const double FrailtyPoints = 5;

    /// <summary>A practice's share of its pool's registrations is within this many percentage points of its share of the published lists.</summary>
    public const double SharePoints = 0.01;

    public async Task<Answer<GeneratedPopulation>> GenerateAsync(long seed, int scale, string actor, CancellationToken cancellationToken = default)
    {
        var built = await frames.BuildAsync(null, cancellationToken);
        if (built.Refusal is { } refusal) return refusal;
        var clock = Stopwatch.StartNew();
        var population = PopulationGenerator.Generate(built.Value!.Frame, unchecked((ulong)seed), scale);
        var generating = clock.Elapsed;
        var description = $"seed {seed}, scale {scale}: {built.Value.Description}";
        var stored = await store.SaveAsync(population, PopulationSource.Synthetic, seed, scale, description, actor, cancellationToken);
        return new GeneratedPopulation(stored, generating, clock.Elapsed - generating, description);
    }

    public async Task<Answer<IReadOnlyList<CalibrationRow>>> ReportAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadAsync(cancellationToken);
        if (loaded is null) return NoPopulation;
        var built = await frames.BuildAsync(null, cancellationToken);
        if (built.Refusal is { } refusal) return refusal;
        return Compare(loaded.People, loaded.Stored.Scale, built.Value!);
    }

    public static Refusal NoPopulation { get; } = new("no population", "There is no person-level population in the store: run `commonweal population generate --seed <n>`, or import a pseudonymised extract with `commonweal population import <file>` (docs/population-extract.md).", RefusalKind.NotLoaded);

    public static List<CalibrationRow> Compare(SyntheticPopulation population, int scale, BuiltFrame built)
    {
        var rows = new List<CalibrationRow>();
        var index = new Dictionary<TargetLevel, Dictionary<AreaCode, int>>
        {
            [TargetLevel.District] = population.Districts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i),
            [TargetLevel.Practice] = population.PracticeCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i),
        };

        // One pass over the people for each trait, level and ages, counting by unit; then a row per published figure.
        foreach (var figures in built.Published.GroupBy(f => (f.Trait, f.Level, f.MinAge, f.MaxAge)))
        {
            var (trait, level, minAge, maxAge) = figures.Key;
            var (have, of) = Count(population, trait, minAge, maxAge, PopulationUnits.Of(population, level, scale), index[level].Count);
            foreach (var figure in figures)
            {
                if (!index[level].TryGetValue(figure.Area, out var unit) || of[unit] == 0) continue;
                var synthetic = figure.Multiplier * have[unit] / of[unit];
                var within = figure.Lower95 is { } lo && figure.Upper95 is { } hi
                    ? synthetic >= lo && synthetic <= hi
                    : Math.Abs(synthetic - figure.Value) <= PercentagePoints * figure.Multiplier / 100;
                rows.Add(new CalibrationRow(trait.Name(), figure.Area, synthetic, figure.Value, figure.Lower95, figure.Upper95, within,
                    $"{figure.Indicator} ({figure.Period}){(figure.Calibrated ? string.Empty : ", reported only")}"));
            }
        }

        rows.AddRange(LsoaRates(population, built.Frame));
        rows.AddRange(Residents(population, scale, built.Frame));
        rows.AddRange(ListShares(population, built.Frame));
        rows.AddRange(Frailty(population, built.Ics));
        return rows;
    }

    /// <summary>For each unit (0 … units − 1; people in no unit are skipped), people of the ages (and sex) counted, and those with the trait.</summary>
    private static (long[] Have, long[] Of) Count(SyntheticPopulation population, Trait trait, int minAge, int maxAge, int[] unitOf, int units)
    {
        var (have, of) = (new long[units], new long[units]);
        var only = TraitModels.For(trait).OnlySex;
        for (var i = 0; i < population.Count; i++)
        {
            var (age, unit) = (population.Ages[i], unitOf[i]);
            if (unit < 0 || unit >= units || age < minAge || age > maxAge || (only is { } sex && population.SexOf(i) != sex)) continue;
            of[unit]++;
            if (population.Traits[i].Has(trait)) have[unit]++;
        }

        return (have, of);
    }

    /// <summary>Low income and unemployment by district, against the IoD2025 scores of its LSOAs weighted by their people of the ages counted.</summary>
    private static IEnumerable<CalibrationRow> LsoaRates(SyntheticPopulation population, PopulationFrame frame)
    {
        foreach (var target in frame.Targets.Where(t => t.Level == TargetLevel.Lsoa))
        {
            var frameIndex = frame.Lsoas.Select((l, k) => (l.Code, k)).ToDictionary(x => x.Code, x => x.k);
            for (var d = 0; d < population.Districts.Count; d++)
            {
                double have = 0, of = 0, expected = 0;
                for (var l = 0; l < population.Lsoas.Count; l++)
                {
                    if (population.Lsoas[l].District != d || !frameIndex.TryGetValue(population.Lsoas[l].Code, out var k)) continue;
                    var rate = target.RateOf(k);
                    for (var i = population.Offsets[l]; i < population.Offsets[l + 1]; i++)
                    {
                        if (population.Ages[i] < target.DenominatorMinAge || population.Ages[i] > target.DenominatorMaxAge) continue;
                        of++;
                        expected += rate;
                        if (population.Traits[i].Has(target.Trait)) have++;
                    }
                }

                if (of == 0) continue;
                var (synthetic, published) = (100 * have / of, 100 * expected / of);
                yield return new CalibrationRow(target.Trait.Name(), population.Districts[d], synthetic, published, null, null,
                    Math.Abs(synthetic - published) <= PercentagePoints, target.Source + ", per LSOA, weighted by people of the ages counted");
            }
        }
    }

    /// <summary>Residents by district and Census age band: the generator keeps each LSOA's bands exactly (÷ the scale).</summary>
    private static IEnumerable<CalibrationRow> Residents(SyntheticPopulation population, int scale, PopulationFrame frame)
    {
        var bandOf = new int[SyntheticPopulation.OldestAge + 1];
        for (var b = 0; b < frame.Bands.Count; b++)
            for (var age = frame.Bands[b].From; age <= Math.Min(frame.Bands[b].To ?? SyntheticPopulation.OldestAge, SyntheticPopulation.OldestAge); age++) bandOf[age] = b;
        var synthetic = new long[population.Districts.Count, frame.Bands.Count];
        for (var l = 0; l < population.Lsoas.Count; l++)
        {
            var district = population.Lsoas[l].District;
            if (district < 0) continue;
            for (var i = population.Offsets[l]; i < population.Offsets[l + 1]; i++) synthetic[district, bandOf[population.Ages[i]]]++;
        }

        for (var d = 0; d < frame.Districts.Count; d++)
        {
            var ours = population.Districts.ToList().IndexOf(frame.Districts[d]);
            if (ours < 0) continue;
            for (var b = 0; b < frame.Bands.Count; b++)
            {
                var published = frame.Lsoas.Where(l => l.District == d).Sum(l => l.BandCounts[b]);
                var perCopy = (double)synthetic[ours, b] / scale;
                yield return new CalibrationRow("residents_" + frame.Bands[b].Code, frame.Districts[d], perCopy, published, null, null, perCopy == published, "ONS Census 2021 usual residents by age band, per LSOA");
            }
        }
    }

    /// <summary>Each practice's share of its pool's synthetic registrations against its share of the pool's published list sizes.</summary>
    private static IEnumerable<CalibrationRow> ListShares(SyntheticPopulation population, PopulationFrame frame)
    {
        var registered = new long[population.PracticeCodes.Count];
        foreach (var p in population.Practices)
            if (p >= 0) registered[p]++;
        foreach (var pool in frame.Practices.Select((p, i) => (p, i)).GroupBy(x => x.p.Pool))
        {
            var listed = pool.Sum(x => x.p.ListSize);
            var synthetic = pool.Sum(x => registered[x.i]);
            if (listed == 0 || synthetic == 0) continue;
            foreach (var (practice, i) in pool)
            {
                var (ours, theirs) = (100.0 * registered[i] / synthetic, 100.0 * practice.ListSize / listed);
                yield return new CalibrationRow("practice_list_share", practice.Code, ours, theirs, null, null, Math.Abs(ours - theirs) <= SharePoints,
                    "NHS England patients registered at a GP practice: share of the sub-ICB location's lists");
            }
        }
    }

    /// <summary>The eFI categories of people 65+ across the ICS against the frailtytoolkit's approximate shares.</summary>
    private static IEnumerable<CalibrationRow> Frailty(SyntheticPopulation population, IcsDefinition ics)
    {
        var counts = new long[4];
        for (var i = 0; i < population.Count; i++)
            if (population.Ages[i] >= FrailtyTest.FromAge) counts[(int)Efi.Category(population.Deficits[i])]++;
        var older = counts.Sum();
        if (older == 0) yield break;
        foreach (var (category, percent) in FrailtyShares)
        {
            var synthetic = 100.0 * counts[(int)category] / older;
            yield return new CalibrationRow($"efi_{category.ToString().ToLowerInvariant()}_65plus", ics.Code, synthetic, percent, null, null,
                Math.Abs(synthetic - percent) <= FrailtyPoints, "frailtytoolkit.org: approximate share of people 65+ (Clegg et al. 2016)");
        }
    }
}
