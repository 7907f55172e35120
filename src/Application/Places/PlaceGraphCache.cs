using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Holds the one <see cref="PlaceGraph"/> for the current data version; rebuilt after an import or a seed.</summary>
public sealed class PlaceGraphCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PlaceGraph? current;

    public async Task<PlaceGraph> GetAsync(IDbContextFactory<CommonwealDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.Imports.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
        var dataset = await DatasetState.GetAsync(db, cancellationToken);
        if (current is { } graph && graph.Version == version && graph.Dataset == dataset) return graph;

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

    private static async Task<PlaceGraph> BuildAsync(CommonwealDbContext db, long version, DatasetKind dataset, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var memberships = await db.AreaMemberships.AsNoTracking().ToListAsync(cancellationToken);
        var period = await db.Populations.AsNoTracking()
            .Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons)
            .MaxAsync(p => (DateOnly?)p.Period, cancellationToken);
        var residents = period is null
            ? []
            : await db.Populations.AsNoTracking()
                .Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons && p.Period == period)
                .ToDictionaryAsync(p => p.Area, p => p.Count, cancellationToken);
        var deprivation = await db.Deprivation.AsNoTracking().ToDictionaryAsync(d => d.Lsoa, cancellationToken);
        return new PlaceGraph(version, dataset, areas, memberships, residents, period, deprivation);
    }
}
