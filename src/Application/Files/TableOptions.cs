namespace Commonweal.Application.Files;

/// <summary>What a table does with a blank line (an empty record, or a sheet row with no values) among its records.</summary>
public enum BlankLines
{
    /// <summary>A blank line before the last record is a problem ("an empty line"); blank lines at the very end are not.</summary>
    Reject,

    /// <summary>Blank lines are passed over (the stats CLI, for analysts' hand-made files).</summary>
    Skip,
}

/// <summary>How strictly a <see cref="Table"/> holds its records. The default is a publisher's file: nothing is skipped.</summary>
public sealed record TableOptions
{
    /// <summary>A publisher's file: blank lines are problems and every record has the header's field count.</summary>
    public static TableOptions Publisher { get; } = new();

    /// <summary>What to do with blank lines.</summary>
    public BlankLines BlankLines { get; init; } = BlankLines.Reject;

    /// <summary>
    /// Whether <see cref="Table.Rows"/> refuses a record whose field count is not the header's ("truncated row: …",
    /// "too many fields: …"). Turn it off only to word that problem yourself from <see cref="TableRow.FieldCount"/>.
    /// </summary>
    public bool CheckFieldCount { get; init; } = true;
}
