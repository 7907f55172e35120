using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestKit;

/// <summary>Row counts of every place table plus a digest of their contents, to show a refused import changed nothing.</summary>
public static class StoreFingerprint
{
    public static async Task<string> TakeAsync(CommonwealDbContext db)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code.Value + a.Name + a.Type).ToListAsync();
        var memberships = await db.AreaMemberships.CountAsync();
        var populations = await db.Populations.AsNoTracking().SumAsync(p => (long?)p.Count) ?? 0;
        var deprivation = await db.Deprivation.AsNoTracking().SumAsync(d => (long?)d.ImdRank) ?? 0;
        var boundaries = await db.Boundaries.CountAsync();
        var imports = await db.Imports.CountAsync();
        var audit = await db.Audit.CountAsync();
        return $"areas={areas.Count}:{string.Join('|', areas).GetHashCode(StringComparison.Ordinal)} memberships={memberships} population={populations} imd={deprivation} boundaries={boundaries} imports={imports} audit={audit}";
    }
}
