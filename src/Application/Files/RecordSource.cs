namespace Commonweal.Application.Files;

/// <summary>
/// Where a <see cref="Table"/>'s records come from (a CSV text read by Sep, or a worksheet read by the Open XML SDK),
/// one record at a time; the current record's fields are valid until <see cref="MoveNext"/> is called again.
/// </summary>
internal abstract class RecordSource(string fileName, string? part, FilePartKind partKind) : IDisposable
{
    public string FileName { get; } = fileName;

    public string? Part { get; } = part;

    /// <summary>The header's names once the table has read them, so that problems name the field.</summary>
    public IReadOnlyList<string>? Header { get; set; }

    /// <summary>The line or row on which the header must stand.</summary>
    public abstract int FirstLine { get; }

    public virtual bool HasByteOrderMark => false;

    /// <summary>Whether the text ended with a line break; null until the end has been read, and for sheets.</summary>
    public virtual bool? EndsWithLineBreak => null;

    /// <summary>The rule a blank line breaks: "an empty line" or "an empty row".</summary>
    public abstract string BlankRule { get; }

    /// <summary>The current record's first line (CSV) or row number (sheet).</summary>
    public int Line { get; protected set; }

    public int FieldCount { get; protected set; }

    /// <summary>True when the current record is a blank line, or a sheet row with no values.</summary>
    public bool IsBlank { get; protected set; }

    /// <summary>The rule an empty file or sheet breaks, with what was expected in it.</summary>
    public abstract string EmptyRule(string expected);

    /// <summary>Moves to the next record, blank ones included; false at the end.</summary>
    public abstract bool MoveNext();

    /// <summary>The field's text, unquoted.</summary>
    public abstract ReadOnlySpan<char> Span(int index);

    public virtual string Text(int index) => Span(index).ToString();

    public virtual bool WasQuoted(int index) => false;

    /// <summary>The record as written (for a sheet: its cells as a CSV record).</summary>
    public abstract string RawRecord();

    /// <summary>A problem at this line and 0-based column, naming the header's field there unless told not to.</summary>
    public FileProblem Problem(int line, int? index, string rule, bool nameField = true) =>
        new(FileName, Part, line, index + 1, nameField && index is { } i && Header is { } header && i < header.Count ? header[i] : null, rule)
        {
            PartKind = partKind,
        };

    public FileProblemException Reject(int line, int? index, string rule, bool nameField = true) =>
        new(Problem(line, index, rule, nameField));

    public abstract void Dispose();
}
