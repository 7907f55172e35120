using System.Globalization;
using Commonweal.Application.Files;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// The stats verbs' view of their input: a CSV file (or standard input) with a header row, streamed one record at a
/// time through the file layer (<see cref="Table"/>: RFC 4180 quoting, LF or CRLF, a byte-order mark ignored, blank
/// lines skipped), with the analysts' rules on top: trimmed, distinct column names and numbers, identifiers and
/// dates that say what is wrong. Every problem is reported as "FILE line N, column 'NAME': what is wrong".
/// </summary>
public sealed class CsvInput : IDisposable
{
    private static readonly TableOptions Options = new() { BlankLines = BlankLines.Skip, CheckFieldCount = false };

    private readonly Table table;
    private readonly IEnumerator<TableRow> rows;
    private TableRow row;

    private CsvInput(Table table)
    {
        this.table = table;
        Source = table.FileName;
        if (table.IsEmpty) throw new StatsInputException($"{Source}: the file is empty (a header row naming the columns is needed)");
        var header = new string[table.Header.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = table.Header[i].Trim();
            if (header[i].Length == 0)
                throw new StatsInputException($"{Source} line {table.HeaderLine}, column {i + 1}: the header has an empty column name");
            if (!names.Add(header[i]))
                throw new StatsInputException($"{Source} line {table.HeaderLine}, column '{header[i]}': the column is named twice in the header");
        }

        Header = header;
        rows = table.Rows().GetEnumerator();
    }

    /// <summary>"standard input" or the file's name, as messages show it.</summary>
    public string Source { get; }

    /// <summary>The column names of the header row (without surrounding spaces).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line on which the current record starts.</summary>
    public int Line => row.Line;

    /// <summary>The current record exactly as written (without its line break), for passing it through.</summary>
    public string Record => row.RawRecord;

    /// <summary>Opens <paramref name="path"/>, or <paramref name="standardInput"/> when the path is "-".</summary>
    public static CsvInput Open(string path, TextReader standardInput)
    {
        if (path != "-" && Directory.Exists(path)) throw new StatsFileException($"cannot read {path}: it is a folder, not a file");
        if (path != "-" && !File.Exists(path)) throw new StatsFileException($"cannot read {path}: no such file");
        Table? table = null;
        try
        {
            table = path == "-" ? Table.OpenCsv(standardInput, "standard input", Options) : Table.OpenCsv(path, Options);
            return new CsvInput(table);
        }
        catch (FileProblemException problem)
        {
            table?.Dispose();
            throw Problem(problem.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            table?.Dispose();
            throw new StatsFileException($"cannot read {path}: {e.Message}");
        }
        catch
        {
            table?.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column the verb needs; a clear error when the header lacks it.</summary>
    public int Column(string name) => Translated(() => table.Column(name));

    /// <summary>The index of a column the verb can use if present, else −1.</summary>
    public int OptionalColumn(string name) => Translated(() => table.OptionalColumn(name));

    /// <summary>Moves to the next record; false at the end of the file. Blank lines are skipped.</summary>
    public bool Read()
    {
        try
        {
            if (!rows.MoveNext()) return false;
        }
        catch (FileProblemException problem)
        {
            throw Problem(problem.Problem);
        }

        row = rows.Current;
        if (row.FieldCount != Header.Count)
            throw new StatsInputException($"{Source} line {Line}: the record has {row.FieldCount} fields but the header has {Header.Count}");
        return true;
    }

    /// <summary>A field's text (unquoted).</summary>
    public string Text(int column) => row.Text(column, required: false);

    /// <summary>A field's text without allocating when it is not quoted.</summary>
    public ReadOnlySpan<char> Span(int column) => row.Span(column);

    /// <summary>True when the field is empty or only spaces.</summary>
    public bool IsEmpty(int column) => Span(column).IsWhiteSpace();

    /// <summary>The largest count or population read: from 2^53 on, a double no longer holds every whole number.</summary>
    public const double LargestCount = 9007199254740991; // 2^53 − 1

    /// <summary>
    /// A required number. Empty or non-numeric text is an error naming the line and column, and so is a number no
    /// double holds in full: NaN or infinity, beyond ±1.8e308 (it would be read as infinity), or closer to zero than
    /// 2.2e-308 (it would be read as 0, or with fewer digits).
    /// </summary>
    public double Number(int column)
    {
        var text = Span(column).Trim();
        if (text.IsEmpty) throw Problem(column, "a number is required but the field is empty");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw Problem(column, $"'{text}' is not a number");
        if (double.IsInfinity(value))
            throw Problem(column, text.IndexOfAnyInRange('0', '9') < 0
                ? $"'{text}' is not a finite number"
                : $"'{text}' is beyond the range of a double (about ±1.8e308)");
        if (double.IsSubnormal(value) || (value == 0 && Mantissa(text).IndexOfAnyInRange('1', '9') >= 0))
            throw Problem(column, $"'{text}' is closer to zero than a double holds in full (2.2e-308): it would be read as {Format(value)}");
        return value;
    }

    /// <summary>A number that may be missing: an empty field gives NaN.</summary>
    public double OptionalNumber(int column) => IsEmpty(column) ? double.NaN : Number(column);

    /// <summary>A count or population: a number that is not negative, below 2^53.</summary>
    public double NonNegative(int column)
    {
        var value = Count(column);
        return value >= 0 ? value : throw Problem(column, $"{Format(value)} is negative: a count or population cannot be less than zero");
    }

    /// <summary>A denominator: a number greater than zero, below 2^53.</summary>
    public double Positive(int column)
    {
        var value = Count(column);
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
        rows.Dispose();
        table.Dispose();
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A count, population or standard weight: beyond 2^53 a double rounds whole numbers, so a numerator could pass
    /// for its denominator and a sum of counts be wrong; such a number is refused.
    /// </summary>
    private double Count(int column)
    {
        var value = Number(column);
        return value <= LargestCount
            ? value
            : throw Problem(column, $"{Span(column).Trim()} is too large for a count or population: from 2^53 (9,007,199,254,740,992) on, a double cannot hold every whole number");
    }

    /// <summary>The digits before any exponent.</summary>
    private static ReadOnlySpan<char> Mantissa(ReadOnlySpan<char> text) => text.IndexOfAny('e', 'E') is var e and >= 0 ? text[..e] : text;

    /// <summary>A problem the file layer found, in the stats verbs' words: "FILE line N[, column 'NAME']: rule" (a column only when it has a name).</summary>
    private static StatsInputException Problem(FileProblem problem) => new(problem switch
    {
        { Line: 0 } => $"{problem.File}: {problem.Rule}",
        { Field: { } field } => $"{problem.File} line {problem.Line}, column '{field.Trim()}': {problem.Rule}",
        _ => $"{problem.File} line {problem.Line}: {problem.Rule}",
    });

    private static T Translated<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileProblemException problem)
        {
            throw Problem(problem.Problem);
        }
    }
}
