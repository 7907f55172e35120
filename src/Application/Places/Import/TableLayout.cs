using System.Text.RegularExpressions;
using Commonweal.Application.Files;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// One layout in which a publisher issues a table: its columns (a column may have other names it has gone by, written
/// "SUB_ICB_LOCATION_CODE|CCG_CODE"), whether they must be exactly these in this order (MHCLG's and NHS Digital's
/// files) or may stand anywhere among others (ONS's lookups, whose ObjectId and Welsh-name columns come and go), the
/// byte-order mark, and for a workbook the sheet and header row. Header names are compared with runs of white space
/// read as one space, since some workbooks break long headers over lines.
/// </summary>
public sealed partial record TableLayout(string Name, IReadOnlyList<string> Columns)
{
    /// <summary>Whether the header must be exactly <see cref="Columns"/>, in order, and nothing else.</summary>
    public bool Exact { get; init; } = true;

    /// <summary>The publisher's byte-order mark for CSV (null: either).</summary>
    public ByteOrderMark? Bom { get; init; }

    /// <summary>For a workbook: the sheet's name (or a pattern, see <see cref="SheetPattern"/>); null for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>For a workbook: a regular expression the sheet names match (e.g. every "Mid-2024 LSOA 2021"); all matching sheets are read.</summary>
    public Regex? SheetPattern { get; init; }

    /// <summary>For a workbook: the row that holds the header (the rows above hold titles).</summary>
    public int HeaderRow { get; init; } = 1;

    public bool IsWorkbook => Sheet is not null || SheetPattern is not null;

    /// <summary>How far a header matches: shared columns over all the columns of either (1 = exactly these).</summary>
    public double Score(IReadOnlyList<string>? header)
    {
        if (header is null || header.Count == 0) return 0;
        var written = header.Select(Normalise).ToList();
        var matched = Columns.Count(c => Names(c).Any(n => written.Contains(n, StringComparer.OrdinalIgnoreCase)));
        // Extra columns count fully against an exact layout, and a little against one read by name, so that of two
        // layouts a header has all the columns of, the one naming more of them wins.
        var extra = written.Count - matched;
        var score = matched / (Columns.Count + (Exact ? extra : 0.01 * extra));
        return matched >= 2 ? score : 0;
    }

    /// <summary>How far a sniffed file (CSV, a workbook's sheets, a zip's members) matches this layout.</summary>
    public double Score(FileSniff sniff) => sniff.Kind switch
    {
        SniffKind.Csv when !IsWorkbook => Score(sniff.CsvHeader),
        SniffKind.Xlsx when IsWorkbook => sniff.Sheets
            .Select(s => s.FirstRows.Count >= HeaderRow ? Score(s.FirstRows[HeaderRow - 1]) * (SheetMatches(s.Name) ? 1 : 0.99) : 0)
            .DefaultIfEmpty(0).Max(),
        SniffKind.Zip => sniff.Members.Select(Score).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    public bool SheetMatches(string name) =>
        SheetPattern?.IsMatch(name) ?? string.Equals(Normalise(name), Normalise(Sheet ?? string.Empty), StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the header (and byte-order mark) of an opened table and gives the index of each column.</summary>
    public ColumnMap Bind(Table table)
    {
        if (Exact)
        {
            var written = table.Header.Select(Normalise).ToList();
            var same = !table.IsEmpty && written.Count == Columns.Count
                && Columns.Select((c, i) => Names(c).Contains(written[i], StringComparer.Ordinal)).All(ok => ok);
            if (!same) table.RequireHeader(Columns.Select((c, i) => i < written.Count && Names(c).Contains(written[i], StringComparer.Ordinal) ? table.Header[i] : Names(c)[0]).ToList());
        }

        if (Bom is { } bom) table.RequireByteOrderMark(bom);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            var names = Names(column);
            indexes[names[0]] = FindColumn(table, names);
        }

        return new ColumnMap(indexes);
    }

    /// <summary>"Index of … Rank\n(where 1 …)" → "Index of … Rank (where 1 …)".</summary>
    public static string Normalise(string name) => Spaces().Replace(name, " ").Trim();

    private static string[] Names(string column) => column.Split('|');

    private static int FindColumn(Table table, string[] names)
    {
        for (var i = 0; i < table.Header.Count; i++)
        {
            var written = Normalise(table.Header[i]);
            if (names.Any(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase))) return i;
        }

        return table.Column(names[0], names[1..]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Where each column of a layout stands in the table read (by the column's first name).</summary>
public sealed class ColumnMap(IReadOnlyDictionary<string, int> indexes)
{
    public int this[string column] => indexes.TryGetValue(column, out var i) ? i : throw new ArgumentException($"no column '{column}' in the layout", nameof(column));
}
