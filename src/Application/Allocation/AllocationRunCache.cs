using System.Collections.Concurrent;

namespace Commonweal.Application.Allocation;

/// <summary>
/// Saved runs as read and worked out again, kept in memory: a run never changes once saved, so it is read from its
/// document once per process. Keyed by id and the time it was saved, so an id SQLite hands out again after the demo's runs
/// are removed is never taken for the old run. At most <see cref="Capacity"/> runs are kept; beyond that the cache starts again.
/// </summary>
public sealed class AllocationRunCache
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<(long Id, DateTimeOffset Saved), AllocationRunView> runs = new();

    public AllocationRunView? Find(long id, DateTimeOffset saved) => runs.GetValueOrDefault((id, saved));

    public AllocationRunView Add(long id, DateTimeOffset saved, AllocationRunView run)
    {
        if (runs.Count >= Capacity) runs.Clear();
        return runs.GetOrAdd((id, saved), run);
    }
}
