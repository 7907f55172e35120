using System.Text;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// A CSV file read strictly (RFC 4180: quoted fields, doubled quotes, CRLF or LF), keeping the line number of
/// every record and whether the file starts with a UTF-8 byte-order mark, so that importers can hold a file to
/// the exact format its publisher issues.
/// </summary>
public sealed class CsvDocument
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private CsvDocument(string fileName, bool hasByteOrderMark, List<CsvRecord> records)
    {
        FileName = fileName;
        HasByteOrderMark = hasByteOrderMark;
        Records = records;
    }

    public string FileName { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>All records, the header (if any) included.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    public static CsvDocument Load(string path) => Parse(Path.GetFileName(path), File.ReadAllBytes(path));

    public static CsvDocument Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        string text;
        try
        {
            text = StrictUtf8.GetString(bom ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportProblemException(new ImportProblem(fileName, 0, null, null, $"the file is not valid UTF-8 text (bad byte at offset {e.Index})"));
        }

        return new CsvDocument(fileName, bom, ParseRecords(fileName, text));
    }

    private static List<CsvRecord> ParseRecords(string fileName, string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var inQuotes = false;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        throw Problem(fileName, line, fields.Count + 1, "a closing quote must be followed by a comma or the end of the line");
                    continue;
                }

                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    i++;
                    break;
                case '"':
                    throw Problem(fileName, line, fields.Count + 1, "a quote inside an unquoted field");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    i++;
                    break;
                case '\r' or '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        records.Add(new CsvRecord(recordLine, [.. fields]));
                    }

                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (inQuotes)
            throw Problem(fileName, recordLine, fields.Count + 1, "the file ends inside a quoted field (a closing quote is missing)");
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    private static ImportProblemException Problem(string file, int line, int column, string rule) =>
        new(new ImportProblem(file, line, column, null, rule));
}

/// <summary>One CSV record: the line it starts on and its fields.</summary>
public sealed record CsvRecord(int Line, string[] Fields);
