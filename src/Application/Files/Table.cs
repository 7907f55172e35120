using System.Runtime.CompilerServices;

namespace Commonweal.Application.Files;

/// <summary>
/// One table: a header row and the records under it, from a CSV file, a CSV inside a zip file, or a worksheet of an
/// xlsx workbook — the one way the product reads tabular files. Records stream (nothing is held but the current
/// one) and nothing is skipped silently: a file that breaks RFC 4180, is not UTF-8, has a blank line or a record
/// with the wrong field count stops the read with a <see cref="FileProblemException"/> naming the file, line and
/// column. The first record is the header, as written; an empty file has <see cref="IsEmpty"/> set and no header.
/// </summary>
public sealed class Table : IDisposable
{
    private readonly RecordSource source;
    private readonly TableOptions options;
    private readonly string[] header;
    private int stamp;
    private bool rowsTaken;

    private Table(RecordSource source, TableOptions? options)
    {
        this.source = source;
        this.options = options ?? TableOptions.Publisher;
        try
        {
            IsEmpty = !source.MoveNext() || source.IsBlank || (source.FieldCount == 1 && !source.WasQuoted(0) && source.Span(0).IsWhiteSpace());
            header = IsEmpty ? [] : [.. Enumerable.Range(0, source.FieldCount).Select(source.Text)];
            source.Header = header;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The file's name (no folder), as problems name it.</summary>
    public string FileName => source.FileName;

    /// <summary>The worksheet or zip member read; null for a plain CSV file.</summary>
    public string? Part => source.Part;

    /// <summary>CSV only: the file starts with the UTF-8 byte-order mark EF BB BF (taken off before the header).</summary>
    public bool HasByteOrderMark => source.HasByteOrderMark;

    /// <summary>CSV only: whether the text ended with a line break; null until every row has been read, and for sheets.</summary>
    public bool? EndsWithLineBreak => source.EndsWithLineBreak;

    /// <summary>
    /// True when there is no header: the file has no records or its first line is blank (only spaces), or the sheet's
    /// header row has no values. Rows, RequireHeader and Column then report the file as empty.
    /// </summary>
    public bool IsEmpty { get; }

    /// <summary>The line (CSV: 1) or sheet row of the header.</summary>
    public int HeaderLine => source.FirstLine;

    /// <summary>The header's names as written (unquoted, not trimmed); empty when <see cref="IsEmpty"/>.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>Opens a CSV file: UTF-8, strictly (a byte that is not UTF-8 is a problem), with or without a byte-order mark.</summary>
    public static Table OpenCsv(string path, TableOptions? options = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return OpenCsv(stream, Path.GetFileName(path), part: null, options);
    }

    /// <summary>
    /// Opens CSV bytes from a stream (a zip member, a download), UTF-8 as <see cref="OpenCsv(string, TableOptions)"/>.
    /// The table owns the stream and disposes it.
    /// </summary>
    /// <param name="fileName">The name problems give the file.</param>
    /// <param name="part">The zip member the stream is, shown after the file's name in problems.</param>
    public static Table OpenCsv(Stream stream, string fileName, string? part = null, TableOptions? options = null) =>
        Open(() => new CsvSource(stream, fileName, part, part is null ? FilePartKind.None : FilePartKind.ZipMember), stream, options);

    /// <summary>
    /// Opens CSV text already decoded, such as standard input (a leading U+FEFF counts as a byte-order mark and is
    /// taken off). The reader is left open.
    /// </summary>
    public static Table OpenCsv(TextReader reader, string fileName, TableOptions? options = null) =>
        Open(() => new CsvSource(reader, fileName), null, options);

    /// <summary>
    /// Opens a CSV member of a zip file, such as NHS Digital's gp-reg-pat-prac-map.zip. With no
    /// <paramref name="member"/> the zip file must hold exactly one .csv file; a zip file with none, or with several
    /// and none named, is a problem that lists what it holds.
    /// </summary>
    /// <param name="member">The member's path in the zip file (case-insensitive), or null for its only CSV file.</param>
    public static Table OpenZipMember(string zipPath, string? member = null, TableOptions? options = null)
    {
        var archive = ZipMembers.Open(zipPath);
        try
        {
            var entry = ZipMembers.Choose(archive, Path.GetFileName(zipPath), member);
            var stream = entry.Open();
            return Open(() => new CsvSource(stream, Path.GetFileName(zipPath), entry.FullName, FilePartKind.ZipMember, owner: archive), stream, options);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a worksheet of an xlsx workbook, read with the Open XML SDK. Lines are the sheet's row numbers; rows above
    /// <paramref name="headerRow"/> (titles, notes) are passed over. A missing sheet is a problem naming the sheets the
    /// workbook has.
    /// </summary>
    /// <param name="headerRow">The sheet row (1-based) that holds the header.</param>
    public static Table OpenSheet(string xlsxPath, string sheetName, int headerRow = 1, TableOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headerRow, 1);
        var workbook = Workbook.Open(xlsxPath);
        return Open(() => new SheetSource(workbook, sheetName, headerRow), workbook, options);
    }

    /// <summary>
    /// The records under the header, streamed: each row is valid until the next is read. Read once. A blank line
    /// is a problem or skipped as <see cref="TableOptions.BlankLines"/> says; a record without the header's field
    /// count is a problem ("truncated row: expected N fields, found M", "too many fields: expected N, found M").
    /// </summary>
    public IEnumerable<TableRow> Rows()
    {
        if (IsEmpty) throw source.Reject(0, null, source.EmptyRule("a header row naming the columns is needed"));
        if (rowsTaken) throw new InvalidOperationException("The rows of a table can be read only once.");
        rowsTaken = true;
        return Records();
    }

    /// <summary>
    /// Checks the header is exactly <paramref name="expected"/>, names in order: "wrong header: expected 'X', found
    /// 'Y'", "wrong header: column 'X' is missing", "wrong header: unexpected extra column 'X'"; an empty file is
    /// "the file is empty (expected a header row: …)".
    /// </summary>
    public void RequireHeader(IReadOnlyList<string> expected)
    {
        if (IsEmpty) throw source.Reject(0, null, source.EmptyRule($"expected a header row: {string.Join(",", expected)}"));
        for (var i = 0; i < Math.Max(header.Length, expected.Count); i++)
        {
            var wanted = i < expected.Count ? expected[i] : null;
            var found = i < header.Length ? header[i] : null;
            if (string.Equals(wanted, found, StringComparison.Ordinal)) continue;
            var rule = wanted is null
                ? $"wrong header: unexpected extra column '{found}'"
                : found is null
                    ? $"wrong header: column '{wanted}' is missing"
                    : $"wrong header: expected '{wanted}', found '{found}'";
            throw source.Reject(HeaderLine, i, rule, nameField: false);
        }
    }

    /// <summary>
    /// Checks the byte-order mark is as the publisher's file has it, so that a file re-saved by another program is
    /// caught. Check the header first, so that a file given as the wrong kind is reported as such.
    /// </summary>
    public void RequireByteOrderMark(ByteOrderMark bom)
    {
        if (HasByteOrderMark && bom == ByteOrderMark.Absent)
            throw source.Reject(1, null, "the file starts with a byte-order mark, which the publisher's file does not have (was it re-saved by another program?)");
        if (!HasByteOrderMark && bom == ByteOrderMark.Present && !IsEmpty)
            throw source.Reject(1, null, "the file has no byte-order mark, but the publisher's file starts with one (was it re-saved by another program?)");
    }

    /// <summary>
    /// The 0-based index of the column called <paramref name="name"/> or one of its <paramref name="aliases"/>
    /// (case-insensitive, surrounding spaces ignored), wherever it stands, so that a reader accepts a publisher's
    /// re-ordered or extra columns. Missing: "the required column 'X' is missing (the header has: …)".
    /// </summary>
    public int Column(string name, params string[] aliases)
    {
        var index = OptionalColumn(name, aliases);
        if (index >= 0) return index;
        var accepted = aliases.Length == 0 ? string.Empty : $"; also accepted: {string.Join(", ", aliases.Select(a => $"'{a}'"))}";
        throw source.Reject(IsEmpty ? 0 : HeaderLine, null, IsEmpty
            ? source.EmptyRule($"a header row with the column '{name}' is needed")
            : $"the required column '{name}' is missing (the header has: {string.Join(", ", header)}{accepted})");
    }

    /// <summary>As <see cref="Column"/>, but −1 when the header has no such column.</summary>
    public int OptionalColumn(string name, params string[] aliases)
    {
        var found = -1;
        for (var i = 0; i < header.Length; i++)
        {
            var written = header[i].Trim();
            if (!Named(written, name) && !Array.Exists(aliases, alias => Named(written, alias))) continue;
            if (found >= 0) throw source.Reject(HeaderLine, i, $"the column '{name}' is named twice in the header (columns {found + 1} and {i + 1})", nameField: false);
            found = i;
        }

        return found;
    }

    /// <summary>A problem at <paramref name="line"/> in the 0-based <paramref name="column"/>, naming the header's field there.</summary>
    public FileProblem Problem(int line, int? column, string rule) => source.Problem(line, column, rule);

    public void Dispose() => source.Dispose();

    internal FileProblemException Reject(int line, int? column, string rule) => source.Reject(line, column, rule);

    /// <summary>The source while <paramref name="row"/> is its current record; a row kept past it is a bug.</summary>
    internal RecordSource Current(int row) =>
        row == stamp ? source : throw new InvalidOperationException("This row is no longer current: a TableRow is valid only until the next row is read.");

    private static bool Named(string written, string name) => string.Equals(written, name.Trim(), StringComparison.OrdinalIgnoreCase);

    private static Table Open(Func<RecordSource> source, IDisposable? owned, TableOptions? options)
    {
        RecordSource opened;
        try
        {
            opened = source();
        }
        catch
        {
            owned?.Dispose();
            throw;
        }

        return new Table(opened, options);
    }

    private IEnumerable<TableRow> Records()
    {
        var blank = 0;
        while (NextRecord(ref blank)) yield return new TableRow(this, ++stamp);
        stamp++; // the last row is not current once the end has been read
    }

    /// <summary>
    /// Moves the source to the next record that is a row, applying the blank-line and field-count rules. Optimised from
    /// the first call: a one-shot run over a million rows ends before tiered compilation would get to it.
    /// </summary>
    /// <param name="blank">The first blank line passed over and not yet followed by a record (0: none).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextRecord(ref int blank)
    {
        while (source.MoveNext())
        {
            if (source.IsBlank)
            {
                if (blank == 0 && options.BlankLines == BlankLines.Reject) blank = source.Line;
                continue;
            }

            // A blank line is refused only once a record follows it: blank lines at the very end are not records.
            if (blank > 0) throw source.Reject(blank, null, source.BlankRule);
            if (options.CheckFieldCount && source.FieldCount != header.Length)
            {
                var found = source.FieldCount;
                throw source.Reject(source.Line, null, found < header.Length
                    ? $"truncated row: expected {header.Length} fields, found {found}"
                    : $"too many fields: expected {header.Length}, found {found}");
            }

            return true;
        }

        return false;
    }
}
