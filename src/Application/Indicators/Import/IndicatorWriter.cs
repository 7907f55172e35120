using Commonweal.Core.Indicators;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;

namespace Commonweal.Application.Indicators.Import;

/// <summary>Stores an import's catalogue entries, values and age bands with bulk upserts, inside the caller's transaction.</summary>
public static class IndicatorWriter
{
    /// <returns>The rows inserted or changed (0 when the store already held exactly these).</returns>
    public static async Task<int> WriteAsync(
        CommonwealDbContext db,
        IReadOnlyCollection<Indicator> indicators,
        IReadOnlyCollection<IndicatorValue> values,
        IReadOnlyCollection<IndicatorAgeCount> ageCounts,
        CancellationToken cancellationToken)
    {
        var changed = await BulkWriter.UpsertAsync(db, indicators, null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, values, null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, ageCounts, null, cancellationToken);
        return changed;
    }
}
