using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// After an import that brings a release of some type of place, works out afresh for every place of that type its name
/// and second code (from the latest release that lists it) and its validity (<see cref="AreaValidity"/>), and stores
/// what changed. Worked out from all the stored releases, so the order in which files are imported does not matter.
/// </summary>
public static class GeographyRecompute
{
    private static readonly string[] Columns = [nameof(Area.Name), nameof(Area.AlternateCode), nameof(Area.ValidFrom), nameof(Area.ValidTo)];

    /// <returns>The number of areas changed.</returns>
    public static async Task<int> RunAsync(CommonwealDbContext db, IReadOnlyList<AreaType> types, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var type in types)
        {
            var releases = await db.Releases.AsNoTracking().Where(r => r.Type == type).ToListAsync(cancellationToken);
            var listings = await db.ReleasedAreas.AsNoTracking().Where(r => r.Type == type).ToListAsync(cancellationToken);
            var stored = await db.Areas.AsNoTracking().Where(a => a.Type == type).ToDictionaryAsync(a => a.Code, cancellationToken);
            var scopes = releases.Where(r => !r.IsNational).Select(r => r.Scope).ToHashSet();
            var within = scopes.Count > 0 ? await ScopesOfAsync(db, type, scopes, cancellationToken) : [];
            var updates = new List<Area>();
            foreach (var listed in listings.GroupBy(l => l.Area))
            {
                if (!stored.TryGetValue(listed.Key, out var area)) continue;
                var inScopes = within.GetValueOrDefault(listed.Key) ?? [];
                var covering = releases.Where(r => r.IsNational || inScopes.Contains(r.Scope)).Select(r => r.Date).Distinct().Order().ToList();
                var updated = AreaValidity.FromReleases(area, [.. listed], covering);
                if (updated != area) updates.Add(updated);
            }

            changed += await BulkWriter.UpsertAsync(db, updates, Columns, cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// The scopes of releases (a district for wards, a sub-ICB location for practices) each place of a type has been
    /// observed in, to tell whether such a release covers it.
    /// </summary>
    private static async Task<Dictionary<AreaCode, HashSet<AreaCode>>> ScopesOfAsync(
        CommonwealDbContext db, AreaType type, HashSet<AreaCode> scopes, CancellationToken cancellationToken)
    {
        var links = await db.AreaMemberships.AsNoTracking()
            .Where(m => m.ChildType == type)
            .Select(m => new { m.Child, m.Parent })
            .ToListAsync(cancellationToken);
        return links.Where(l => scopes.Contains(l.Parent)).GroupBy(l => l.Child).ToDictionary(g => g.Key, g => g.Select(l => l.Parent).ToHashSet());
    }
}
