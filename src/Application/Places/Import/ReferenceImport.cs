using System.Security.Cryptography;
using Commonweal.Application.Access;
using Commonweal.Application.Files;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Loads official files into the store: each file read and validated in full, then written in one transaction
/// (all or nothing), idempotently (re-importing the same file changes no row), with an import record and an audit
/// entry. The first real file replaces the demo dataset. A folder is imported by recognising each file by its content.
/// </summary>
public sealed class ReferenceImport(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportFileAsync(
        IReferenceFileReader reader, string path, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var fileName = Path.GetFileName(path);
        ImportOutcome Refused(FileProblem problem) =>
            new(reader.Kind, fileName, 0, 0, [], problem, clock.GetElapsedTime(started));

        if (!File.Exists(path))
            return Refused(new FileProblem(fileName, null, 0, null, null, $"the file {path} does not exist"));

        ImportBatch batch;
        try
        {
            progress?.Report($"{fileName}: reading ({reader.Description})");
            batch = reader.Read(path, await LookupAsync(cancellationToken));
        }
        catch (FileProblemException e)
        {
            return Refused(e.Problem);
        }

        progress?.Report($"{fileName}: {batch.Rows:N0} rows read; writing");
        await DatabaseSetup.TuneForBulkWritesAsync(db, cancellationToken);
        var notes = new List<string>();
        var strategy = db.Database.CreateExecutionStrategy();
        var changed = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            notes.Clear();
            var dataset = await DatasetState.GetAsync(db, cancellationToken);
            if (dataset == DatasetKind.Demo)
            {
                await Application.Referrals.Demo.DemoReferrals.ClearAsync(db, cancellationToken);
                await ImportWriter.ClearPlacesAsync(db, cancellationToken);
                await DemoIndicators.ClearAsync(db, cancellationToken);
                notes.Add("the demo dataset was removed: the store now holds real data only");
            }

            var written = await ImportWriter.WriteAsync(db, batch, cancellationToken);
            notes.AddRange(batch.Notes);
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

    /// <summary>
    /// Imports one file of any official kind, recognised by its content (an upload: its name says nothing reliable).
    /// A file that is no official file Commonweal reads is refused with the reason, and nothing is written.
    /// </summary>
    public async Task<ImportOutcome> ImportRecognisedAsync(
        string path, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        var (reader, reason) = File.Exists(path) ? ReferenceReaders.Recognise(FileSniffer.Sniff(path)) : (null, "the file does not exist");
        if (reader is null)
        {
            return new ImportOutcome("reference", fileName, 0, 0, [], new FileProblem(fileName, null, 0, null, null,
                $"not an official file Commonweal reads ({reason}); docs/data-sources.md lists the files and where to download them"), TimeSpan.Zero);
        }

        return await ImportFileAsync(reader, path, actor, progress, cancellationToken);
    }

    /// <summary>
    /// Imports every official file in <paramref name="folder"/> and its subfolders, whatever they are called: each is
    /// recognised by its content and imported in order (areas before what hangs on them), stopping at the first refusal.
    /// Files that are not official files Commonweal reads, or that repeat another's content, are listed and skipped.
    /// </summary>
    public async Task<FolderImport> ImportFolderAsync(
        string folder, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            return new FolderImport(folder, [], [new ImportOutcome("reference", folder, 0, 0, [], new FileProblem(folder, null, 0, null, null, "the folder does not exist"), TimeSpan.Zero)]);

        var found = FindFiles(folder, progress);
        var outcomes = new List<ImportOutcome>();
        foreach (var file in found.Where(f => f.Reader is not null).OrderBy(f => f.Reader!.Order).ThenBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var outcome = await ImportFileAsync(file.Reader!, Path.Combine(folder, file.RelativePath), actor, progress, cancellationToken);
            outcomes.Add(outcome);
            if (!outcome.Succeeded) break;
        }

        if (!found.Any(f => f.Reader is not null))
        {
            outcomes.Add(new ImportOutcome("reference", folder, 0, 0, [], new FileProblem(folder, null, 0, null, null,
                "no official file Commonweal reads was found in the folder or its subfolders (see docs/data-sources.md for what to download)"), TimeSpan.Zero));
        }

        return new FolderImport(folder, found, outcomes);
    }

    /// <summary>Every file under the folder, recognised by its content; a file with the same content as one found earlier is skipped.</summary>
    private static List<FoundFile> FindFiles(string folder, IProgress<string>? progress)
    {
        var found = new List<FoundFile>();
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var sniff = FileSniffer.Sniff(Path.Combine(folder, relative));
            var (reader, reason) = ReferenceReaders.Recognise(sniff);
            if (reader is not null && ContentKey(Path.Combine(folder, relative), sniff) is { } key)
            {
                if (contents.TryGetValue(key, out var same))
                {
                    found.Add(new FoundFile(relative, null, $"the same content as {same} (not imported twice)", reader.Kind));
                    continue;
                }

                contents[key] = relative;
            }

            found.Add(new FoundFile(relative, reader, reason, reader?.Kind));
        }

        progress?.Report($"{found.Count(f => f.Reader is not null)} official files found, {found.Count(f => f.Reader is null)} skipped");
        return found;
    }

    /// <summary>A digest of what a file holds: of a zip's single member rather than the zip, so a zip and its extracted CSV are one.</summary>
    private static string? ContentKey(string path, FileSniff sniff)
    {
        try
        {
            using var stream = sniff.Kind == SniffKind.Zip && sniff.Members.Count == 1
                ? System.IO.Compression.ZipFile.OpenRead(path).GetEntry(sniff.Members[0].Path)!.Open()
                : File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<PlaceLookup> LookupAsync(CancellationToken cancellationToken)
    {
        var districts = await db.Areas.AsNoTracking()
            .Where(a => a.Type == AreaType.District)
            .Select(a => new { a.Name, a.Code })
            .ToListAsync(cancellationToken);
        return new PlaceLookup(districts.DistinctBy(d => d.Name).ToDictionary(d => d.Name, d => d.Code));
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>A file found in a folder: the kind it was recognised as, or why it was skipped.</summary>
/// <param name="Kind">The kind it was recognised as (also for a file skipped as a repeat of another).</param>
public sealed record FoundFile(string RelativePath, IReferenceFileReader? Reader, string? Skipped, string? Kind);

/// <summary>What importing a folder found and did: every file with its kind or why it was skipped, and each import's outcome.</summary>
public sealed record FolderImport(string Folder, IReadOnlyList<FoundFile> Files, IReadOnlyList<ImportOutcome> Outcomes)
{
    public bool Succeeded => Outcomes.All(o => o.Succeeded);
}
