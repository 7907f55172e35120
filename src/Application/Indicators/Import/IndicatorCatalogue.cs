using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators.Import;

/// <summary>One indicator of the catalogue with how much the store holds of it.</summary>
public sealed record CatalogueEntry(Indicator Indicator, int Periods, int Areas, int Values, string? FirstPeriod, string? LastPeriod);

/// <summary>The catalogue as imports left it: every indicator with the number of periods, areas and values stored.</summary>
public sealed class IndicatorCatalogue(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<CatalogueEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var counts = await db.IndicatorValues.AsNoTracking()
            .GroupBy(v => v.Indicator)
            .Select(g => new
            {
                Indicator = g.Key,
                Periods = g.Select(v => v.Period).Distinct().Count(),
                Areas = g.Select(v => v.Area).Distinct().Count(),
                Values = g.Count(),
            })
            .ToDictionaryAsync(c => c.Indicator, cancellationToken);
        var periods = await db.IndicatorValues.AsNoTracking()
            .Select(v => new { v.Indicator, v.Period, v.PeriodStart, v.PeriodEnd })
            .Distinct()
            .ToListAsync(cancellationToken);
        var ends = periods.GroupBy(p => p.Indicator).ToDictionary(
            g => g.Key,
            g => (First: g.OrderBy(p => p.PeriodStart).ThenBy(p => p.PeriodEnd).First().Period, Last: g.OrderBy(p => p.PeriodEnd).ThenBy(p => p.PeriodStart).Last().Period));
        return [.. indicators.Select(i => counts.TryGetValue(i.Id, out var c)
            ? new CatalogueEntry(i, c.Periods, c.Areas, c.Values, ends[i.Id].First, ends[i.Id].Last)
            : new CatalogueEntry(i, 0, 0, 0, null, null))];
    }

    /// <summary>The types of place each indicator has stored values for (as imported; the engine adds the ICS's own levels).</summary>
    public async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<AreaType>>> AreaTypesAsync(CancellationToken cancellationToken = default)
    {
        var pairs = await db.IndicatorValues.AsNoTracking().Select(v => new { v.Indicator, v.AreaType }).Distinct().ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.Indicator).ToDictionary(g => g.Key, g => (IReadOnlyList<AreaType>)[.. g.Select(p => p.AreaType).Order()]);
    }
}
