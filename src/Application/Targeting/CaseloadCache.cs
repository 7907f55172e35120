using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Application.Targeting;

/// <summary>
/// The stored population with its risk results, read once and kept (a singleton) until the store holds another population
/// or another stratification: 1.2 M people are about 30 MB in columns and take a second or two to read, so counts and
/// lists over them answer in milliseconds after the first. A population never stratified is scored here with the default
/// model, in memory (a fifth of a second), and not stored: only <c>risk stratify</c> writes results.
/// </summary>
public sealed class CaseloadCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Key, Caseload Caseload)? held;

    public async Task<Caseload?> GetAsync(PopulationStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.DescribeAsync(cancellationToken);
        if (stored is null) return null;
        var key = $"{stored.Hash}|{stored.CreatedAt:O}|{stored.RiskModel}|{stored.StratifiedAt:O}";
        if (held is { } h && h.Key == key) return h.Caseload;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (held is { } again && again.Key == key) return again.Caseload;
            var loaded = await store.LoadAsync(cancellationToken);
            if (loaded is null) return null;
            var caseload = new Caseload(loaded.People, loaded.Risk ?? RiskStratification.Run(loaded.People, RiskModel.Default));
            held = (key, caseload);
            return caseload;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
