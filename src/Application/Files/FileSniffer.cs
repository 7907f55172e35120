using System.IO.Compression;
using System.Text;

namespace Commonweal.Application.Files;

/// <summary>What a file turned out to be, by its content.</summary>
public enum SniffKind
{
    /// <summary>UTF-8 text whose first record has two or more comma-separated fields.</summary>
    Csv,

    /// <summary>An xlsx workbook.</summary>
    Xlsx,

    /// <summary>A zip file (its members are sniffed too).</summary>
    Zip,

    /// <summary>Text that starts with '{' or '[' (GeoJSON, for instance).</summary>
    Json,

    /// <summary>Something else: binary data, other text, an empty file; <see cref="FileSniff.Reason"/> says which.</summary>
    Other,

    /// <summary>The file could not be read at all; <see cref="FileSniff.Reason"/> says why.</summary>
    Unreadable,
}

/// <summary>What a file looks like, from its first bytes (and, for a workbook or zip file, its directory).</summary>
/// <param name="Path">The file's path as given; for a zip member, its path inside the zip file.</param>
/// <param name="Kind">What the content is.</param>
/// <param name="HasByteOrderMark">Text that starts with the UTF-8 byte-order mark.</param>
/// <param name="CsvHeader">A CSV's first record, byte-order mark removed and unquoted; null when not CSV.</param>
/// <param name="Sheets">A workbook's sheets in order, with their first rows; empty otherwise.</param>
/// <param name="Members">A zip file's members (folders left out), each sniffed the same way; empty otherwise.</param>
/// <param name="Reason">Why the file is <see cref="SniffKind.Other"/> or <see cref="SniffKind.Unreadable"/>, or a note about a member not looked into.</param>
public sealed record FileSniff(
    string Path,
    SniffKind Kind,
    bool HasByteOrderMark,
    IReadOnlyList<string>? CsvHeader,
    IReadOnlyList<SheetSniff> Sheets,
    IReadOnlyList<FileSniff> Members,
    string? Reason);

/// <summary>A worksheet's name and its first rows as text cells.</summary>
/// <param name="FirstRows">Sheet rows 1 to <see cref="FileSniffer.SheetRows"/> in order (a row the sheet leaves out is an empty list), each cut after its last value.</param>
public sealed record SheetSniff(string Name, IReadOnlyList<IReadOnlyList<string>> FirstRows);

/// <summary>
/// Recognises a file by its content, whatever its name or folder, without reading it all: a CSV's header, a workbook's
/// sheets and first rows, a zip file's members. Never throws for an odd or unreadable file: it says so instead.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading rows of each worksheet are given.</summary>
    public const int SheetRows = 12;

    /// <summary>How much of a text file (or zip member) is looked at.</summary>
    private const int Prefix = 1 << 16;

    /// <summary>Sniffs the file at <paramref name="path"/>.</summary>
    public static FileSniff Sniff(string path)
    {
        byte[] head;
        bool more;
        try
        {
            using var stream = File.OpenRead(path);
            (head, more) = ReadHead(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Unreadable(path, e.Message);
        }

        return IsZip(head) ? SniffArchive(path) : SniffText(path, head, more);
    }

    private static FileSniff SniffArchive(string path)
    {
        try
        {
            using (var archive = ZipFile.OpenRead(path))
            {
                if (archive.GetEntry("xl/workbook.xml") is null)
                    return new FileSniff(path, SniffKind.Zip, false, null, [], [.. ZipMembers.Files(archive).Select(SniffMember)], null);
            }

            using var workbook = Workbook.Open(path);
            return new FileSniff(path, SniffKind.Xlsx, false, null, [.. workbook.Sheets.Select(s => SniffSheet(workbook, s.Name))], [], null);
        }
        catch (FileProblemException e)
        {
            return Unreadable(path, e.Problem.Rule);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || Workbook.IsMalformed(e))
        {
            return Unreadable(path, $"the file starts as a zip file but cannot be read as one ({e.Message})");
        }
    }

    private static SheetSniff SniffSheet(Workbook workbook, string name)
    {
        var rows = new List<IReadOnlyList<string>>();
        var part = workbook.Sheets.First(s => s.Name == name).Part;
        if (part is null) return new SheetSniff(name, rows);
        using var reader = SheetReader.Open(part, workbook.SharedStrings());
        while (reader.Read() && reader.Row <= SheetRows)
        {
            while (rows.Count < reader.Row - 1) rows.Add([]);
            rows.Add([.. Enumerable.Range(0, reader.Count).Select(i => reader[i])]);
        }

        return new SheetSniff(name, rows);
    }

    private static FileSniff SniffMember(ZipArchiveEntry entry)
    {
        byte[] head;
        bool more;
        try
        {
            using var stream = entry.Open();
            (head, more) = ReadHead(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            return Unreadable(entry.FullName, e.Message);
        }

        return IsZip(head)
            ? new FileSniff(entry.FullName, SniffKind.Zip, false, null, [], [], "a zip file (or workbook) inside the zip file: not looked into")
            : SniffText(entry.FullName, head, more);
    }

    private static FileSniff SniffText(string path, byte[] head, bool more)
    {
        if (head.Length == 0) return Other(path, false, "the file is empty");
        var bom = head.AsSpan().StartsWith("\uFEFF"u8);
        var text = head.AsSpan(bom ? 3 : 0);
        if (more)
        {
            // Only whole lines, so that a character cut at the end of what was read is not taken for bad UTF-8.
            var lastLine = text.LastIndexOf((byte)'\n');
            if (lastLine >= 0) text = text[..(lastLine + 1)];
        }

        var zero = text.IndexOf((byte)0);
        if (zero >= 0) return Other(path, bom, $"binary data (a zero byte at offset {zero + (bom ? 3 : 0)})");
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text);
        }
        catch (DecoderFallbackException e)
        {
            return Other(path, bom, $"not UTF-8 text (bad byte at offset {e.Index + (bom ? 3 : 0)})");
        }

        var start = decoded.AsSpan().TrimStart();
        if (start.IsEmpty) return Other(path, bom, "only blank lines");
        if (start[0] is '{' or '[') return new FileSniff(path, SniffKind.Json, bom, null, [], [], null);
        try
        {
            using var table = Table.OpenCsv(new StringReader(decoded), path);
            return table.Header.Count >= 2
                ? new FileSniff(path, SniffKind.Csv, bom, table.Header, [], [], null)
                : Other(path, bom, "text, but its first line has no comma-separated fields");
        }
        catch (FileProblemException e)
        {
            return Other(path, bom, $"text, but not CSV ({e.Problem.Rule})");
        }
    }

    private static (byte[] Head, bool More) ReadHead(Stream stream)
    {
        var buffer = new byte[Prefix + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return (buffer[..Math.Min(read, Prefix)], read > Prefix);
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    private static FileSniff Other(string path, bool bom, string reason) => new(path, SniffKind.Other, bom, null, [], [], reason);

    private static FileSniff Unreadable(string path, string reason) => new(path, SniffKind.Unreadable, false, null, [], [], reason);
}
