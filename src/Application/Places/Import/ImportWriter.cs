using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>Stores an <see cref="ImportBatch"/> with bulk upserts, inside the caller's transaction.</summary>
public static class ImportWriter
{
    /// <returns>The number of rows inserted or changed (0 when the store already held exactly this batch).</returns>
    public static async Task<int> WriteAsync(CommonwealDbContext db, ImportBatch batch, CancellationToken cancellationToken)
    {
        var changed = 0;
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Areas, a => a.Code), null, cancellationToken);
        changed += await BulkWriter.InsertMissingAsync(db, LastOf(batch.AreasIfMissing, a => a.Code), cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Memberships, m => (m.Child, m.ParentType, m.ValidFrom)), null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Populations, p => (p.Area, p.Kind, p.Period, p.Sex, p.AgeBand)), null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Deprivation, d => d.Lsoa), batch.DeprivationColumns.Distinct().ToList(), cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Boundaries, b => b.Area), null, cancellationToken);
        return changed;
    }

    /// <summary>Removes every place, membership, population, deprivation and boundary row (to replace the demo with real data).</summary>
    public static async Task ClearPlacesAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        await db.Boundaries.ExecuteDeleteAsync(cancellationToken);
        await db.Deprivation.ExecuteDeleteAsync(cancellationToken);
        await db.Populations.ExecuteDeleteAsync(cancellationToken);
        await db.AreaMemberships.ExecuteDeleteAsync(cancellationToken);
        await db.Areas.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>One row per key, the last given winning (one statement may not upsert the same key twice).</summary>
    private static List<T> LastOf<T, TKey>(List<T> rows, Func<T, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>(rows.Count);
        var result = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            if (index.TryGetValue(key(row), out var at))
            {
                result[at] = row;
            }
            else
            {
                index[key(row)] = result.Count;
                result.Add(row);
            }
        }

        return result;
    }
}
