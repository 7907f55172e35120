using Commonweal.Application.Files;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// Opens a commissioning file the way users make them: a CSV (UTF-8, blank lines passed over) or an xlsx workbook (its
/// first sheet, header in row 1), told apart by content rather than by name.
/// </summary>
public static class TabularFile
{
    public static Table Open(string path)
    {
        var options = new TableOptions { BlankLines = BlankLines.Skip };
        if (FileSniffer.Sniff(path).Kind != SniffKind.Xlsx) return Table.OpenCsv(path, options);
        string first;
        using (var workbook = Workbook.Open(path))
        {
            if (workbook.Sheets.Count == 0) throw new FileProblemException(new FileProblem(Path.GetFileName(path), null, 0, null, null, "the workbook has no sheets"));
            first = workbook.Sheets[0].Name;
        }

        return Table.OpenSheet(path, first, options: options);
    }
}

/// <summary>Every problem found in a file, up to <see cref="Limit"/> (a file with more is refused with the first ones).</summary>
public sealed class FileProblems
{
    public const int Limit = 100;

    private readonly List<FileProblem> problems = [];

    public IReadOnlyList<FileProblem> All => problems;

    public bool Any => problems.Count > 0;

    public bool Full => problems.Count >= Limit;

    public void Add(FileProblem problem)
    {
        if (!Full) problems.Add(problem);
    }

    public void Add(TableRow row, int column, string rule) => Add(((FileProblemException)row.Reject(column, rule)).Problem);
}
