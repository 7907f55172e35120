using System.Threading.Channels;
using Commonweal.Application.Access;
using Commonweal.Core.Access;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Stores referrals with group commit: every referral submitted while the last batch was committing goes into the next
/// batch, one transaction and one flush to disk for all of them, and each submitter hears back only once its batch is
/// committed — so an acknowledged referral survives a crash, without paying a disk flush per referral. Repeats: within a
/// batch the first of a repeated identifier is stored and the others get it; against the store, the unique index on the
/// identifier is the check — a batch that meets a stored identifier (a sender's retry, or another process's referral)
/// fails whole and is tried again looking its identifiers up first, and only if that fails too, one referral at a time.
/// One writer, a thread of its own waiting on the store synchronously, so that its steps never queue behind the
/// requests' work in the thread pool. One writer makes the biggest batches, and a batch's cost is mostly per batch, not
/// per referral: on PostgreSQL two writers took a third more processor time a referral than one, and fewer referrals a
/// second (bench/Benchmarks/referral-load.sh --postgres).
/// </summary>
public sealed class ReferralIntake : IAsyncDisposable
{
    /// <summary>The most referrals one commit takes.</summary>
    public const int MaxBatch = 512;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<ReferralIntake> logger;
    private readonly Thread writer;

    public ReferralIntake(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReferralIntake> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        writer = new Thread(Write) { IsBackground = true, Name = "referral-intake" };
        writer.Start();
    }

    /// <summary>Stores the referral, or finds it stored already; completes once it is committed.</summary>
    public Task<IntakeResult> SubmitAsync(ReferralDraft draft, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(draft, new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(ReferralIntake), "the referral intake has stopped");

        // The caller may stop waiting; the referral is still stored (or not) exactly as if it had waited.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The referrals the sender (or their organisation) sent that a conditional create's identifier matches (a value alone
    /// matches it in any system): none, one, or — for a value alone — several. Others' referrals are never matched, so a
    /// condition reveals nothing of them.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> MatchingAsync(string? system, string value, string sender, int? partner, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.IdentifierValue == value && (system == null || r.IdentifierSystem == system))
            .Where(r => r.ReferredBy == sender || (partner != null && r.ReferrerPartner == partner))
            .Take(2).ToListAsync(cancellationToken);
        if (referrals.Count == 0) return [];
        var resources = await ResourcesOf(db, referrals).ToListAsync(cancellationToken);
        return [.. WithResources(referrals, resources).Values];
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.Run(writer.Join);
    }

