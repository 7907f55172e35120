using Commonweal.Core.Indicators;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators.Import;

/// <summary>Rows an import inserted or changed; <see cref="ReplacedValues"/> of the values were stored before with other figures.</summary>
public sealed record WrittenRows(int Indicators, int Values, int AgeCounts, int ReplacedValues)
{
    public int Total => Indicators + Values + AgeCounts;
}

/// <summary>Stores an import's catalogue entries, values and age bands with bulk upserts, inside the caller's transaction.</summary>
public static class IndicatorWriter
{
    /// <returns>The rows inserted or changed (none when the store already held exactly these).</returns>
    public static async Task<WrittenRows> WriteAsync(
        CommonwealDbContext db,
        IReadOnlyCollection<Indicator> indicators,
        IReadOnlyCollection<IndicatorValue> values,
        IReadOnlyCollection<IndicatorAgeCount> ageCounts,
        CancellationToken cancellationToken)
    {
        var ids = values.Select(v => v.Indicator).Distinct().ToList();
        var before = await db.IndicatorValues.CountAsync(v => ids.Contains(v.Indicator), cancellationToken);
        var catalogue = await BulkWriter.UpsertAsync(db, indicators, null, cancellationToken);
        var written = await BulkWriter.UpsertAsync(db, values, null, cancellationToken);
        var bands = await BulkWriter.UpsertAsync(db, ageCounts, null, cancellationToken);
        // A value written that is not a new row replaced one stored with other figures (by another file, or an earlier edition of this one).
        var inserted = await db.IndicatorValues.CountAsync(v => ids.Contains(v.Indicator), cancellationToken) - before;
        return new WrittenRows(catalogue, written, bands, written - inserted);
    }
}
