using System.IO.Compression;
using Commonweal.Application.Files;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// The shape of a reader of a publisher's table: recognise the file by its header in any of the publisher's layouts
/// (a CSV, the CSV in a zip file, or a workbook's sheet), check the header and byte-order mark, read every row, and
/// check the row count where the publisher states one (IoD: one row per LSOA of its vintage).
/// </summary>
public abstract class TableFileReader : IReferenceFileReader
{
    public abstract string Kind { get; }

    public abstract string Description { get; }

    public abstract string Source { get; }

    public abstract int Order { get; }

    /// <summary>The publisher's layouts, the usual one first.</summary>
    protected abstract IReadOnlyList<TableLayout> Layouts { get; }

    /// <summary>The number of data rows the publisher's file has, when it says (checked after reading); null when it varies.</summary>
    protected virtual int? ExpectedRows => null;

    /// <summary>What the expected rows are, for the message when the count is wrong ("one per LSOA of 2021").</summary>
    protected virtual string ExpectedRowsAre => "rows";

    public double Recognise(FileSniff sniff) => Layouts.Select(l => l.Score(sniff)).DefaultIfEmpty(0).Max();

    public ImportBatch Read(string path, PlaceLookup lookup)
    {
        var sniff = FileSniffer.Sniff(path);
        var layout = Layouts.MaxBy(l => l.Score(sniff)) is { } best && best.Score(sniff) > 0
            ? best
            : Layouts.FirstOrDefault(l => l.IsWorkbook == (sniff.Kind == SniffKind.Xlsx)) ?? Layouts[0];
        var batch = new ImportBatch();
        var context = new ReaderContext(batch, lookup);
        foreach (var table in Open(path, sniff, layout))
        {
            using (table)
            {
                var columns = layout.Bind(table);
                context.Layout = layout;
                context.Table = table;
                Begin(table, columns, context);
                foreach (var row in table.Rows())
                {
                    batch.Rows++;
                    ReadRow(row, columns, context);
                }

                if (ExpectedRows is { } expected && context.RowsOfThisTable(batch.Rows) != expected)
                {
                    throw new FileProblemException(table.Problem(0, null,
                        $"the file has {context.RowsOfThisTable(batch.Rows):N0} rows, but the publisher's has {expected:N0} ({ExpectedRowsAre}): "
                        + "is it cut short, or an extract? Import the whole file as published"));
                }

                context.EndTable(batch.Rows);
            }
        }

        Finish(context);
        return batch;
    }

    /// <summary>Runs before the first row of each table (a workbook may give several sheets), e.g. to read its date.</summary>
    protected virtual void Begin(Table table, ColumnMap columns, ReaderContext context)
    {
    }

    protected abstract void ReadRow(TableRow row, ColumnMap columns, ReaderContext context);

    /// <summary>Runs after the last row, e.g. to add notes about skipped rows.</summary>
    protected virtual void Finish(ReaderContext context)
    {
    }

    /// <summary>The tables to read: the CSV (or its zip member) or each matching sheet of the workbook.</summary>
    private static IEnumerable<Table> Open(string path, FileSniff sniff, TableLayout layout)
    {
        if (!layout.IsWorkbook)
        {
            if (sniff.Kind == SniffKind.Zip)
            {
                var member = sniff.Members.Where(m => m.Kind == SniffKind.Csv).MaxBy(layout.Score);
                yield return Table.OpenZipMember(path, member?.Path);
            }
            else
            {
                yield return Table.OpenCsv(path);
            }

            yield break;
        }

        var workbook = path;
        string? extracted = null;
        if (sniff.Kind == SniffKind.Zip && sniff.Members.FirstOrDefault(m => m.Kind == SniffKind.Xlsx) is { } inner)
        {
            // A publisher's zip holding the workbook (ONS's SAPE22DT2): read from a copy, deleted afterwards.
            var folder = Directory.CreateTempSubdirectory("commonweal-zip-").FullName;
            extracted = Path.Combine(folder, Path.GetFileName(inner.Path));
            using (var archive = ZipFile.OpenRead(path))
                archive.GetEntry(inner.Path)!.ExtractToFile(extracted);
            workbook = extracted;
            sniff = FileSniffer.Sniff(extracted);
        }

        try
        {
            var sheets = sniff.Sheets.Where(s => layout.SheetMatches(s.Name)).Select(s => s.Name).ToList();
            if (sheets.Count == 0) sheets.Add(layout.Sheet ?? layout.SheetPattern!.ToString());
            foreach (var sheet in sheets)
                yield return Table.OpenSheet(workbook, sheet, layout.HeaderRow);
        }
        finally
        {
            if (extracted is not null) Directory.Delete(Path.GetDirectoryName(extracted)!, recursive: true);
        }
    }
}
