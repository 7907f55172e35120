namespace Commonweal.Application.Files;

/// <summary>Whether a publisher's CSV file starts with a UTF-8 byte-order mark (see <see cref="Table.RequireByteOrderMark"/>).</summary>
public enum ByteOrderMark
{
    /// <summary>The publisher's file has none.</summary>
    Absent,

    /// <summary>The publisher's file starts with EF BB BF.</summary>
    Present,
}
