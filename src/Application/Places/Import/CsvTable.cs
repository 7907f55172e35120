using System.Globalization;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>Whether a publisher's file starts with a UTF-8 byte-order mark.</summary>
public enum ByteOrderMark
{
    Absent,
    Present,
}

/// <summary>How a publisher writes whole numbers in a column.</summary>
public enum NumberStyle
{
    /// <summary>Digits only: 29199.</summary>
    Plain,
    /// <summary>Thousands separated by commas (and so quoted in CSV): "29,199".</summary>
    Grouped,
}

/// <summary>
/// A CSV document held to its publisher's format: byte-order mark, exact header, field count on every row.
/// Gives typed, validated access to fields; a bad value stops the read with the file, line, column and rule.
/// </summary>
public sealed class CsvTable
{
    private readonly CsvDocument document;
    private readonly IReadOnlyList<string>? header;

    private CsvTable(CsvDocument document, IReadOnlyList<string>? header)
    {
        this.document = document;
        this.header = header;
    }

    public string FileName => document.FileName;

    /// <summary>Reads a file with a header row that must be exactly <paramref name="expectedHeader"/>.</summary>
    public static CsvTable Open(CsvDocument document, ByteOrderMark bom, IReadOnlyList<string> expectedHeader)
    {
        if (document.Records.Count == 0)
            throw new ImportProblemException(new ImportProblem(document.FileName, 0, null, null,
                $"the file is empty (expected a header row: {string.Join(",", expectedHeader)})"));

        var found = document.Records[0].Fields;
        for (var i = 0; i < Math.Max(found.Length, expectedHeader.Count); i++)
        {
            var expected = i < expectedHeader.Count ? expectedHeader[i] : null;
            var actual = i < found.Length ? found[i] : null;
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                var rule = expected is null
                    ? $"wrong header: unexpected extra column '{actual}'"
                    : actual is null
                        ? $"wrong header: column '{expected}' is missing"
                        : $"wrong header: expected '{expected}', found '{actual}'";
                throw new ImportProblemException(new ImportProblem(document.FileName, document.Records[0].Line, i + 1, null, rule));
            }
        }

        // The header is checked before the byte-order mark so that a file given as the wrong kind is reported as such.
        CheckBom(document, bom);
        return new CsvTable(document, expectedHeader);
    }

    private static void CheckBom(CsvDocument document, ByteOrderMark bom)
    {
        if (document.HasByteOrderMark && bom == ByteOrderMark.Absent)
            throw new ImportProblemException(new ImportProblem(document.FileName, 1, null, null,
                "the file starts with a byte-order mark, which the publisher's file does not have (was it re-saved by another program?)"));
        if (!document.HasByteOrderMark && bom == ByteOrderMark.Present && document.Records.Count > 0)
            throw new ImportProblemException(new ImportProblem(document.FileName, 1, null, null,
                "the file has no byte-order mark, but the publisher's file starts with one (was it re-saved by another program?)"));
    }

    /// <summary>The data rows, each checked to have as many fields as the header.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        var columns = header!.Count;
        for (var r = 1; r < document.Records.Count; r++)
        {
            var record = document.Records[r];
            if (record.Fields.Length != columns)
            {
                var rule = record.Fields.Length < columns
                    ? $"truncated row: expected {columns} fields, found {record.Fields.Length}"
                    : $"too many fields: expected {columns}, found {record.Fields.Length}";
                throw new ImportProblemException(new ImportProblem(document.FileName, record.Line, null, null, rule));
            }

            yield return new CsvRow(this, record);
        }
    }

    internal string ColumnName(int index) => header![index];

    internal ImportProblemException Problem(CsvRecord record, int index, string rule) =>
        new(new ImportProblem(document.FileName, record.Line, index + 1, ColumnName(index), rule));
}

/// <summary>Typed access to one row's fields; every accessor names the row and column when a value is bad.</summary>
public readonly struct CsvRow(CsvTable table, CsvRecord record)
{
    public int Line => record.Line;

    public string Text(int index, bool required = true)
    {
        var value = record.Fields[index];
        if (required && value.Length == 0) throw table.Problem(record, index, "a value is required");
        return value;
    }

    /// <summary>An area code of the given GSS entity (e.g. "E01" for an LSOA), or of the given ODS scheme.</summary>
    public AreaCode Code(int index, string? gssEntity = null, AreaCodeScheme? scheme = null)
    {
        var text = Text(index);
        if (!AreaCode.TryParse(text, out var code, out var error))
            throw table.Problem(record, index, $"malformed area code: {error}");
        if (gssEntity is not null && code.GssEntity != gssEntity)
            throw table.Problem(record, index, $"unknown area code '{text}': expected a {gssEntity} code here");
        if (scheme is not null && code.Scheme != scheme)
            throw table.Problem(record, index, $"unknown area code '{text}': expected a {scheme} code here");
        return code;
    }

    public int Integer(int index, NumberStyle style, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Whole(index, style);
        if (value < min || value > max) throw table.Problem(record, index, $"{value} is outside the allowed range {min}–{max}");
        return (int)value;
    }

    public long Whole(int index, NumberStyle style)
    {
        var text = Text(index);
        var digits = text;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            if (style == NumberStyle.Plain)
                throw table.Problem(record, index, $"'{text}' has a thousands separator, which the publisher does not use in this column");
            if (!IsGrouped(text))
                throw table.Problem(record, index, $"'{text}' has misplaced thousands separators");
            digits = text.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (style == NumberStyle.Grouped && text.TrimStart('-').Length > 3)
        {
            throw table.Problem(record, index, $"'{text}' has no thousands separator, but the publisher writes this column with them (e.g. 29,199)");
        }

        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw table.Problem(record, index, $"'{text}' is not a whole number");
        return value;
    }

    public double Decimal(int index)
    {
        var text = Text(index);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
            throw table.Problem(record, index, $"'{text}' is not a number");
        return value;
    }

    /// <summary>Raises a problem about this row and column with a rule of the reader's own.</summary>
    public Exception Reject(int index, string rule) => table.Problem(record, index, rule);

    private static bool IsGrouped(string text)
    {
        var body = text.StartsWith('-') ? text[1..] : text;
        var groups = body.Split(',');
        if (groups[0].Length is < 1 or > 3) return false;
        for (var g = 1; g < groups.Length; g++)
        {
            if (groups[g].Length != 3) return false;
        }

        return true;
    }
}
