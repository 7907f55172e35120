using System.IO.Compression;

namespace Commonweal.Application.Files;

/// <summary>Opening a publisher's zip file and choosing the CSV member to read.</summary>
internal static class ZipMembers
{
    /// <summary>Opens a zip file; one that is not a zip file is a problem.</summary>
    public static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new FileProblemException(new FileProblem(Path.GetFileName(path), null, 0, null, null, $"the file is not a readable zip file ({e.Message})"));
        }
    }

    /// <summary>The files in the archive (folders left out).</summary>
    public static IEnumerable<ZipArchiveEntry> Files(ZipArchive archive) => archive.Entries.Where(e => e.Name.Length > 0);

    /// <summary>The named member, or else the only .csv member.</summary>
    public static ZipArchiveEntry Choose(ZipArchive archive, string fileName, string? member)
    {
        var files = Files(archive).ToList();
        var holds = files.Count == 0 ? "it is empty" : $"it holds: {string.Join(", ", files.Select(f => f.FullName))}";
        if (member is not null)
        {
            return files.Find(f => string.Equals(f.FullName, member, StringComparison.OrdinalIgnoreCase))
                ?? throw Problem(fileName, $"the zip file has no member '{member}' ({holds})");
        }

        var csv = files.FindAll(f => f.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        return csv.Count switch
        {
            1 => csv[0],
            0 => throw Problem(fileName, $"the zip file holds no CSV file ({holds})"),
            _ => throw Problem(fileName, $"the zip file holds {csv.Count} CSV files ({string.Join(", ", csv.Select(f => f.FullName))}): name the one to read"),
        };
    }

    private static FileProblemException Problem(string fileName, string rule) => new(new FileProblem(fileName, null, 0, null, null, rule));
}
