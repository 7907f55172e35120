using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators;

/// <summary>
/// The places of the ICS through time, and nothing else: what the indicator engine adds values up over. The ICS's
/// districts, sub-ICB locations and ICBs (of every period) are found by either of their codes, then everything that lay
/// in them at any time (their wards, LSOAs of both Censuses, practices, PCNs, the other sub-ICB locations of its ICBs),
/// with every place those lay in and the links between the LSOAs of 2011 and 2021 among them. A timeline of those answers
/// "what lay in what" within the ICS exactly as the whole one does, but is read in a few small queries (a whole
/// indicator is listed in well under a second on the command line, where the whole country's places take seconds).
/// </summary>
public static class IcsPlaces
{
    public static async Task<PlaceTimeline> LoadAsync(
        CommonwealDbContext db, IcsDefinition ics, long version, DatasetKind dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ics);
        object[] seeds = [.. Seeds(ics).Select(s => s.Value).Order(StringComparer.Ordinal)];
        var list = string.Join(", ", seeds.Select((_, i) => "{" + i + "}"));
        // The places found by either code, and everything that lay in them at any time (the same SQL on both providers).
        var inside = $"""
            WITH RECURSIVE inside(code) AS (
                SELECT a."Code" FROM areas a WHERE a."Code" IN ({list}) OR a."AlternateCode" IN ({list})
                UNION
                SELECT m."Child" FROM area_memberships m JOIN inside i ON m."Parent" = i.code
            )

            """;
#pragma warning disable EF1003 // the SQL is constant text with numbered parameter markers ({0}, {1} …); the codes go in as parameters, never as text
        var memberships = await db.AreaMemberships.FromSqlRaw(
                inside + """SELECT m.* FROM area_memberships m WHERE m."Child" IN (SELECT code FROM inside)""", seeds)
            .AsNoTracking().ToListAsync(cancellationToken);
        // With every place those lay in.
        const string Known = """(SELECT code FROM inside UNION SELECT m."Parent" FROM area_memberships m WHERE m."Child" IN (SELECT code FROM inside))""";
        var areas = await db.Areas.FromSqlRaw(inside + $"""SELECT a.* FROM areas a WHERE a."Code" IN {Known}""", seeds)
            .AsNoTracking().ToListAsync(cancellationToken);
        var spellings = await db.ReleasedAreas.FromSqlRaw(inside + $"""SELECT r.* FROM released_areas r WHERE r."Name" <> '' AND r."Area" IN {Known}""", seeds)
            .AsNoTracking().ToListAsync(cancellationToken);
        var deprivation = await db.Deprivation.FromSqlRaw(inside + """SELECT d.* FROM lsoa_deprivation d WHERE d."Lsoa" IN (SELECT code FROM inside)""", seeds)
            .AsNoTracking().ToListAsync(cancellationToken);
        var lsoas = areas.Where(a => a.Type.IsStatistical()).Select(a => a.Code).ToHashSet();
        var links = (await db.LsoaLinks.FromSqlRaw(inside + """SELECT l.* FROM lsoa_links l WHERE l."Lsoa2011" IN (SELECT code FROM inside)""", seeds)
            .AsNoTracking().ToListAsync(cancellationToken)).Where(l => lsoas.Contains(l.Lsoa2021)).ToList();
#pragma warning restore EF1003
        return new PlaceTimeline(version, dataset, ics, areas, memberships, spellings, [], [], deprivation, links);
    }

    /// <summary>The codes the ICS description names its places by (stored places are found by these or their other code).</summary>
    private static HashSet<AreaCode> Seeds(IcsDefinition ics)
    {
        var seeds = new HashSet<AreaCode>(ics.DistrictCodes.Concat(ics.SubIcbs));
        foreach (var icb in ics.Icbs)
        {
            seeds.Add(icb.Code);
            if (AreaCode.TryParse(icb.OnsCode, out var ons)) seeds.Add(ons);
        }

        foreach (var neighbourhood in ics.Neighbourhoods) seeds.UnionWith(neighbourhood.Members);
        return seeds;
    }
}
