using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Web.Features.Targeting;

/// <summary>
/// On the demo dataset, the targeting pages make the demo's synthetic population the first time one is needed (seed
/// <see cref="Seed"/>, about 5 s), so a fresh `dotnet run` shows every page with people in it. On real data nothing is made
/// without being asked: the pages say how to generate or import a population. The same goes for a first First 5,000
/// Families ranking. The demo's people are the same for the same frame and seed, so the process keeps the last it made
/// and stores them again into another empty demo store without generating them afresh (several platforms in one test run).
/// </summary>
public sealed class DemoPopulation(PlaceQueries places, PopulationStore store, PopulationFrames frames, FamilyCohorts families)
{
    public const long Seed = 2026;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Frame, SyntheticPopulation People)? made;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if ((await places.TimelineAsync(cancellationToken)).Dataset != DatasetKind.Demo) return;
        if (await store.DescribeAsync(cancellationToken) is not null) return;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.DescribeAsync(cancellationToken) is null && (await frames.BuildAsync(null, cancellationToken)).Value is { } built)
            {
                var people = made is { } m && m.Frame == built.Description ? m.People : PopulationGenerator.Generate(built.Frame, Seed, 1);
                made = (built.Description, people);
                await store.SaveAsync(people, PopulationSource.Synthetic, Seed, 1, $"seed {Seed}, scale 1: {built.Description}", "demo", cancellationToken);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>On the demo, a population and a first ranking of its 5,000 families (a cheap check first: a ranking once taken stays).</summary>
    public async Task EnsureFamiliesAsync(CancellationToken cancellationToken = default)
    {
        if (await families.AnySnapshotAsync(cancellationToken)) return;
        await EnsureAsync(cancellationToken);
        if ((await places.TimelineAsync(cancellationToken)).Dataset != DatasetKind.Demo) return;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await families.AnySnapshotAsync(cancellationToken)) await families.RankAsync(5000, "demo", cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }
}
