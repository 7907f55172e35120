using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Targeting;

/// <summary>The stored population as read, with its people and risk results joined.</summary>
public sealed record CachedCaseload(StoredPopulation Stored, Caseload Caseload);

/// <summary>
/// The stored population with its risk results, read once and kept (a singleton) until the store holds another population
/// or another stratification: 1.2 M people are about 30 MB in columns and take a second or two to read, so counts and
/// lists over them answer in milliseconds after the first. A population never stratified is scored here with the default
/// model, in memory (a fifth of a second), and not stored: only <c>risk stratify</c> writes results. The entry is kept
/// under the key of the population actually read, and replaced whole, so a reader never pairs one population's record
/// with another's people.
/// </summary>
public sealed class CaseloadCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Entry? held;

    public async Task<CachedCaseload?> GetAsync(PopulationStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.DescribeAsync(cancellationToken);
        if (stored is null) return null;
        if (Volatile.Read(ref held) is { } h && h.Key == Key(stored)) return h.Value;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref held) is { } again && again.Key == Key(stored)) return again.Value;
            var loaded = await store.LoadAsync(cancellationToken);
            if (loaded is null) return null;
            var value = new CachedCaseload(loaded.Stored, new Caseload(loaded.People, loaded.Risk ?? RiskStratification.Run(loaded.People, RiskModel.Default)));
            Volatile.Write(ref held, new Entry(Key(loaded.Stored), value));
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static string Key(StoredPopulation stored) => $"{stored.Hash}|{stored.CreatedAt:O}|{stored.RiskModel}|{stored.StratifiedAt:O}";

    private sealed record Entry(string Key, CachedCaseload Value);
}
