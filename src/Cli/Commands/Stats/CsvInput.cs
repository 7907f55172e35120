using System.Globalization;
using System.Text;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// A CSV file with a header row, read one record at a time (RFC 4180 quoting; LF or CRLF; a UTF-8
/// byte-order mark is ignored) so that files of millions of rows stream through in constant memory.
/// Every problem is reported as "FILE line N, column 'NAME': what is wrong".
/// </summary>
public sealed class CsvInput : IDisposable
{
    private readonly TextReader reader;
    private readonly bool ownsReader;
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private bool[] quoted = new bool[16];
    private int fieldCount;
    private int nextLine = 1;

    private CsvInput(string source, TextReader reader, bool ownsReader)
    {
        Source = source;
        this.reader = reader;
        this.ownsReader = ownsReader;
        if (!ReadRecord() || (fieldCount == 1 && Record.Trim().Length == 0))
            throw new StatsInputException($"{source}: the file is empty (a header row naming the columns is needed)");
        var header = new string[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            header[i] = Text(i).Trim();
            if (header[i].Length == 0)
                throw new StatsInputException($"{source} line {Line}, column {i + 1}: the header has an empty column name");
            if (!columns.TryAdd(header[i], i))
                throw new StatsInputException($"{source} line {Line}, column '{header[i]}': the column is named twice in the header");
        }

        Header = header;
    }

    /// <summary>"standard input" or the file's name, as messages show it.</summary>
    public string Source { get; }

    /// <summary>The column names of the header row, as written.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The current record exactly as written (without its line break), for passing it through.</summary>
    public string Record { get; private set; } = string.Empty;

