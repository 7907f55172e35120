using System.Globalization;
using System.Runtime.CompilerServices;

namespace Commonweal.Application.Files;

/// <summary>
/// One record of a <see cref="Table"/>, valid until the next is read (using it later is a bug and throws). Columns
/// are 0-based indexes, as <see cref="Table.Column"/> gives them. The typed accessors hold values to the publishers'
/// formats; a bad value stops the read with a <see cref="FileProblemException"/> naming the file, line, column and
/// the header's field.
/// </summary>
public readonly struct TableRow
{
    private readonly Table table;
    private readonly int stamp;

    internal TableRow(Table table, int stamp)
    {
        this.table = table;
        this.stamp = stamp;
    }

    /// <summary>CSV: the 1-based line the record starts on; xlsx: the sheet's row number.</summary>
    public int Line
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => Source.Line;
    }

    /// <summary>How many fields the record has (the header's count, unless the table was told not to check).</summary>
    public int FieldCount
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => Source.FieldCount;
    }

    /// <summary>The record exactly as written, without its line break, for passing it through (for a sheet: its cells as a CSV record).</summary>
    public string RawRecord
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => Source.RawRecord();
    }

    private RecordSource Source => table.Current(stamp);

    /// <summary>A field's text, unquoted, without allocating unless it holds a doubled quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> Span(int index) => Source.Span(index);

    /// <summary>Whether the field was written in quotes (CSV only; false for a sheet's cells).</summary>
    public bool WasQuoted(int index) => Source.WasQuoted(index);

    /// <summary>A field's text, unquoted; by default a value is required ("a value is required").</summary>
    public string Text(int index, bool required = true)
    {
        var value = Source.Text(index);
        if (required && value.Length == 0) throw Reject(index, "a value is required");
        return value;
    }

    /// <summary>A whole number written as <paramref name="style"/> says, within <paramref name="min"/>–<paramref name="max"/>.</summary>
    public int Integer(int index, NumberStyle style, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Whole(index, style);
        if (value < min || value > max) throw Reject(index, $"{value} is outside the allowed range {min}–{max}");
        return (int)value;
    }

    /// <summary>
    /// A whole number written as the publisher writes the column: <see cref="NumberStyle.Plain"/> refuses thousands
    /// separators, <see cref="NumberStyle.Grouped"/> requires them (above 999) in the right places.
    /// </summary>
    public long Whole(int index, NumberStyle style)
    {
        var text = Text(index);
        var digits = text;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            if (style == NumberStyle.Plain)
                throw Reject(index, $"'{text}' has a thousands separator, which the publisher does not use in this column");
            if (!IsGrouped(text))
                throw Reject(index, $"'{text}' has misplaced thousands separators");
            digits = text.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (style == NumberStyle.Grouped && text.TrimStart('-').Length > 3)
        {
            throw Reject(index, $"'{text}' has no thousands separator, but the publisher writes this column with them (e.g. 29,199)");
        }

        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Reject(index, $"'{text}' is not a whole number");
        return value;
    }

    /// <summary>A finite decimal number (sign, point and exponent allowed; no thousands separators).</summary>
    public double Decimal(int index)
    {
        var text = Text(index);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
            throw Reject(index, $"'{text}' is not a number");
        return value;
    }

    /// <summary>A problem about this record's field at <paramref name="index"/> with a rule of the reader's own, to throw.</summary>
    public Exception Reject(int index, string rule) => table.Reject(Source.Line, index, rule);

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
