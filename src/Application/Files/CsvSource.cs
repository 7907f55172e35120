using System.Globalization;
using System.Runtime.CompilerServices;
using nietras.SeparatedValues;

namespace Commonweal.Application.Files;

/// <summary>
/// CSV records read by Sep (SIMD splitting, line numbers), held to RFC 4180 where Sep is lenient: Sep accepts a
/// quote inside an unquoted field, text after a closing quote and a quote left open at the end of the file, so a
/// record that holds a quote at all (one vectorised search) has its quoted fields checked here. Fields are unquoted
/// here too, not by Sep, whose in-place unescaping would spoil the record kept for pass-through.
/// </summary>
internal sealed class CsvSource : RecordSource
{
    private const string QuoteLeftOpen = "the file ends inside a quoted field (a closing quote is missing)";

    private static readonly SepReaderOptions SepOptions = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    private readonly CsvText text;
    private readonly SepReader reader;
    private readonly IDisposable? owner;
    private int nextLine = 1;
    private bool quotes;

    /// <param name="owner">Disposed with the source, e.g. the zip archive a member stream comes from.</param>
    public CsvSource(Stream stream, string fileName, string? part, FilePartKind partKind, IDisposable? owner = null)
        : base(fileName, part, partKind)
    {
        this.owner = owner;
        text = new CsvText(stream, (line, rule) => Reject(line, null, rule));
        reader = Open(text);
    }

    public CsvSource(TextReader input, string fileName)
        : base(fileName, null, FilePartKind.None)
    {
        text = new CsvText(input, (line, rule) => Reject(line, null, rule));
        reader = Open(text);
    }

    public override int FirstLine => 1;

    public override bool HasByteOrderMark => text.HasByteOrderMark;

    public override bool? EndsWithLineBreak => text.EndsWithLineBreak;

    public override string BlankRule => "an empty line";

    public override string EmptyRule(string expected) => $"the file is empty ({expected})";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MoveNext()
    {
        if (!reader.MoveNext()) return false;
        var row = reader.Current;
        Line = nextLine;
        nextLine = row.LineNumberToExcl; // Sep's LineNumberFrom is not right for the first row; where the last one ended is
        FieldCount = row.ColCount;
        var record = row.Span;
        IsBlank = record.IsEmpty;
        quotes = record.Contains('"');
        if (quotes) CheckQuotes(row, record);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ReadOnlySpan<char> Span(int index)
    {
        var field = reader.Current[index].Span;
        if (!quotes || field.IsEmpty || field[0] != '"') return field;
        var inner = field[1..^1];
        return inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
    }

    public override bool WasQuoted(int index)
    {
        if (!quotes) return false;
        var field = reader.Current[index].Span;
        return !field.IsEmpty && field[0] == '"';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string RawRecord() => reader.Current.Span.ToString();

    public override void Dispose()
    {
        reader.Dispose();
        text.Dispose();
        owner?.Dispose();
    }

    private static SepReader Open(CsvText text)
    {
        try
        {
            return SepOptions.From(text);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Line breaks in a span: LF, CRLF or a lone CR, as Sep and RFC 4180 count them.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var breaks = text.Count('\n');
        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r'))
        {
            if (i + 1 == text.Length || text[i + 1] != '\n') breaks++;
            text = text[(i + 1)..];
        }

        return breaks;
    }

    /// <summary>
    /// Holds every field of a record that has a quote in it to RFC 4180. Sep splits fields by quote parity as RFC 4180
    /// does, so the fields up to the first bad one are the right fields, and the bad one starts where it should.
    /// </summary>
    private void CheckQuotes(SepReader.Row row, ReadOnlySpan<char> record)
    {
        var offset = 0; // where the field starts in the record: fields are raw slices, one comma apart
        for (var i = 0; i < row.ColCount; i++)
        {
            var field = row[i].Span;
            if (field.IsEmpty || field[0] != '"')
            {
                var quote = field.IndexOf('"');
                if (quote >= 0) throw Reject(Line + LineBreaks(record[..(offset + quote)]), i, "a quote inside an unquoted field");
            }
            else
            {
                var at = 1;
                while (true)
                {
                    var next = field[at..].IndexOf('"');
                    // Where the quote opened, but not named as that field's problem: an open quote swallows the rest of the file.
                    if (next < 0) throw Reject(Line, i, QuoteLeftOpen, nameField: false);
                    at += next + 1;
                    if (at < field.Length && field[at] == '"')
                    {
                        at++;
                        continue;
                    }

                    if (at < field.Length)
                        throw Reject(Line + LineBreaks(record[..(offset + at)]), i, "a closing quote must be followed by a comma or the end of the line");
                    break;
                }
            }

            offset += field.Length + 1;
        }
    }
}
