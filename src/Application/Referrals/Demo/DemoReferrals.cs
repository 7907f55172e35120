using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Targeting.Population;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// The demo's referral traffic: about <see cref="Count"/> referrals over the last 26 weeks from the people of a
/// one-in-<see cref="Divisor"/> synthetic population of the ICS (the generator of ADR 0007 with the demo's seed, every LSOA's
/// residents by age divided by <see cref="Divisor"/>), chosen by need (<see cref="DemoPeople"/>), answering the assessment as
/// their characteristics say (<see cref="DemoAnswers"/>), stored through the intake as the front door stores referrals,
/// and followed through triage and the work of their cases (<see cref="DemoJourneys"/>). The cases' moves, support lines,
/// Task versions, notifications and audit entries are then written in one go (the intake takes referrals in batches; a
/// move at a time through <see cref="CaseWork"/> would take minutes), with the same rules and in the same shape as
/// <see cref="CaseTriage"/> and <see cref="CaseWork"/> write them, each dated when it happened.
/// </summary>
public sealed class DemoReferrals(CommonwealDbContext db, PopulationFrames frames, PlaceQueries places, ServiceDirectory directory, ReferralIntake intake, TimeProvider clock)
{
    public const long Seed = 2026;
    public const int Count = 3600;
    public const int Divisor = 20;
    public const int Days = DemoTraffic.Days;

    /// <summary>Replaces the demo's referrals with freshly made ones; the number made (none when no population can be made).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await ClearAsync(db, cancellationToken);
        var traffic = await PlanAsync(Seed, cancellationToken);
        await Task.WhenAll(traffic.Select(r => intake.SubmitAsync(r.Draft, cancellationToken)));
        await WriteAsync(traffic, cancellationToken);
        return traffic.Count;
    }

    /// <summary>The referrals the seed makes today, stored nowhere.</summary>
    public async Task<IReadOnlyList<DemoReferral>> PlanAsync(long seed, CancellationToken cancellationToken = default)
    {
        var built = (await frames.BuildAsync(null, cancellationToken)).Value;
        if (built is null) return [];
        var frame = built.Frame with
        {
            Lsoas = [.. built.Frame.Lsoas.Select(l => l with { BandCounts = [.. l.BandCounts.Select(c => (long)Math.Round(c / (double)Divisor, MidpointRounding.AwayFromZero))] })],
        };
        var population = PopulationGenerator.Generate(frame, unchecked((ulong)seed));
        var random = new Random(unchecked((int)seed));
        var people = DemoPeople.Choose(population, Count, random);

        var graph = await places.GraphAsync(null, cancellationToken);
        var placed = new Dictionary<AreaCode, (IReadOnlyCollection<AreaCode>, bool)>();
        (IReadOnlyCollection<AreaCode> Within, bool Core20) PlaceOf(AreaCode? place)
        {
            if (place is not { } p) return ([], false);
            if (!placed.TryGetValue(p, out var known))
                placed[p] = known = ([p, .. graph.Ancestors(p).Select(a => a.Code)], graph.Deprivation(p)?.IsCore20 == true);
            return known;
        }

        var services = await directory.ListAsync(cancellationToken);
        var refs = services.Where(s => s.ContractRef is not null).Select(s => s.ContractRef!).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => refs.Contains(c.Ref)).Select(c => new { c.Ref, c.Provider }).ToListAsync(cancellationToken);
        var providers = services.ToDictionary(s => s.Code, s => contracts.FirstOrDefault(c => c.Ref == s.ContractRef)?.Provider, StringComparer.Ordinal);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var journeys = new DemoJourneys(services, providers, partners, PlaceOf, now, random);
        return DemoTraffic.Make(people, journeys, now, random);
    }

    /// <summary>
    /// Removes the demo's referrals (known by their identifiers) with everything that hangs off them; others' are kept.
    /// Before the demo is generated again, or real places replace it: their support lines name the demo's partners.
    /// </summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = db.Referrals.Where(r => (r.IdentifierSystem == DemoTraffic.GpSystem || r.IdentifierSystem == DemoTraffic.CouncilSystem || r.IdentifierSystem == DemoTraffic.FormSystem)
            && (r.IdentifierValue.StartsWith("demo-") || r.IdentifierValue.Contains("/demo-"))).Select(r => r.Id);
        if (!await ids.AnyAsync(cancellationToken)) return;
        await db.CaseOutcomes.Where(o => ids.Contains(o.Case)).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => ids.Contains(n.Referral)).ExecuteDeleteAsync(cancellationToken);
        await db.SupportLines.Where(l => ids.Contains(l.Case)).ExecuteDeleteAsync(cancellationToken);
        await db.CaseEvents.Where(e => ids.Contains(e.Case)).ExecuteDeleteAsync(cancellationToken);
        await db.FhirResources.Where(r => ids.Contains(r.Referral)).ExecuteDeleteAsync(cancellationToken);
        await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Referrals.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Each case as its moves left it: its status, events, lines, the Task's last version, the referrer's notifications and the audit entries.</summary>
    private async Task WriteAsync(IReadOnlyList<DemoReferral> traffic, CancellationToken cancellationToken)
    {
        var moved = traffic.Where(r => r.Journey.Moves.Count > 0).ToList();
        var cases = moved.Select(r => new ReferralCase(r.Draft.Referral.Id, r.Journey.Moves[^1].To, r.Draft.Referral.Received, r.Journey.Moves[^1].At, r.Journey.Moves[^1].Reason,
            r.Journey.Moves.FirstOrDefault(m => m.To == CaseStatus.Contacted)?.At)).ToList();
        var events = moved.SelectMany(r => r.Journey.Moves.Select((e, k) => (e, k))).OrderBy(m => m.e.At).ThenBy(m => m.k).Select(m => m.e).ToList();
        var lines = traffic.SelectMany(r => r.Journey.Lines).ToList();
        var tasks = moved.Select(r =>
        {
            var task = r.Journey.Task;
            return new StoredResource("Task", task.Id, task.Referral, task.Version, task.Modified, FhirTasks.StatusCode(task.Status), task.Owner, FhirTasks.Write(task));
        }).ToList();
        var notifications = moved.Where(r => r.Draft.Referral.Route == ReferralRoute.Professional)
            .SelectMany(r => r.Journey.Moves.Select(m => new Notification(0, r.Draft.Referral.ReferredBy, m.Case, m.At,
                $"Your referral is now {CaseTransitions.Words(m.To)}{(m.Reason is { } why ? ": " + why : "")}.", null)))
            .OrderBy(n => n.At).ToList();
        var audit = events.Select(e => new AuditEntry(0, e.At, e.By, "case.move", "Referral", e.Case.ToString(),
            $"{CaseTransitions.Words(e.From!.Value)} → {CaseTransitions.Words(e.To)}{(e.Reason is { } why ? ": " + why : "")}")).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkWriter.UpsertAsync(db, cases, [nameof(ReferralCase.Status), nameof(ReferralCase.Updated), nameof(ReferralCase.Reason), nameof(ReferralCase.Contacted)], cancellationToken);
            await BulkWriter.InsertNewAsync(db, events, cancellationToken);
            await BulkWriter.InsertMissingAsync(db, lines, cancellationToken);
            await BulkWriter.UpsertAsync(db, tasks, [nameof(StoredResource.Version), nameof(StoredResource.LastUpdated), nameof(StoredResource.Status), nameof(StoredResource.Owner), nameof(StoredResource.Json)], cancellationToken);
            await BulkWriter.InsertNewAsync(db, notifications, cancellationToken);
            await BulkWriter.InsertNewAsync(db, audit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
