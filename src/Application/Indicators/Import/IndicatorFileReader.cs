using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Reads one published layout of indicator values: recognised by its header (whatever the file is called), its
/// columns found by name (publishers add, rename and reorder trailing columns), every row checked, then the checks
/// that need the whole file (<see cref="BatchChecks"/>): repeated rows, rows that leave out their indicator's number or age.
/// </summary>
public abstract class IndicatorFileReader
{
    /// <summary>The name the CLI prints for the format, e.g. "fingertips-export".</summary>
    public abstract string Kind { get; }

    /// <summary>What the file is, in words.</summary>
    public abstract string Description { get; }

    /// <summary>Who publishes it: the catalogue's source of an indicator the file creates.</summary>
    public abstract string Publisher { get; }

    public virtual string Licence => "Open Government Licence v3.0";

    /// <summary>The columns the layout must have (names and their aliases, "Area Name|AreaName"); others may stand among them.</summary>
    protected abstract TableLayout Layout { get; }

    /// <summary>How well a file's header matches the layout, 0 to 1.</summary>
    public virtual double Recognise(FileSniff sniff) => Layout.Score(sniff);

    /// <summary>The layout's columns, for messages.</summary>
    public IReadOnlyList<string> Columns => Layout.Columns;

    /// <summary>Reads and checks the whole file. Throws <see cref="FileProblemException"/> at the first bad thing.</summary>
    public IndicatorBatch Read(string path, FileSniff? sniff = null)
    {
        sniff ??= FileSniffer.Sniff(path);
        var batch = new IndicatorBatch(Kind, Path.GetFileName(path)) { Source = Publisher, Licence = Licence };
        var options = new TableOptions { CheckFieldCount = false };
        using var table = sniff.Kind == SniffKind.Zip
            ? Table.OpenZipMember(path, sniff.Members.Where(m => m.Kind == SniffKind.Csv).MaxBy(Layout.Score)?.Path, options)
            : Table.OpenCsv(path, options);
        batch.Table = table;
        var read = Begin(table, Layout.Bind(table), batch);
        var fields = table.Header.Count;
        foreach (var row in table.Rows())
        {
            if (row.FieldCount < fields)
            {
                if (row.FieldCount <= batch.LastColumnRead)
                    throw row.Reject(row.FieldCount, $"truncated row: expected {fields} fields, found {row.FieldCount}");
                batch.Tally($"{{n}} rows end before the trailing column(s) {string.Join(", ", table.Header.Skip(row.FieldCount).Select(h => $"'{h}'"))}, which Commonweal does not read");
            }

            if (row.FieldCount > fields)
                throw row.Reject(fields, $"too many fields: expected {fields}, found {row.FieldCount}");
            batch.RowsRead++;
            read(row);
        }

        BatchChecks.Run(batch);
        Finish(batch);
        batch.Notes.InsertRange(0, batch.TallyNotes());
        batch.Table = null;
        return batch;
    }

    /// <summary>Finds the columns (beyond the layout's) and returns what reads each row into the batch.</summary>
    protected abstract Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch);

    /// <summary>Runs after the whole-file checks, e.g. to add notes.</summary>
    protected virtual void Finish(IndicatorBatch batch)
    {
    }
}
