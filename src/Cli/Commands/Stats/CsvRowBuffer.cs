using System.Globalization;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// CSV rows being formatted in memory: fields quoted only when they must be, numbers in their shortest
/// round-trip form, NaN (not calculated) as an empty field. <see cref="CsvOutput"/> writes through one, and
/// <see cref="StatsRun.ForEachRow{T}"/> gives each formatting thread its own. A number no double can give in full — an
/// overflow to ±∞ or an underflow below the smallest normal double — is noted with its column (<see cref="TakeLost"/>)
/// so that the run is refused rather than writing a lost answer.
/// </summary>
public sealed class CsvRowBuffer
{
    private char[] buffer = new char[1 << 16];
    private bool rowStarted;
    private int rowStart;
    private int column;
    private int nextColumn;
    private (int Column, double Value)? lost;

    /// <summary>How many columns a record written by <see cref="PassThrough"/> fills (the input's column count).</summary>
    public int PassThroughColumns { get; set; } = 1;

    /// <summary>How many characters are waiting.</summary>
    public int Length { get; private set; }

    /// <summary>The formatted text so far.</summary>
    public ReadOnlySpan<char> Text => buffer.AsSpan(0, Length);

    /// <summary>Forgets the formatted text (after it has been written).</summary>
    public void Clear()
    {
        Length = 0;
        rowStarted = false;
        nextColumn = 0;
        lost = null;
    }

    /// <summary>
    /// The first number of the rows written since the last call that no double holds in full (±∞, or below
    /// 2.2e-308 but not 0), with its column (0-based); null when every number was written in full.
    /// </summary>
    public (int Column, double Value)? TakeLost()
    {
        var first = lost;
        lost = null;
        return first;
    }

    /// <summary>The current row's text so far, for naming it in a message.</summary>
    public string CurrentRow => new(buffer, rowStart, Length - rowStart);

    /// <summary>Writes an input record through unchanged, as the next fields of the row.</summary>
    public void PassThrough(string record)
    {
        Separator(PassThroughColumns);
        Append(record);
    }

    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public void Field(string? text)
    {
        Separator();
        if (string.IsNullOrEmpty(text)) return;
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Append(text);
            return;
        }

        Append("\"");
        Append(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        Append("\"");
    }

    /// <summary>A number in its shortest round-trip form; NaN as an empty field.</summary>
    public void Field(double value)
    {
        Separator();
        if (double.IsNaN(value)) return;
        if (double.IsInfinity(value) || double.IsSubnormal(value)) lost ??= (column, value);
        Reserve(32);
        value.TryFormat(buffer.AsSpan(Length), out var written, "R", CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>A whole number.</summary>
    public void Field(long value)
    {
        Separator();
        Reserve(24);
        value.TryFormat(buffer.AsSpan(Length), out var written, provider: CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Reserve(1);
        buffer[Length++] = '\n';
        rowStarted = false;
        nextColumn = 0;
    }

    private void Separator(int columns = 1)
    {
        if (rowStarted)
        {
            Reserve(1);
            buffer[Length++] = ',';
        }
        else
        {
            rowStart = Length;
        }

        rowStarted = true;
        column = nextColumn;
        nextColumn += columns;
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(buffer.AsSpan(Length));
        Length += text.Length;
    }

    private void Reserve(int characters)
    {
        if (Length + characters <= buffer.Length) return;
        Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + characters));
    }
}
