using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Application.Access;

/// <summary>
/// The clients whose keys are accepted, by their key's hash, kept in memory: the sign-in of every API request looks here
/// (thousands a second), never in the store. The list is read again from the store when it is more than
/// <see cref="RefreshInterval"/> old and a request comes, so a key added or revoked by another process (the command line,
/// another instance) takes effect within five seconds; a change made through <see cref="ApiClients"/> in this process
/// takes effect at once (<see cref="Changed"/>). When each key was last used is written at most once a minute per client,
/// as the list is read again.
/// </summary>
public sealed class ActiveApiClients(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly Lock gate = new();
    private Snapshot? snapshot;
    private long generation;

    /// <summary>The active client holding the key, or null: unknown, revoked or malformed (a malformed key never reaches the store).</summary>
    public async ValueTask<ApiClient?> FindByKeyAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (!ApiKeys.IsWellFormed(key)) return null;
        var hash = ApiKeys.Hash(key!);
        var current = await CurrentAsync(cancellationToken);
        if (!current.ByHash.TryGetValue(hash, out var entry)) return null;
        Volatile.Write(ref entry.UsedTicks, clock.GetUtcNow().UtcTicks);
        return entry.Client;
    }

    /// <summary>
    /// A client was added, revoked or given a new key in this process: a key no longer valid is refused from now on, and
    /// the list is read again on the next request.
    /// </summary>
    public void Changed(string? refusedHash = null)
    {
        lock (gate)
        {
            generation++;
            if (snapshot is not { } s) return;
            var kept = refusedHash is null ? s.ByHash : s.ByHash.Where(e => e.Key != refusedHash).ToDictionary();
            snapshot = new Snapshot(kept, DateTimeOffset.MinValue);
        }
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref snapshot);
        if (current is not null && !Stale(current)) return current;
        if (current is not null)
        {
            // Another request is reading the list already: this one uses the list it has rather than wait.
            if (!refreshing.Wait(0, cancellationToken)) return current;
        }
        else
        {
            await refreshing.WaitAsync(cancellationToken);
        }

        try
        {
            current = Volatile.Read(ref snapshot);
            return current is not null && !Stale(current) ? current : await LoadAsync(current, cancellationToken);
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose() => refreshing.Dispose();

    private bool Stale(Snapshot s) => clock.GetUtcNow() - s.Loaded >= RefreshInterval;

    private async Task<Snapshot> LoadAsync(Snapshot? previous, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        if (previous is not null) await RecordUseAsync(db, previous, cancellationToken);
        while (true)
        {
            long seen;
            lock (gate) seen = generation;
            var loaded = clock.GetUtcNow();
            var clients = await db.ApiClients.AsNoTracking().Where(c => c.RevokedAt == null).ToListAsync(cancellationToken);
            var fresh = new Snapshot(clients.ToDictionary(c => c.KeyHash, c => new Entry(c, previous)), loaded);
            lock (gate)
            {
                // A change in this process while the store was read: read again, so a revoked key is not put back.
                if (seen != generation) continue;
                snapshot = fresh;
                return fresh;
            }
        }
    }

    /// <summary>Writes when each client was last used, for those used a minute or more after the time the store has.</summary>
    private static async Task RecordUseAsync(CommonwealDbContext db, Snapshot previous, CancellationToken cancellationToken)
    {
        foreach (var entry in previous.ByHash.Values)
        {
            var ticks = Volatile.Read(ref entry.UsedTicks);
            if (ticks == 0) continue;
            var used = new DateTimeOffset(ticks, TimeSpan.Zero);
            if (entry.Client.LastUsed is { } known && used - known < LastUsedResolution) continue;
            try
            {
                await db.ApiClients.Where(c => c.Id == entry.Client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsed, used), cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // Only a record of use: a busy store must not refuse the request that happened to read the list again.
            }
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, Entry> ByHash, DateTimeOffset Loaded);

    private sealed class Entry(ApiClient client, Snapshot? previous)
    {
        public ApiClient Client { get; } = client;

        /// <summary>When the key was last accepted in this process (UTC ticks, 0 for not yet), carried over when the list is read again.</summary>
        public long UsedTicks = previous?.ByHash.GetValueOrDefault(client.KeyHash) is { } before ? Volatile.Read(ref before.UsedTicks) : 0;
    }
}
