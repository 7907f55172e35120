using System.Security.Cryptography;
using Commonweal.Application.Access;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Loads indicator files into the catalogue and its values: each file recognised by its header, read and checked in
/// full, its indicators found or created in the catalogue (what was inferred said), its rows recomputed with the engine
/// where they have counts, then written in one transaction (all or nothing) with bulk upserts, idempotently (importing
/// the same file again changes no row), with an import record and an audit entry for the import and for each catalogue
/// change. Areas are kept as the file names them (code, type and name), whether or not the loaded geography holds them.
/// </summary>
public sealed class IndicatorImport(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Imports a file, or every indicator file in a folder and its subfolders (files that are not are listed as skipped).</summary>
    public async Task<IndicatorFolderImport> ImportAsync(
        string fileOrFolder, IndicatorImportOptions options, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(fileOrFolder))
            return new IndicatorFolderImport([await ImportFileAsync(fileOrFolder, options, actor, progress, cancellationToken)], []);

        var outcomes = new List<IndicatorImportOutcome>();
        var skipped = new List<(string, string)>();
        var files = Directory.EnumerateFiles(fileOrFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (reader, reason) = IndicatorReaders.Recognise(FileSniffer.Sniff(file));
            if (reader is null)
            {
                skipped.Add((Path.GetRelativePath(fileOrFolder, file), reason!));
                continue;
            }

            outcomes.Add(await ImportFileAsync(file, options, actor, progress, cancellationToken));
        }

        return new IndicatorFolderImport(outcomes, skipped);
    }

    public async Task<IndicatorImportOutcome> ImportFileAsync(
        string path, IndicatorImportOptions options, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
            return IndicatorImportOutcome.Refused(fileName, null, new FileProblem(fileName, null, 0, null, null, $"the file {path} does not exist"), clock.GetElapsedTime(started));

        var sniff = FileSniffer.Sniff(path);
        var (reader, reason) = IndicatorReaders.Recognise(sniff);
        if (reader is null)
        {
            var rule = sniff.Reason == "the file is empty" || sniff.Reason == "only blank lines"
                ? $"{sniff.Reason} (expected the header of an indicator file, e.g. a Fingertips export's 'Indicator ID,Indicator Name,…')"
                : $"not an indicator file Commonweal reads: {reason}";
            return IndicatorImportOutcome.Refused(fileName, null, new FileProblem(fileName, null, sniff.Kind == SniffKind.Csv ? 1 : 0, null, null, rule), clock.GetElapsedTime(started));
        }

        IndicatorBatch batch;
        try
        {
            progress?.Report($"{fileName}: reading ({reader.Description})");
            batch = reader.Read(path, sniff);
        }
        catch (FileProblemException e)
        {
            return IndicatorImportOutcome.Refused(fileName, reader.Kind, e.Problem, clock.GetElapsedTime(started));
        }

        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var notes = new List<string>(batch.Notes);
        var ids = IndicatorIds.Resolve(batch, catalogue, notes);
        var stored = catalogue.ToDictionary(i => i.Id);
        var rowsOf = batch.Values.ToLookup(v => v.IndicatorKey);
        var bandsOf = batch.AgeCounts.ToLookup(c => c.IndicatorKey);
        var decisions = new Dictionary<string, IndicatorDecision>(StringComparer.Ordinal);
        foreach (var description in batch.Indicators)
        {
            var id = ids[description.Key];
            var decision = IndicatorInference.Decide(id, description, [.. rowsOf[description.Key]], [.. bandsOf[description.Key]],
                stored.GetValueOrDefault(id), options, batch.Source, batch.Licence);
            if (decision.Refusal is { } refusal)
            {
                return IndicatorImportOutcome.Refused(fileName, reader.Kind, new FileProblem(fileName, null, 0, null, null, refusal), clock.GetElapsedTime(started),
                    [new ImportedIndicator(decision, string.Empty)]);
            }

            decisions[description.Key] = decision;
        }

        var (values, ageCounts, imported, disagreements) = Build(batch, decisions);
        progress?.Report($"{fileName}: {batch.RowsRead:N0} rows read, {values.Count:N0} values; writing");
        var written = await WriteAsync(reader, path, batch, decisions.Values, values, ageCounts, actor, cancellationToken);
        if (written.ReplacedValues > 0)
            notes.Add($"{written.ReplacedValues:N0} values were stored before with other figures (from another file, or another edition of this one): replaced by this file's");
        return new IndicatorImportOutcome(fileName, reader.Kind, batch.RowsRead, values.Count, ageCounts.Count, written.Total, imported, notes, disagreements, null,
            clock.GetElapsedTime(started));
    }

    private static (List<IndicatorValue>, List<IndicatorAgeCount>, List<ImportedIndicator>, List<string>) Build(
        IndicatorBatch batch, Dictionary<string, IndicatorDecision> decisions)
    {
        var values = new List<IndicatorValue>(batch.Values.Count);
        var ageCounts = new List<IndicatorAgeCount>(batch.AgeCounts.Count);
        var disagreements = new List<string>();
        var tallies = decisions.ToDictionary(d => d.Key, d => new RecomputeTally(d.Value.Indicator), StringComparer.Ordinal);
        foreach (var row in batch.Values)
        {
            var decision = decisions[row.IndicatorKey];
            values.Add(ValueBuilder.Build(row, decision.Indicator, tallies[row.IndicatorKey], disagreements));
        }

        foreach (var group in batch.AgeCounts.GroupBy(c => (c.IndicatorKey, c.Area, c.Period.Label, c.Sex, c.CategoryType, c.Category)))
        {
            var indicator = decisions[group.Key.IndicatorKey].Indicator;
            var bands = group.ToList();
            values.Add(ValueBuilder.FromAgeBands(bands, indicator, tallies[group.Key.IndicatorKey]));
            ageCounts.AddRange(bands.Select(b => ValueBuilder.AgeCount(b, indicator.Id)));
        }

        var imported = decisions.Select(d => new ImportedIndicator(d.Value, tallies[d.Key].Summary())).ToList();
        return (values, ageCounts, imported, disagreements);
    }

    private async Task<WrittenRows> WriteAsync(
        IndicatorFileReader reader, string path, IndicatorBatch batch, IEnumerable<IndicatorDecision> decisions,
        List<IndicatorValue> values, List<IndicatorAgeCount> ageCounts, string actor, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var sha = await HashAsync(path, cancellationToken);
        var catalogueChanges = decisions.Where(d => d.Created || d.Changed).ToList();
        await DatabaseSetup.TuneForBulkWritesAsync(db, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var changed = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await IndicatorWriter.WriteAsync(db, [.. catalogueChanges.Select(d => d.Indicator)], values, ageCounts, cancellationToken);
            foreach (var change in catalogueChanges)
            {
                audit.Record(actor, change.Created ? "indicator.create" : "indicator.update", "Indicator", change.Indicator.Id.ToString(),
                    $"{change.Indicator.Name}: {string.Join("; ", change.Said)} (from {fileName})");
            }

            db.Imports.Add(new ImportRecord(0, "indicators:" + reader.Kind, fileName, sha, batch.RowsRead, written.Total, clock.GetUtcNow(), actor));
            audit.Record(actor, "import", "IndicatorFile", fileName, 
                $"{reader.Kind}: {batch.RowsRead} rows read, {values.Count} values, {written.Total} rows changed ({written.ReplacedValues} replaced); indicators {string.Join(", ", decisions.Select(d => d.Indicator.Id))}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        });
        db.ChangeTracker.Clear();
        return changed;
    }

    /// <summary>An audit entry's detail holds 4,000 characters.</summary>

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>What importing a file or a folder did: each indicator file's outcome, and the files skipped with the reason.</summary>
public sealed record IndicatorFolderImport(IReadOnlyList<IndicatorImportOutcome> Outcomes, IReadOnlyList<(string File, string Reason)> Skipped)
{
    public bool Succeeded => Outcomes.All(o => o.Succeeded);
}
