using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Holds the one <see cref="PlaceTimeline"/> for the current data version; rebuilt after an import or a seed.</summary>
public sealed class PlaceGraphCache(IcsDefinition ics) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PlaceTimeline? current;

    public async Task<PlaceTimeline> GetAsync(IDbContextFactory<CommonwealDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.Imports.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
        var dataset = await DatasetState.GetAsync(db, cancellationToken);
        if (current is { } timeline && timeline.Version == version && timeline.Dataset == dataset) return timeline;

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && again.Version == version && again.Dataset == dataset) return again;
            current = await BuildAsync(db, version, dataset, cancellationToken);
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<PlaceTimeline> BuildAsync(CommonwealDbContext db, long version, DatasetKind dataset, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var memberships = await db.AreaMemberships.AsNoTracking().ToListAsync(cancellationToken);
        var residents = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons)
            .Select(p => new { p.Area, p.Period, p.Count })
            .ToListAsync(cancellationToken);
        var registered = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Registered && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons)
            .Select(p => new { p.Area, p.Period, p.Count })
            .ToListAsync(cancellationToken);
        var deprivation = await db.Deprivation.AsNoTracking().ToListAsync(cancellationToken);
        var links = await db.LsoaLinks.AsNoTracking().ToListAsync(cancellationToken);
        // Only the places that some release spells differently from another: their name depends on the date.
        var renamed = await db.ReleasedAreas.AsNoTracking()
            .Where(r => r.Name != ReleasedArea.Unnamed && db.ReleasedAreas.Any(o => o.Area == r.Area && o.Name != r.Name && o.Name != ReleasedArea.Unnamed))
            .ToListAsync(cancellationToken);
        return new PlaceTimeline(version, dataset, ics, areas, memberships, renamed,
            residents.Select(r => (r.Area, r.Period, r.Count)),
            registered.Select(r => (r.Area, r.Period, r.Count)),
            deprivation, links);
    }
}
