using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestKit;

/// <summary>Row counts of every place table plus a digest of their contents (names and validity included), to show a refused import changed nothing.</summary>
public static class StoreFingerprint
{
    public static async Task<string> TakeAsync(CommonwealDbContext db)
    {
        var areas = (await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Type, a.AlternateCode, a.ValidFrom, a.ValidTo }).ToListAsync())
            .Select(a => $"{a.Code}{a.Name}{a.Type}{a.AlternateCode}{a.ValidFrom}{a.ValidTo}").ToList();
        var memberships = await db.AreaMemberships.CountAsync();
        var releases = $"{await db.Releases.CountAsync()}/{await db.ReleasedAreas.CountAsync()}";
        var links = $"{await db.LsoaLinks.CountAsync(l => l.Change != null)}/{await db.LsoaLinks.CountAsync(l => l.BestFit)}";
        var scores = await db.Deprivation.AsNoTracking().SumAsync(d => (double?)d.ImdScore) ?? 0;
        var populations = await db.Populations.AsNoTracking().SumAsync(p => (long?)p.Count) ?? 0;
        var deprivation = await db.Deprivation.AsNoTracking().SumAsync(d => (long?)d.ImdRank) ?? 0;
        var boundaries = await db.Boundaries.CountAsync();
        var imports = await db.Imports.CountAsync();
        var audit = await db.Audit.CountAsync();
        return $"areas={areas.Count}:{string.Join('|', areas).GetHashCode(StringComparison.Ordinal)} memberships={memberships} releases={releases} links={links} "
            + $"population={populations} imd={deprivation} scores={scores:0.000} boundaries={boundaries} imports={imports} audit={audit}";
    }
}
