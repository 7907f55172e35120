using System.Security.Cryptography;
using Commonweal.Application.Access;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Loads official files into the store: each file read and validated in full, then written in one transaction
/// (all or nothing), idempotently (re-importing the same file changes no row), with the ICS's own places
/// re-applied, an import record and an audit entry. The first real file replaces the demo dataset.
/// </summary>
public sealed class ReferenceImport(CommonwealDbContext db, AuditLog audit, TimeProvider clock, IcsDefinition ics)
{
    public async Task<ImportOutcome> ImportFileAsync(
        IReferenceFileReader reader, string path, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var fileName = Path.GetFileName(path);
        ImportOutcome Refused(ImportProblem problem) =>
            new(reader.Kind, fileName, 0, 0, [], problem, clock.GetElapsedTime(started));

        if (!File.Exists(path))
            return Refused(new ImportProblem(fileName, 0, null, null, $"the file {path} does not exist"));

        ImportBatch batch;
        try
        {
            progress?.Report($"{fileName}: reading ({reader.Description})");
            batch = reader.Read(path, await LookupAsync(cancellationToken));
        }
        catch (ImportProblemException e)
        {
            return Refused(e.Problem);
        }

        progress?.Report($"{fileName}: {batch.Rows:N0} rows read; writing");
        var notes = new List<string>(batch.Notes);
        var strategy = db.Database.CreateExecutionStrategy();
        var changed = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dataset = await DatasetState.GetAsync(db, cancellationToken);
            if (dataset == DatasetKind.Demo)
            {
                await ImportWriter.ClearPlacesAsync(db, cancellationToken);
                notes.Add("the demo dataset was removed: the store now holds real data only");
            }

            var written = await ImportWriter.WriteAsync(db, batch, cancellationToken);
            if (dataset != DatasetKind.Reference || ShapesTheIcs(batch))
                written += await ImportWriter.WriteAsync(db, IcsStructure.Build(ics, await PcnsOfIcbAsync(cancellationToken)), cancellationToken);
            await DatasetState.SetAsync(db, DatasetKind.Reference, cancellationToken);
            db.Imports.Add(new ImportRecord(0, reader.Kind, fileName, await HashAsync(path, cancellationToken), batch.Rows, written, clock.GetUtcNow(), actor));
            audit.Record(actor, "import", "ReferenceFile", fileName, $"{reader.Kind}: {batch.Rows} rows read, {written} rows changed");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        });

        db.ChangeTracker.Clear();
        progress?.Report($"{fileName}: {changed:N0} rows changed");
        return new ImportOutcome(reader.Kind, fileName, batch.Rows, changed, notes, null, clock.GetElapsedTime(started));
    }

    /// <summary>Imports every official file found in <paramref name="folder"/>, in order, stopping at the first refusal.</summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportFolderAsync(
        string folder, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<ImportOutcome>();
        if (!Directory.Exists(folder))
        {
            outcomes.Add(new ImportOutcome("reference", folder, 0, 0, [], new ImportProblem(folder, 0, null, null, "the folder does not exist"), TimeSpan.Zero));
            return outcomes;
        }

        foreach (var (reader, path) in ReferenceReaders.FilesIn(folder))
        {
            var outcome = await ImportFileAsync(reader, path, actor, progress, cancellationToken);
            outcomes.Add(outcome);
            if (!outcome.Succeeded) break;
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(new ImportOutcome("reference", folder, 0, 0, [], new ImportProblem(folder, 0, null, null,
                $"no official files found (expected for example {ReferenceReaders.All[0].FolderPattern} inside it)"), TimeSpan.Zero));
        }

        return outcomes;
    }

    /// <summary>Whether a file can change the ICS's own places: the first real file, or one linking practices, PCNs, sub-ICBs or ICBs.</summary>
    private static bool ShapesTheIcs(ImportBatch batch) =>
        batch.Memberships.Exists(m => m.ParentType is AreaType.Pcn or AreaType.SubIcb or AreaType.Icb);

    private async Task<PlaceLookup> LookupAsync(CancellationToken cancellationToken)
    {
        var districts = await db.Areas.AsNoTracking()
            .Where(a => a.Type == AreaType.District)
            .Select(a => new { a.Name, a.Code })
            .ToListAsync(cancellationToken);
        return new PlaceLookup(districts.DistinctBy(d => d.Name).ToDictionary(d => d.Name, d => d.Code));
    }

    /// <summary>The ICB's PCNs and their practices, from the stored memberships (latest of each); three small queries.</summary>
    private async Task<IReadOnlyList<(Area Pcn, IReadOnlyList<AreaCode> Practices)>> PcnsOfIcbAsync(CancellationToken cancellationToken)
    {
        var icb = ics.IcbCode;
        var subIcbs = await Current(db.AreaMemberships.AsNoTracking()
            .Where(m => m.ChildType == AreaType.SubIcb && m.ParentType == AreaType.Icb), cancellationToken);
        var ofIcb = subIcbs.Where(m => m.Parent == icb).Select(m => m.Child).ToList();
        if (ofIcb.Count == 0) return [];
        var pcnLinks = await Current(db.AreaMemberships.AsNoTracking()
            .Where(m => m.ChildType == AreaType.Pcn && m.ParentType == AreaType.SubIcb && ofIcb.Contains(m.Parent)), cancellationToken);
        var pcnCodes = pcnLinks.Select(m => m.Child).Distinct().ToList();
        if (pcnCodes.Count == 0) return [];
        var practiceLinks = await Current(db.AreaMemberships.AsNoTracking()
            .Where(m => m.ChildType == AreaType.Practice && m.ParentType == AreaType.Pcn && pcnCodes.Contains(m.Parent)), cancellationToken);
        var practicesByPcn = practiceLinks.GroupBy(m => m.Parent)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AreaCode>)g.Select(m => m.Child).Order().ToList());
        var pcns = await db.Areas.AsNoTracking().Where(a => pcnCodes.Contains(a.Code)).ToListAsync(cancellationToken);
        return pcns.OrderBy(p => p.Code)
            .Select(p => (p, practicesByPcn.GetValueOrDefault(p.Code) ?? (IReadOnlyList<AreaCode>)[]))
            .ToList();
    }

    /// <summary>The latest membership of each child among those selected (earlier ones are history).</summary>
    private static async Task<List<AreaMembership>> Current(IQueryable<AreaMembership> query, CancellationToken cancellationToken) =>
        (await query.ToListAsync(cancellationToken)).GroupBy(m => m.Child).Select(g => g.MaxBy(m => m.ValidFrom)!).ToList();

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
