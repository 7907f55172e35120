using Commonweal.Application.Access;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>
/// Fills an empty store with the generated demo dataset in the shape of the configured ICS, and the demo indicators over
/// its places (<see cref="DemoIndicators"/>), in one transaction; then the demo's targets on them (<see cref="Outcomes.Demo.DemoTargets"/>), its allocation runs (<see cref="Allocation.Demo.DemoAllocations"/>) and its commissioning picture (<see cref="Commissioning.Demo.DemoCommissioning"/>) the service directory referrals are triaged to (<see cref="Referrals.Demo.DemoReferralServices"/>) and six months of referral traffic through it (<see cref="Referrals.Demo.DemoReferrals"/>).
/// </summary>
public sealed class DemoSeeding(CommonwealDbContext db, AuditLog audit, IcsDefinition ics, TimeProvider clock, Outcomes.Demo.DemoTargets targets, Allocation.Demo.DemoAllocations allocations,
    Commissioning.Demo.DemoCommissioning commissioning, Referrals.Demo.DemoReferralServices referralServices,
    Referrals.Demo.DemoReferrals referrals)
{
    public enum Result
    {
        Seeded,
        AlreadyHasData,
        RealDataPresent,
    }

    /// <param name="replaceDemo">Regenerate even when the demo is already there (never replaces real data).</param>
    public async Task<Result> SeedAsync(string actor, bool replaceDemo = false, CancellationToken cancellationToken = default)
    {
        var dataset = await DatasetState.GetAsync(db, cancellationToken);
        if (dataset == DatasetKind.Reference) return Result.RealDataPresent;
        if (dataset == DatasetKind.Demo && !replaceDemo) return Result.AlreadyHasData;
        if (dataset == DatasetKind.Empty && await db.Areas.AnyAsync(cancellationToken)) return Result.AlreadyHasData;

        var batch = DemoDataset.Generate(ics);
        var indicators = DemoIndicators.Generate(batch);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await Referrals.Demo.DemoReferrals.ClearAsync(db, cancellationToken); // their support lines name the demo's partners, which go with the places
            await ImportWriter.ClearPlacesAsync(db, cancellationToken);
            await ImportWriter.WriteAsync(db, batch, cancellationToken);
            await DemoIndicators.ClearAsync(db, cancellationToken);
            await IndicatorWriter.WriteAsync(db, indicators.Indicators, indicators.Values, indicators.AgeCounts, cancellationToken);
            await DatasetState.SetAsync(db, DatasetKind.Demo, cancellationToken);
            db.Imports.Add(new ImportRecord(0, "demo", "generated", string.Empty, batch.Rows, batch.Rows, clock.GetUtcNow(), actor));
            audit.Record(actor, "demo.seed", "Dataset", "demo", $"{batch.Rows} LSOAs and {indicators.Values.Count} values of {indicators.Indicators.Count} demo indicators generated for {ics.Name}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
        // The targets read the demo indicators' tables as committed, so they are set once the data is in.
        await targets.SeedAsync(cancellationToken);
        await allocations.SeedAsync(cancellationToken);
        await commissioning.SeedAsync(cancellationToken);
        await referralServices.SeedAsync(cancellationToken);
        await referrals.SeedAsync(cancellationToken);
        return Result.Seeded;
    }
}
