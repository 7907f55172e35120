using Commonweal.Application.Indicators.Demo;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Targeting;

/// <summary>
/// A published figure a trait is compared with: an indicator's value for a district or practice (as published, in the
/// indicator's unit, with its 95 % limits when published), the people it counts (ages), and whether the generator is
/// calibrated to it (<see cref="Calibrated"/>) or it is only reported (district smoking, which follows from the practices').
/// </summary>
public sealed record PublishedFigure(
    Trait Trait,
    TargetLevel Level,
    AreaCode Area,
    int Unit,
    string Indicator,
    string Period,
    double Value,
    double? Lower95,
    double? Upper95,
    double Multiplier,
    int MinAge,
    int MaxAge,
    bool Calibrated)
{
    /// <summary>The rate as a proportion.</summary>
    public double Rate => Value / Multiplier;
}

/// <summary>
/// Which published figure each trait is calibrated to (docs/methods/synthetic-population.md, "Calibration targets"):
/// smoking per practice (Fingertips 91547, QOF, 15+), overweight, inactivity and depression per district (OHID district
/// profiles), the QOF registers per district (QOF modelled prevalence 2019-20); low income and unemployment per LSOA (the
/// IoD2025 income and employment scores). Indicators are found by Fingertips number or by their published name.
/// </summary>
public static class CalibrationTargets
{
    private sealed record Spec(Trait Trait, TargetLevel Level, int MinAge, int MaxAge, IndicatorId[] Ids, string? Name = null, bool Calibrated = true);

    private const int Oldest = SyntheticPopulation.OldestAge;

    private static readonly Spec[] Specs =
    [
        new(Trait.Smoker, TargetLevel.Practice, 15, Oldest, [new(91547), DemoIndicators.Smoking]),
        new(Trait.Smoker, TargetLevel.District, 15, Oldest, [new(91547), DemoIndicators.Smoking], Calibrated: false),
        new(Trait.ExcessWeight, TargetLevel.District, 18, Oldest, [], "Overweight (including obesity) prevalence in adults, (using adjusted self-reported height and weight)"),
        new(Trait.Inactive, TargetLevel.District, 19, Oldest, [], "Percentage of physically inactive adults"),
        new(Trait.Depression, TargetLevel.District, 18, Oldest, [], "Depression: QOF prevalence"),
        new(Trait.Hypertension, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Hypertension (HYP)"),
        new(Trait.Diabetes, TargetLevel.District, 17, Oldest, [], "QOF prevalence: Diabetes mellitus (DM)"),
        new(Trait.Copd, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Chronic obstructive pulmonary disease (COPD)"),
        new(Trait.Smi, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Mental health (MH)"),
        new(Trait.Cancer, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Cancer (CAN)"),
        new(Trait.LearningDisability, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Learning disability (LD)"),
        new(Trait.Asthma, TargetLevel.District, 0, Oldest, [], "QOF prevalence: Asthma (AST)"),
        new(Trait.Epilepsy, TargetLevel.District, 18, Oldest, [], "QOF prevalence: Epilepsy (EP)"),
    ];

    /// <summary>The published figures in the store for the frame's districts and practices: each indicator's latest period.</summary>
    public static async Task<IReadOnlyList<PublishedFigure>> PublishedAsync(CommonwealDbContext db, PopulationFrame frame, CancellationToken cancellationToken)
    {
        var catalogue = await db.Indicators.AsNoTracking().Select(i => new { i.Id, i.Name, i.Multiplier }).ToListAsync(cancellationToken);
        var figures = new List<PublishedFigure>();
        foreach (var spec in Specs)
        {
            var indicator = catalogue.FirstOrDefault(i => spec.Ids.Contains(i.Id))
                ?? catalogue.FirstOrDefault(i => spec.Name is not null && string.Equals(i.Name, spec.Name, StringComparison.OrdinalIgnoreCase));
            if (indicator is null) continue;
            var (type, units) = spec.Level == TargetLevel.Practice
                ? (AreaType.Practice, frame.Practices.Select(p => p.Code).ToList())
                : (AreaType.District, frame.Districts.ToList());
            var rows = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Indicator == indicator.Id && v.AreaType == type && v.Sex == Sex.Persons && v.CategoryType == "" && v.Value != null)
                .Select(v => new { v.Area, v.Period, v.PeriodEnd, v.Value, v.Lower95, v.Upper95 })
                .ToListAsync(cancellationToken);
            rows = [.. rows.Where(r => units.Contains(r.Area))];
            if (rows.Count == 0) continue;
            var latest = rows.Max(r => r.PeriodEnd);
            foreach (var row in rows.Where(r => r.PeriodEnd == latest).DistinctBy(r => r.Area))
            {
                figures.Add(new PublishedFigure(spec.Trait, spec.Level, row.Area, units.IndexOf(row.Area), indicator.Name, row.Period,
                    row.Value!.Value, row.Lower95, row.Upper95, indicator.Multiplier, spec.MinAge, spec.MaxAge, spec.Calibrated));
            }
        }

        return figures;
    }

    /// <summary>
    /// The targets of the traits that have published figures (units without one take the average of those with one), and
    /// low income and unemployment per LSOA where the frame's LSOAs have IoD2025 income and employment scores.
    /// </summary>
    public static IReadOnlyList<TraitTarget> Targets(PopulationFrame frame, IReadOnlyList<PublishedFigure> published)
    {
        var targets = new List<TraitTarget>();
        foreach (var group in published.Where(f => f.Calibrated).GroupBy(f => (f.Trait, f.Level)))
        {
            var first = group.First();
            var rates = group.ToDictionary(f => f.Unit, f => f.Rate);
            targets.Add(new TraitTarget(first.Trait, first.Level, rates, rates.Values.Average(), first.MinAge, first.MaxAge, $"{first.Indicator} ({first.Period})"));
        }

        foreach (var (trait, domain, minAge, maxAge) in new[] { (Trait.LowIncome, DeprivationDomain.Income, 0, SyntheticPopulation.OldestAge), (Trait.Unemployed, DeprivationDomain.Employment, 18, 64) })
        {
            var rates = new Dictionary<int, double>();
            for (var l = 0; l < frame.Lsoas.Count; l++)
                if (frame.Lsoas[l].DomainScore[(int)domain] is { } score) rates[l] = score;
            if (rates.Count > 0)
                targets.Add(new TraitTarget(trait, TargetLevel.Lsoa, rates, rates.Values.Average(), minAge, maxAge, $"IoD2025 {domain.Label().ToLowerInvariant()} domain score"));
        }

        return targets;
    }
}