    /// <summary>Opens <paramref name="path"/>, or <paramref name="standardInput"/> when the path is "-".</summary>
    public static CsvInput Open(string path, TextReader standardInput)
    {
        if (path == "-") return new CsvInput("standard input", standardInput, ownsReader: false);
        if (!File.Exists(path)) throw new StatsInputException($"{path}: no such file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var fileReader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        try
        {
            return new CsvInput(Path.GetFileName(path), fileReader, ownsReader: true);
        }
        catch
        {
            fileReader.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column the verb needs; a clear error when the header lacks it.</summary>
    public int Column(string name) =>
        columns.TryGetValue(name, out var index)
            ? index
            : throw new StatsInputException($"{Source} line 1: the required column '{name}' is missing (the header has: {string.Join(", ", Header)})");

    /// <summary>The index of a column the verb can use if present, else −1.</summary>
    public int OptionalColumn(string name) => columns.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Moves to the next record; false at the end of the file. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (ReadRecord())
        {
            if (fieldCount == 1 && ends[0] == starts[0] && !quoted[0]) continue;
            if (fieldCount != Header.Count)
                throw new StatsInputException($"{Source} line {Line}: the record has {fieldCount} fields but the header has {Header.Count}");
            return true;
        }

        return false;
    }

    /// <summary>A field's text (unquoted).</summary>
    public string Text(int column) =>
        quoted[column]
            ? Record[starts[column]..ends[column]].Replace("\"\"", "\"", StringComparison.Ordinal)
            : Record[starts[column]..ends[column]];

    /// <summary>A field's text without allocating when it is not quoted.</summary>
    public ReadOnlySpan<char> Span(int column) =>
        quoted[column] ? Text(column).AsSpan() : Record.AsSpan(starts[column], ends[column] - starts[column]);

    /// <summary>True when the field is empty or only spaces.</summary>
    public bool IsEmpty(int column) => Span(column).IsWhiteSpace();

    /// <summary>A required number; empty, non-numeric or non-finite text is an error naming the line and column.</summary>
    public double Number(int column)
    {
        var text = Span(column).Trim();
        if (text.IsEmpty) throw Problem(column, "a number is required but the field is empty");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Problem(column, $"'{text}' is not a number");
        return value;
    }

    /// <summary>A number that may be missing: an empty field gives NaN.</summary>
    public double OptionalNumber(int column) => IsEmpty(column) ? double.NaN : Number(column);

    /// <summary>A count or population: a number that is not negative.</summary>
    public double NonNegative(int column)
    {
        var value = Number(column);
        return value >= 0 ? value : throw Problem(column, $"{Format(value)} is negative: a count or population cannot be less than zero");
    }

    /// <summary>A denominator: a number greater than zero.</summary>
    public double Positive(int column)
    {
        var value = Number(column);
        return value > 0 ? value : throw Problem(column, $"{Format(value)} must be greater than zero");
    }

    /// <summary>Required text (an identifier such as a group or area); empty is an error.</summary>
    public string Identifier(int column)
    {
        var text = Text(column).Trim();
        return text.Length > 0 ? text : throw Problem(column, "a value is required but the field is empty");
    }

    /// <summary>An ISO date (YYYY-MM-DD).</summary>
    public DateOnly Date(int column)
    {
        var text = Span(column).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problem(column, $"'{text}' is not a date in the form YYYY-MM-DD");
    }

    /// <summary>An error about the current record's <paramref name="column"/>.</summary>
    public StatsInputException Problem(int column, string message) =>
        new($"{Source} line {Line}, column '{Header[column]}': {message}");

    /// <summary>An error about the current record as a whole.</summary>
    public StatsInputException Problem(string message) => new($"{Source} line {Line}: {message}");

    public void Dispose()
    {
        if (ownsReader) reader.Dispose();
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private bool ReadRecord()
    {
        string? text;
        try
        {
            text = reader.ReadLine();
        }
        catch (DecoderFallbackException)
        {
            throw new StatsInputException($"{Source} line {nextLine}: the file is not valid UTF-8 text");
        }

        if (text is null) return false;
        Line = nextLine++;
        if (Line == 1 && text.Length > 0 && text[0] == '\uFEFF') text = text[1..]; // a byte-order mark on standard input
        while (!Split(text))
        {
            var more = reader.ReadLine() ?? throw new StatsInputException($"{Source} line {Line}: the file ends inside a quoted field (a closing quote is missing)");
            nextLine++;
            text = text + "\n" + more;
        }

        Record = text;
        return true;
    }

    /// <summary>Finds the fields of one record; false when a quoted field runs on to the next line.</summary>
    private bool Split(string text)
    {
        fieldCount = 0;
        var i = 0;
        while (true)
        {
            if (fieldCount == starts.Length)
            {
                Array.Resize(ref starts, fieldCount * 2);
                Array.Resize(ref ends, fieldCount * 2);
                Array.Resize(ref quoted, fieldCount * 2);
            }

            if (i < text.Length && text[i] == '"')
            {
                var start = i + 1;
                var j = start;
                while (true)
                {
                    var close = text.IndexOf('"', j);
                    if (close < 0) return false;
                    if (close + 1 < text.Length && text[close + 1] == '"')
                    {
                        j = close + 2;
                        continue;
                    }

                    starts[fieldCount] = start;
                    ends[fieldCount] = close;
                    quoted[fieldCount] = true;
                    fieldCount++;
                    i = close + 1;
                    break;
                }

                if (i == text.Length) return true;
                if (text[i] != ',')
                    throw new StatsInputException($"{Source} line {Line}, field {fieldCount}: a closing quote must be followed by a comma or the end of the line");
                i++;
                continue;
            }

            var comma = text.IndexOf(',', i);
            var end = comma < 0 ? text.Length : comma;
            if (text.AsSpan(i, end - i).Contains('"'))
                throw new StatsInputException($"{Source} line {Line}, field {fieldCount + 1}: a quote inside an unquoted field");
            starts[fieldCount] = i;
            ends[fieldCount] = end;
            quoted[fieldCount] = false;
            fieldCount++;
            if (comma < 0) return true;
            i = comma + 1;
        }
    }
}
