using System.Diagnostics;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Targeting;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Targeting;

/// <summary>A First 5,000 Families ranking as taken and saved: the snapshot (when, by whom, from which population and models) and its families in rank order.</summary>
public sealed record FamilyRanking(FamilySnapshot Snapshot, IReadOnlyList<FamilyMember> Families, int FamiliesInPopulation, TimeSpan Ranking);

/// <summary>How many of a snapshot's families live in each district, and their mean need score (both null when suppressed).</summary>
public sealed record FamilyDistrict(string District, int? Families, double? MeanScore);

/// <summary>A snapshot seen in aggregate.</summary>
public sealed record FamilySummary(FamilySnapshot Snapshot, IReadOnlyList<FamilyDistrict> Districts);

/// <summary>
/// The First 5,000 Families (docs/methods/first-5000-families.md): ranks the stored population's families by combined need
/// and saves the ranking as a dated snapshot, so the same families' outcomes can be followed later whatever the population
/// or the models become. Every ranking taken is audited.
/// </summary>
public sealed class FamilyCohorts(PopulationStore store, CaseloadCache cache, AuditLog audit, CommonwealDbContext db, TimeProvider clock)
{
    public const int MostFamilies = 100_000;

    public async Task<Answer<FamilyRanking>> RankAsync(int size, string actor, CancellationToken cancellationToken = default)
    {
        if (size is < 1 or > MostFamilies)
            return new Refusal("not a cohort size", $"The cohort size must be a whole number from 1 to {MostFamilies:N0}; {size} is not.");
        if (await cache.GetAsync(store, cancellationToken) is not { } cached) return PopulationGeneration.NoPopulation;
        var (stored, caseload) = (cached.Stored, cached.Caseload);
        var timer = Stopwatch.StartNew();
        var ranked = Families.Rank(caseload, size);
        var ranking = timer.Elapsed;
        var families = Enumerable.Range(0, caseload.Households).Count(caseload.IsFamily);
        if (ranked.Count < size)
            return new Refusal("not enough families", $"The population has {families:N0} families (households with a child under 18 or a pregnancy), fewer than the {size:N0} asked for.");

        var snapshot = new FamilySnapshot(0, clock.GetUtcNow(), actor, size, stored.Hash, Families.Label(caseload.Risk.Model));
        List<FamilyMember> members = [];
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.FamilySnapshots.Add(snapshot);
            await db.SaveChangesAsync(cancellationToken);
            members = [.. ranked.Select(f =>
            {
                var lsoa = caseload.LsoaOfHousehold(f.Household);
                return new FamilyMember(snapshot.Id, f.Rank, caseload.HouseholdId(f.Household), caseload.People.Lsoas[lsoa].Code.Value,
                    caseload.DistrictOf(lsoa)?.Value ?? "", Math.Round(f.Score, 2), Reasons(f.Reasons));
            })];
            await BulkWriter.InsertMissingAsync(db, members, cancellationToken);
            audit.Record(actor, "families.rank", "FamilySnapshot", snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{size:N0} of {families:N0} families from population {stored.Hash[..12]} with {snapshot.RiskModel}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return new FamilyRanking(snapshot, members, families, ranking);
    }

    /// <summary>The latest saved snapshot, family by family, for the roles that may see it (audited, as is a refusal).</summary>
    public async Task<Answer<FamilyRanking>> LatestAsync(Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var latest = await LatestSnapshotAsync(cancellationToken);
        if (!viewer.MaySeePeople)
        {
            audit.Record(viewer.Actor, "families.list.refused", "FamilySnapshot", latest?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", $"{purpose}: roles {string.Join(", ", viewer.Roles)}");
            await db.SaveChangesAsync(cancellationToken);
            return PersonCohorts.NotForYou;
        }

        if (latest is null) return NoSnapshot;
        var ranking = (await SnapshotAsync(latest.Id, cancellationToken))!;
        audit.Record(viewer.Actor, "families." + purpose, "FamilySnapshot", latest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{ranking.Families.Count:N0} families listed");
        await db.SaveChangesAsync(cancellationToken);
        return ranking;
    }

    /// <summary>
    /// The latest snapshot's families by district (aggregate: open to every role), or null when none is saved. A district's
    /// count is shown under the same small-number control as a cohort count, the districts making up the snapshot's size.
    /// </summary>
    public async Task<FamilySummary?> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var latest = await LatestSnapshotAsync(cancellationToken);
        if (latest is null) return null;
        var rows = await db.FamilyMembers.AsNoTracking().Where(m => m.SnapshotId == latest.Id).Select(m => new { m.District, m.Score }).ToListAsync(cancellationToken);
        var districts = rows.GroupBy(r => r.District).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var counts = districts.Select(g => (long)g.Count()).ToList();
        var shown = CohortCounting.Disclose(counts, [.. counts.Select(_ => (long)latest.Size)], DisclosurePolicy.Default);
        return new FamilySummary(latest, [.. districts.Select((g, k) => shown[k]
            ? new FamilyDistrict(g.Key, g.Count(), g.Average(r => r.Score))
            : new FamilyDistrict(g.Key, null, null))]);
    }

    public static Refusal NoSnapshot { get; } = new("no families ranked yet",
        "No First 5,000 Families ranking has been saved: take one with `commonweal targeting families --size 5000` or from the First 5,000 Families page.", RefusalKind.NotLoaded);

    /// <summary>Whether any ranking has been saved.</summary>
    public Task<bool> AnySnapshotAsync(CancellationToken cancellationToken = default) => db.FamilySnapshots.AnyAsync(cancellationToken);

    private async Task<FamilySnapshot?> LatestSnapshotAsync(CancellationToken cancellationToken) =>
        await db.FamilySnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The saved snapshots, newest first.</summary>
    public async Task<IReadOnlyList<FamilySnapshot>> SnapshotsAsync(CancellationToken cancellationToken = default) =>
        (await db.FamilySnapshots.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(s => s.Id).ToList();

    /// <summary>A saved snapshot's families in rank order, or null when there is no such snapshot.</summary>
    public async Task<FamilyRanking?> SnapshotAsync(long id, CancellationToken cancellationToken = default)
    {
        var snapshot = await db.FamilySnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null) return null;
        var members = await db.FamilyMembers.AsNoTracking().Where(m => m.SnapshotId == id).OrderBy(m => m.Rank).ToListAsync(cancellationToken);
        return new FamilyRanking(snapshot, members, 0, TimeSpan.Zero);
    }

    /// <summary>The reasons as a line: "smoker x2 = 6; low_income x2 = 4; …", cut to fit the stored column.</summary>
    public static string Reasons(IReadOnlyList<FamilyReason> reasons)
    {
        var line = string.Join("; ", reasons);
        return line.Length <= 1000 ? line : line[..999] + "…";
    }
}
