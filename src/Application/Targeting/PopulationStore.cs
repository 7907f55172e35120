using Commonweal.Application.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Targeting;

/// <summary>
/// The person-level population in the store: written whole (replacing the one before, in one transaction, audited) and
/// read back into columns. Who may read people is decided at the edges; every read of people for a list is audited there.
/// </summary>
public sealed class PopulationStore(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int CurrentId = 1;

    public async Task<StoredPopulation?> DescribeAsync(CancellationToken cancellationToken = default) =>
        await db.PersonPopulations.AsNoTracking().FirstOrDefaultAsync(p => p.Id == CurrentId, cancellationToken);

    public async Task<StoredPopulation> SaveAsync(SyntheticPopulation population, PopulationSource source, long? seed, int scale, string description, string actor, CancellationToken cancellationToken = default)
    {
        var households = Enumerable.Range(0, population.Lsoas.Count).Sum(l => population.HouseholdSizes(l).Length);
        var blocks = Enumerable.Range(0, population.Lsoas.Count).Select(l => new PopulationBlock
        {
            PopulationId = CurrentId,
            Lsoa = population.Lsoas[l].Code.Value,
            Copy = population.Lsoas[l].Copy,
            District = population.Lsoas[l].District,
            Pool = population.Lsoas[l].Pool,
            People = population.Offsets[l + 1] - population.Offsets[l],
            Facts = PopulationFormat.EncodeFacts(population.Lsoas[l]),
            Data = PopulationFormat.Encode(population, l),
            Ids = IdsOf(population, l),
        }).ToList();
        var hash = PopulationFormat.Hash(population.PracticeCodes.Select(c => c.Value), blocks.Select(b => (b.Lsoa, b.Copy, b.Data)));
        var stored = new StoredPopulation
        {
            Id = CurrentId,
            Source = source,
            Seed = seed,
            Scale = scale,
            Hash = hash,
            People = population.Count,
            Households = households,
            PracticeCodes = string.Join('\n', population.PracticeCodes.Select(c => c.Value)),
            DistrictCodes = string.Join('\n', population.Districts.Select(c => c.Value)),
            Description = description.Length > 2000 ? description[..2000] : description,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
        };

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.PersonBlocks.ExecuteDeleteAsync(cancellationToken);
            await db.PersonPopulations.ExecuteDeleteAsync(cancellationToken);
            db.PersonPopulations.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            await BulkWriter.InsertMissingAsync(db, blocks, cancellationToken);
            audit.Record(actor, source == PopulationSource.Synthetic ? "population.generate" : "population.import", "Population", hash,
                $"{population.Count:N0} people in {households:N0} households, {population.Lsoas.Count} LSOA blocks; {description}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        return stored;
    }

    /// <summary>The population hash worked out again from the stored blocks (the canonical layout is the stored one), or null when there is no population.</summary>
    public async Task<string?> HashAsync(CancellationToken cancellationToken = default)
    {
        var stored = await DescribeAsync(cancellationToken);
        if (stored is null) return null;
        var blocks = await db.PersonBlocks.AsNoTracking().Where(b => b.PopulationId == CurrentId).Select(b => new { b.Lsoa, b.Copy, b.Data }).ToListAsync(cancellationToken);
        return PopulationFormat.Hash(Codes(stored.PracticeCodes).Select(c => c.Value), blocks.Select(b => (b.Lsoa, b.Copy, b.Data)));
    }

    /// <summary>The stored population in columns (with its risk results when it has been stratified), or null when there is none.</summary>
    public async Task<LoadedPopulation?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var stored = await DescribeAsync(cancellationToken);
        if (stored is null) return null;
        var blocks = await db.PersonBlocks.AsNoTracking().Where(b => b.PopulationId == CurrentId).ToListAsync(cancellationToken);
        blocks = [.. blocks.OrderBy(b => b.Lsoa, StringComparer.Ordinal).ThenBy(b => b.Copy)];
        var lsoas = blocks.Select(b =>
        {
            var (z, deciles) = PopulationFormat.DecodeFacts(b.Facts);
            return new PopulationLsoa(AreaCode.Parse(b.Lsoa), b.Copy, b.District, b.Pool, z, deciles);
        }).ToList();
        var population = new SyntheticPopulation(lsoas, Codes(stored.PracticeCodes), Codes(stored.DistrictCodes), blocks.Sum(b => b.People));
        for (var l = 0; l < blocks.Count; l++)
        {
            population.Offsets[l + 1] = population.Offsets[l] + blocks[l].People;
            PopulationFormat.Decode(blocks[l].Data, population, population.Offsets[l]);
        }

        if (blocks.Count > 0 && blocks.All(b => b.Ids is not null))
        {
            population.PersonIds = new string[population.Count];
            population.HouseholdIds = new string[population.Count];
            for (var l = 0; l < blocks.Count; l++)
            {
                var lines = blocks[l].Ids!.Split('\n');
                for (var k = 0; k < lines.Length; k++)
                {
                    var tab = lines[k].IndexOf('\t', StringComparison.Ordinal);
                    population.PersonIds[population.Offsets[l] + k] = lines[k][..tab];
                    population.HouseholdIds[population.Offsets[l] + k] = lines[k][(tab + 1)..];
                }
            }
        }

        RiskStratification? risk = null;
        // Results are read back only under the model that made them (the default: models are not stored yet).
        if (stored.RiskModel == RiskModel.Default.Label && blocks.All(b => b.Risk is not null))
        {
            risk = new RiskStratification(RiskModel.Default, population.Count);
            for (var l = 0; l < blocks.Count; l++)
            {
                var (start, n) = (population.Offsets[l], blocks[l].People);
                PopulationFormat.DecodeRisk(blocks[l].Risk, risk.Scores.AsSpan(start, n), risk.Tiers.AsSpan(start, n), risk.Segments.AsSpan(start, n));
                for (var i = start; i < start + n; i++) risk.EfiCounts[i] = (byte)Efi.Count(population.Deficits[i]);
            }
        }

        return new LoadedPopulation(stored, population, risk);
    }

    /// <summary>Writes a stratification's results into the blocks (one transaction, audited).</summary>
    public async Task SaveRiskAsync(SyntheticPopulation population, RiskStratification risk, string actor, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.PersonPopulations.FirstAsync(p => p.Id == CurrentId, cancellationToken);
            var blocks = Enumerable.Range(0, population.Lsoas.Count).Select(l =>
            {
                var (start, n) = (population.Offsets[l], population.Offsets[l + 1] - population.Offsets[l]);
                return new PopulationBlock
                {
                    PopulationId = CurrentId,
                    Lsoa = population.Lsoas[l].Code.Value,
                    Copy = population.Lsoas[l].Copy,
                    Facts = [],
                    Data = [],
                    Risk = PopulationFormat.EncodeRisk(risk.Scores.AsSpan(start, n), risk.Tiers.AsSpan(start, n), risk.Segments.AsSpan(start, n)),
                };
            }).ToList();
            await BulkWriter.UpsertAsync(db, blocks, [nameof(PopulationBlock.Risk)], cancellationToken);
            stored.RiskModel = risk.Model.Label;
            stored.StratifiedAt = clock.GetUtcNow();
            audit.Record(actor, "risk.stratify", "Population", stored.Hash, $"{population.Count:N0} people scored with {stored.RiskModel}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
    }

    /// <summary>An extract's identifiers of an LSOA's people, one "person TAB household" line each; null for a synthetic population.</summary>
    private static string? IdsOf(SyntheticPopulation population, int lsoa) =>
        population.PersonIds is { } people && population.HouseholdIds is { } households
            ? string.Join('\n', Enumerable.Range(population.Offsets[lsoa], population.Offsets[lsoa + 1] - population.Offsets[lsoa]).Select(i => people[i] + "\t" + households[i]))
            : null;

    private static List<AreaCode> Codes(string lines) => lines.Length == 0 ? [] : [.. lines.Split('\n').Select(AreaCode.Parse)];
}

/// <summary>A stored population read back: its description, its people, and its risk results if stratified.</summary>
public sealed record LoadedPopulation(StoredPopulation Stored, SyntheticPopulation People, RiskStratification? Risk);
