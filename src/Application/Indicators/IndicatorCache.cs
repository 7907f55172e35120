using System.Collections.Concurrent;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Holds, for the current data version (the newest import record, as <see cref="PlaceGraphCache"/>), the ICS's places
/// through time (<see cref="IcsPlaces"/>) and each indicator's <see cref="IndicatorTable"/>, built the first time it is
/// asked for and shared by all requests. A table is built again when its indicator's catalogue entry or number of values
/// changes (an edit of its polarity, values written without an import record). Each build reads with a context of its
/// own and is not cancelled by the request that started it (another may be waiting for it).
/// </summary>
public sealed class IndicatorCache(IcsDefinition ics)
{
    private Snapshot? current;

    /// <summary>The indicator's table, or null when the catalogue has no such indicator.</summary>
    public async Task<IndicatorTable?> GetAsync(IDbContextFactory<CommonwealDbContext> contexts, IndicatorId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        Indicator? indicator;
        int? values = null;
        Snapshot snapshot;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var version = await db.Imports.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
            var dataset = await DatasetState.GetAsync(db, cancellationToken);
            snapshot = Current(version, dataset);
            indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (indicator is null) return null;
            // A table already built is checked against the number of values now stored; a first build counts what it reads.
            if (snapshot.Tables.ContainsKey(id)) values = await db.IndicatorValues.CountAsync(v => v.Indicator == id, cancellationToken);
        }

        while (true)
        {
            var entry = snapshot.Tables.GetOrAdd(id, _ => new Entry(indicator, contexts, snapshot));
            if (entry.Indicator == indicator && (values is null || await entry.ValuesAsync() == values))
            {
                try
                {
                    return await entry.Table.Value.WaitAsync(cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    snapshot.Tables.TryRemove(KeyValuePair.Create(id, entry));
                    throw;
                }
            }

            snapshot.Tables.TryRemove(KeyValuePair.Create(id, entry));
        }
    }

    /// <summary>Forgets every table (after an edit that no import record marks), so the next request builds them again.</summary>
    public void Clear() => current = null;

    /// <summary>Forgets one indicator's table (its values were changed in place, so their number did not change), so the next request builds it again.</summary>
    public void Forget(IndicatorId id) => current?.Tables.TryRemove(id, out _);

    private Snapshot Current(long version, DatasetKind dataset)
    {
        var snapshot = current;
        if (snapshot is not null && snapshot.Version == version && snapshot.Dataset == dataset) return snapshot;
        var fresh = new Snapshot(version, dataset, ics);
        Interlocked.CompareExchange(ref current, fresh, snapshot);
        return current ?? fresh;
    }

    private sealed class Snapshot(long version, DatasetKind dataset, IcsDefinition ics)
    {
        private readonly Lock gate = new();
        private Task<PlaceTimeline>? places;

        public long Version { get; } = version;

        public DatasetKind Dataset { get; } = dataset;

        public ConcurrentDictionary<IndicatorId, Entry> Tables { get; } = new();

        public Task<PlaceTimeline> PlacesAsync(IDbContextFactory<CommonwealDbContext> contexts)
        {
            lock (gate)
            {
                if (places is { IsFaulted: false, IsCanceled: false }) return places;
                // On a thread of its own: SQLite reads synchronously, and the indicator's values are read meanwhile.
                return places = Task.Run(() => LoadAsync(contexts));
            }
        }

        private async Task<PlaceTimeline> LoadAsync(IDbContextFactory<CommonwealDbContext> contexts)
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            return await IcsPlaces.LoadAsync(db, ics, Version, Dataset, CancellationToken.None);
        }
    }

    private sealed class Entry
    {
        public Entry(Indicator indicator, IDbContextFactory<CommonwealDbContext> contexts, Snapshot snapshot)
        {
            Indicator = indicator;
            Table = new Lazy<Task<IndicatorTable>>(() => BuildAsync(indicator, contexts, snapshot));
        }

        public Indicator Indicator { get; }

        public Lazy<Task<IndicatorTable>> Table { get; }

        /// <summary>How many values the table was built from (-1 when its build failed, so that it is built again).</summary>
        public async Task<int> ValuesAsync()
        {
            try
            {
                return (await Table.Value).Data.Values.Count;
            }
            catch (Exception)
            {
                return -1;
            }
        }

        private static async Task<IndicatorTable> BuildAsync(Indicator indicator, IDbContextFactory<CommonwealDbContext> contexts, Snapshot snapshot)
        {
            var places = snapshot.PlacesAsync(contexts);
            List<IndicatorValue> values;
            List<IndicatorAgeCount> ages;
            await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
            {
                values = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator == indicator.Id).ToListAsync(CancellationToken.None);
                ages = await db.IndicatorAgeCounts.AsNoTracking().Where(a => a.Indicator == indicator.Id).ToListAsync(CancellationToken.None);
            }

            return IndicatorEngine.Build(new IndicatorData(indicator, values, ages), await places);
        }
    }
}
