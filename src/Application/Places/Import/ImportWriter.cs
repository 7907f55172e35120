using Commonweal.Core.Places;
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
        changed += await BulkWriter.InsertMissingAsync(db, await NewAreasAsync(db, batch, cancellationToken), cancellationToken);
        var newReleases = await NewReleasesAsync(db, batch, cancellationToken);
        var (newListings, named) = await NewListingsAsync(db, batch, cancellationToken);
        changed += await BulkWriter.InsertMissingAsync(db, newReleases, cancellationToken);
        changed += await BulkWriter.InsertMissingAsync(db, newListings, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, named, [nameof(ReleasedArea.Name)], cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Memberships, m => (m.Child, m.ParentType, m.ObservedOn)), null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Populations, p => (p.Area, p.Kind, p.Period, p.Sex, p.AgeBand)), null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Deprivation, d => (d.Lsoa, d.Vintage)), batch.DeprivationColumns.Distinct().ToList(), cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.Boundaries, b => (b.Area, b.Release)), null, cancellationToken);
        changed += await BulkWriter.UpsertAsync(db, LastOf(batch.LsoaLinks, l => (l.Lsoa2011, l.Lsoa2021)), batch.LsoaLinkColumns.Distinct().ToList(), cancellationToken);
        // Names and validity follow from the releases, so only the types of place a release lists anew can change.
        var touched = newReleases.Select(r => r.Type).Concat(newListings.Concat(named).Select(l => l.Type)).Distinct().ToList();
        changed += await GeographyRecompute.RunAsync(db, touched, cancellationToken);
        return changed;
    }

    /// <summary>Removes every place, release, membership, population, deprivation, link and boundary row (to replace the demo with real data).</summary>
    public static async Task ClearPlacesAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        await db.Boundaries.ExecuteDeleteAsync(cancellationToken);
        await db.LsoaLinks.ExecuteDeleteAsync(cancellationToken);
        await db.Deprivation.ExecuteDeleteAsync(cancellationToken);
        await db.Populations.ExecuteDeleteAsync(cancellationToken);
        await db.AreaMemberships.ExecuteDeleteAsync(cancellationToken);
        await db.ReleasedAreas.ExecuteDeleteAsync(cancellationToken);
        await db.Releases.ExecuteDeleteAsync(cancellationToken);
        await db.Areas.ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<List<GeographyRelease>> NewReleasesAsync(CommonwealDbContext db, ImportBatch batch, CancellationToken cancellationToken)
    {
        var stored = (await db.Releases.AsNoTracking().ToListAsync(cancellationToken)).ToHashSet();
        return LastOf(batch.Releases, r => (r.Type, r.Date, r.Scope)).Where(r => !stored.Contains(r)).ToList();
    }

    /// <summary>The batch's areas the store does not hold yet (reading the codes is cheaper than writing rows that are there).</summary>
    private static async Task<List<Area>> NewAreasAsync(CommonwealDbContext db, ImportBatch batch, CancellationToken cancellationToken)
    {
        var types = batch.Areas.Select(a => a.Type).Distinct().ToList();
        var stored = (await db.Areas.AsNoTracking().Where(a => types.Contains(a.Type)).Select(a => a.Code).ToListAsync(cancellationToken)).ToHashSet();
        return LastOf(batch.Areas, a => a.Code).Where(a => !stored.Contains(a.Code)).ToList();
    }

    /// <summary>
    /// The batch's listings the store does not hold yet, and those it holds by code alone that the batch names. A place
    /// another file of the same release already names differently keeps the stored spelling (so re-importing a folder
    /// changes nothing whatever the order); the difference is noted.
    /// </summary>
    private static async Task<(List<ReleasedArea> Added, List<ReleasedArea> Named)> NewListingsAsync(CommonwealDbContext db, ImportBatch batch, CancellationToken cancellationToken)
    {
        var added = new List<ReleasedArea>();
        var named = new List<ReleasedArea>();
        foreach (var release in LastOf(batch.ReleasedAreas, r => (r.Area, r.Type, r.Release)).GroupBy(r => (r.Type, r.Release)))
        {
            var (type, date) = release.Key;
            var stored = await db.ReleasedAreas.AsNoTracking()
                .Where(r => r.Type == type && r.Release == date)
                .Select(r => new { r.Area, r.Name })
                .ToDictionaryAsync(r => r.Area, r => r.Name, cancellationToken);
            added.AddRange(release.Where(r => !stored.ContainsKey(r.Area)));
            named.AddRange(release.Where(r => r.IsNamed && stored.TryGetValue(r.Area, out var name) && name == ReleasedArea.Unnamed));
            var differing = release.Where(r => r.IsNamed && stored.TryGetValue(r.Area, out var name) && name != ReleasedArea.Unnamed && !string.Equals(name, r.Name, StringComparison.Ordinal)).ToList();
            if (differing.Count == 0) continue;
            var examples = string.Join("; ", differing.Take(3).Select(r => $"{r.Area} '{r.Name}' (kept '{stored[r.Area]}')"));
            batch.Notes.Add($"{differing.Count:N0} {type.LowerPluralLabel()} of {date:yyyy-MM-dd} are spelt differently by another file of the same release: {examples}{(differing.Count > 3 ? "; …" : string.Empty)}");
        }

        return (added, named);
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