    private void Write()
    {
        var batch = new List<Pending>(MaxBatch);
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                // Most batches repeat nothing stored: written straight away, the unique index on the identifier the check.
                Commit(batch, lookUp: false);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // A referral of the batch is stored already (a sender's retry, or another process meanwhile): the batch again,
                // looking its identifiers up first. Only if that fails too, one at a time, so that one bad referral cannot
                // hold up the rest.
                logger.LogDebug(e, "A referral batch met a stored identifier; trying its {Count} referrals again", batch.Count);
                Retry(batch);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Storing a batch of {Count} referrals failed", batch.Count);
                foreach (var one in batch) one.Done.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private void Retry(List<Pending> batch)
    {
        try
        {
            Commit(batch, lookUp: true);
            return;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
        }

        foreach (var one in batch)
        {
            try
            {
                Commit([one], lookUp: true);
            }
            catch (Exception single)
            {
                one.Done.TrySetException(single);
            }
        }
    }

    /// <param name="lookUp">Whether to look the identifiers up first, to answer repeats of stored referrals.</param>
    private void Commit(IReadOnlyList<Pending> batch, bool lookUp)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();

        // Repeats within the batch: the first of each identifier is stored, the rest answered with it.
        var firsts = new Dictionary<(string, string), Pending>();
        var repeats = new List<(Pending Repeat, Pending First)>();
        foreach (var pending in batch)
        {
            var key = Key(pending.Draft.Referral);
            if (firsts.TryGetValue(key, out var first)) repeats.Add((pending, first));
            else firsts.Add(key, pending);
        }

        var stored = lookUp ? Stored(db, firsts.Keys) : [];
        var fresh = firsts.Values.Where(p => !stored.ContainsKey(Key(p.Draft.Referral))).ToList();
        var results = new Dictionary<Pending, IntakeResult>();
        foreach (var pending in firsts.Values)
        {
            if (stored.TryGetValue(Key(pending.Draft.Referral), out var existing)) results[pending] = Answer(existing, pending.Draft.Referral);
        }

        // A commit is on disk before anyone is told it succeeded: SQLite's default synchronous=FULL (never lowered here),
        // PostgreSQL's synchronous_commit=on.
        if (fresh.Count > 0)
        {
            var referrals = new List<Referral>(fresh.Count);
            var audits = new List<AuditEntry>(fresh.Count);
            var cases = new List<ReferralCase>(fresh.Count);
            var events = new List<CaseEvent>(fresh.Count);
            var resources = new List<StoredResource>(fresh.Count * 5);
            foreach (var pending in fresh)
            {
                var draft = pending.Draft;
                var referral = draft.Referral;
                referrals.Add(referral);
                cases.Add(new ReferralCase(referral.Id, CaseStatus.Received, referral.Received, referral.Received, null));
                events.Add(new CaseEvent(0, referral.Id, null, CaseStatus.Received, referral.Received, referral.ReferredBy, null));
                resources.AddRange(draft.Resources);
                var origin = new AuditOrigin();
                origin.Set(draft.ClientAddress, draft.UserAgent);
                audits.Add(new AuditLog(db, clock, origin).Entry(referral.ReferredBy, "referral.create", "Referral", referral.Id.ToString(),
                    $"{referral.Route} referral {referral.IdentifierSystem}|{referral.IdentifierValue}"));
                results[pending] = new IntakeResult(true, referral, [.. draft.Resources.Select(Version)]);
            }

            // Every row — referral, audit entry, case, first event, stored resources — as multi-row INSERTs, in one
            // transaction (on PostgreSQL one round trip), which cost a fraction of EF's tracked inserts
            // (bench/Benchmarks/referral-load.sh). The unique index on the identifier answers a repeat another batch stored
            // meanwhile with an error from the store (the batch is retried, above).
            BulkWriter.InsertTogether(db,
                [BulkInsert.Missing(referrals), BulkInsert.New(audits), BulkInsert.Missing(cases), BulkInsert.New(events), BulkInsert.Missing(resources)]);
        }

        foreach (var (pending, result) in results) pending.Done.TrySetResult(result);
        foreach (var (repeat, first) in repeats)
            repeat.Done.TrySetResult(Answer(results[first] with { Created = false }, repeat.Draft.Referral));
    }

    /// <summary>A stored referral as the answer to a repeat of its identifier: itself for its sender, nothing of it for anyone else.</summary>
    private static IntakeResult Answer(IntakeResult stored, Referral repeat) =>
        IntakeResult.SameSender(stored.Referral, repeat) ? stored : IntakeResult.Taken(repeat);

    private static Dictionary<(string, string), IntakeResult> Stored(CommonwealDbContext db, IReadOnlyCollection<(string System, string Value)> keys)
    {
        var values = keys.Select(k => k.Value).Distinct().ToList();
        var referrals = db.Referrals.AsNoTracking().Where(r => values.Contains(r.IdentifierValue)).ToList();
        var wanted = keys.ToHashSet();
        referrals.RemoveAll(r => !wanted.Contains(Key(r)));
        return WithResources(referrals, referrals.Count == 0 ? [] : ResourcesOf(db, referrals).ToList());
    }

    private static IQueryable<(Guid Referral, ResourceVersion Version)> ResourcesOf(CommonwealDbContext db, List<Referral> referrals)
    {
        var ids = referrals.Select(r => r.Id).ToList();
        return db.FhirResources.AsNoTracking().Where(r => ids.Contains(r.Referral))
            .Select(r => ValueTuple.Create(r.Referral, new ResourceVersion(r.Type, r.Id, r.Version, r.LastUpdated)));
    }

    private static Dictionary<(string, string), IntakeResult> WithResources(List<Referral> referrals, List<(Guid Referral, ResourceVersion Version)> resources)
    {
        var byReferral = resources.ToLookup(r => r.Referral, r => r.Version);
        return referrals.ToDictionary(Key, r => new IntakeResult(false, r, [.. byReferral[r.Id]]));
    }

    private static (string, string) Key(Referral referral) => (referral.IdentifierSystem, referral.IdentifierValue);

    private static ResourceVersion Version(StoredResource resource) => new(resource.Type, resource.Id, resource.Version, resource.LastUpdated);

    // A class, not a record: each submission is itself, however alike two drafts are.
    private sealed class Pending(ReferralDraft draft, TaskCompletionSource<IntakeResult> done)
    {
        public ReferralDraft Draft { get; } = draft;

        public TaskCompletionSource<IntakeResult> Done { get; } = done;
    }
}

