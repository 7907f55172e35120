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
public sealed class PopulationCalibration(PopulationFrames frames, PopulationStore store)
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

    public static Refusal NoPopulation { get; } = new("no population", "There is no person-level population in the store: run `commonweal population generate --seed <n>` (or import an extract).", RefusalKind.NotLoaded);

    public static List<CalibrationRow> Compare(SyntheticPopulation population, int scale, BuiltFrame built)
    {
        var rows = new List<CalibrationRow>();
        var lsoaOf = population.LsoaOf;
        var districtIndex = population.Districts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var practiceIndex = population.PracticeCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

        foreach (var figure in built.Published)
        {
            Func<int, bool> inArea = figure.Level == TargetLevel.Practice
                ? practiceIndex.TryGetValue(figure.Area, out var p) ? i => population.Practices[i] == p : _ => false
                : districtIndex.TryGetValue(figure.Area, out var d) ? i => population.Lsoas[lsoaOf[i]].District == d : _ => false;
            var (have, of) = Count(population, figure.Trait, figure.MinAge, figure.MaxAge, inArea);
            if (of == 0) continue;
            var synthetic = figure.Multiplier * have / of;
            var within = figure.Lower95 is { } lo && figure.Upper95 is { } hi
                ? synthetic >= lo && synthetic <= hi
                : Math.Abs(synthetic - figure.Value) <= PercentagePoints * figure.Multiplier / 100;
            rows.Add(new CalibrationRow(figure.Trait.Name(), figure.Area, synthetic, figure.Value, figure.Lower95, figure.Upper95, within,
                $"{figure.Indicator} ({figure.Period}){(figure.Calibrated ? string.Empty : ", reported only")}"));
        }

        rows.AddRange(LsoaRates(population, built.Frame));
        rows.AddRange(Residents(population, scale, built.Frame));
        rows.AddRange(ListShares(population, built.Frame));
        rows.AddRange(Frailty(population, built.Ics));
        return rows;
    }

    private static (long Have, long Of) Count(SyntheticPopulation population, Trait trait, int minAge, int maxAge, Func<int, bool> inArea)
    {
        long have = 0, of = 0;
        var only = TraitModels.For(trait).OnlySex;
        for (var i = 0; i < population.Count; i++)
        {
            var age = population.Ages[i];
            if (age < minAge || age > maxAge || (only is { } sex && population.SexOf(i) != sex) || !inArea(i)) continue;
            of++;
            if (population.Traits[i].Has(trait)) have++;
        }

        return (have, of);
    }

    /// <summary>Low income and unemployment by district, against the IoD2025 scores of its LSOAs weighted by their people of the ages counted.</summary>
    private static IEnumerable<CalibrationRow> LsoaRates(SyntheticPopulation population, PopulationFrame frame)
    {
        foreach (var target in frame.Targets.Where(t => t.Level == TargetLevel.Lsoa))
        {
            var scale = population.Lsoas.Count / Math.Max(1, frame.Lsoas.Count);
            for (var d = 0; d < population.Districts.Count; d++)
            {
                double have = 0, of = 0, expected = 0;
                for (var l = 0; l < population.Lsoas.Count; l++)
                {
                    if (population.Lsoas[l].District != d) continue;
                    var rate = target.RateOf(l / scale);
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
        for (var d = 0; d < frame.Districts.Count; d++)
        {
            for (var b = 0; b < frame.Bands.Count; b++)
            {
                var band = frame.Bands[b];
                var published = frame.Lsoas.Where(l => l.District == d).Sum(l => l.BandCounts[b]);
                long synthetic = 0;
                for (var l = 0; l < population.Lsoas.Count; l++)
                {
                    if (population.Lsoas[l].District != d) continue;
                    for (var i = population.Offsets[l]; i < population.Offsets[l + 1]; i++)
                        if (population.Ages[i] >= band.From && population.Ages[i] <= (band.To ?? int.MaxValue)) synthetic++;
                }

                var perCopy = (double)synthetic / scale;
                yield return new CalibrationRow("residents_" + band.Code, frame.Districts[d], perCopy, published, null, null, perCopy == published, "ONS Census 2021 usual residents by age band, per LSOA");
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
