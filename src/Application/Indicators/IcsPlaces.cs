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
        var seeds = Seeds(ics);
        var texts = seeds.Select(s => s.Value).ToList();
        var codes = seeds.ToList();
        var found = await db.Areas.AsNoTracking()
            .Where(a => codes.Contains(a.Code) || (a.AlternateCode != null && texts.Contains(a.AlternateCode)))
            .Select(a => a.Code).ToListAsync(cancellationToken);

        // Everything that lay in them, at any time, level by level.
        var within = new HashSet<AreaCode>(found);
        var frontier = found;
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.AreaMemberships.AsNoTracking().Where(m => parents.Contains(m.Parent))
                .Select(m => m.Child).Distinct().ToListAsync(cancellationToken);
            frontier = [.. children.Where(within.Add)];
        }

        var inside = within.ToList();
        var memberships = await db.AreaMemberships.AsNoTracking().Where(m => inside.Contains(m.Child)).ToListAsync(cancellationToken);
        var all = new HashSet<AreaCode>(within);
        foreach (var membership in memberships) all.Add(membership.Parent);
        var wanted = all.ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => wanted.Contains(a.Code)).ToListAsync(cancellationToken);
        var lsoas = areas.Where(a => a.Type == AreaType.Lsoa).Select(a => a.Code).ToList();
        var links = (await db.LsoaLinks.AsNoTracking().Where(l => lsoas.Contains(l.Lsoa2011) || lsoas.Contains(l.Lsoa2021)).ToListAsync(cancellationToken))
            .Where(l => all.Contains(l.Lsoa2011) && all.Contains(l.Lsoa2021)).ToList();
        var deprivation = await db.Deprivation.AsNoTracking().Where(d => lsoas.Contains(d.Lsoa)).ToListAsync(cancellationToken);
        var spellings = await db.ReleasedAreas.AsNoTracking()
            .Where(r => r.Name != ReleasedArea.Unnamed && wanted.Contains(r.Area))
            .ToListAsync(cancellationToken);
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
