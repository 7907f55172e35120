namespace Commonweal.Application.Places.Import;

/// <summary>
/// Shared shape of the CSV readers: the publisher's byte-order mark and header are checked, then each row is read
/// by <see cref="ReadRow"/>. A row key seen twice is a "duplicate key" problem naming both lines.
/// </summary>
public abstract class CsvReaderBase : IReferenceFileReader
{
    public abstract string Kind { get; }

    public abstract string Description { get; }

    public abstract string FolderPattern { get; }

    protected abstract ByteOrderMark Bom { get; }

    protected abstract IReadOnlyList<string> Header { get; }

    public ImportBatch Read(string path, PlaceLookup lookup)
    {
        var table = CsvTable.Open(CsvDocument.Load(path), Bom, Header);
        var batch = new ImportBatch();
        var state = new ReaderContext(batch, lookup);
        foreach (var row in table.Rows())
        {
            batch.Rows++;
            ReadRow(row, state);
        }

        Finish(state);
        return batch;
    }

    protected abstract void ReadRow(CsvRow row, ReaderContext context);

    /// <summary>Runs after the last row, e.g. to add notes about skipped rows.</summary>
    protected virtual void Finish(ReaderContext context)
    {
    }
}
