using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Targeting;

/// <summary>
/// On the demo dataset, the targeting pages make the demo's synthetic population the first time one is needed (seed
/// <see cref="Seed"/>, about 5 s), so a fresh `dotnet run` shows every page with people in it. On real data nothing is made
/// without being asked: the pages say how to generate or import a population. The same goes for a first First 5,000
/// Families ranking.
/// </summary>
public sealed class DemoPopulation(PlaceQueries places, PopulationStore store, PopulationGeneration generation, FamilyCohorts families)
{
    public const long Seed = 2026;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if ((await places.TimelineAsync(cancellationToken)).Dataset != DatasetKind.Demo) return;
        if (await store.DescribeAsync(cancellationToken) is not null) return;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.DescribeAsync(cancellationToken) is null) await generation.GenerateAsync(Seed, 1, "demo", cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>On the demo, a population and a first ranking of its 5,000 families.</summary>
    public async Task EnsureFamiliesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        if ((await places.TimelineAsync(cancellationToken)).Dataset != DatasetKind.Demo) return;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if ((await families.SnapshotsAsync(cancellationToken)).Count == 0) await families.RankAsync(5000, "demo", cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }
}
