using Commonweal.Application.Files;

namespace Commonweal.Application.Backups;

/// <summary>
/// Where a backup is written: first to a new temporary file beside the destination, moved into place only when the
/// backup is complete, so a failed backup leaves nothing behind and never spoils an existing file.
/// </summary>
public sealed class BackupDestination : IDisposable
{
    private BackupDestination(string path, string temporary)
    {
        Path = path;
        Temporary = temporary;
    }

    /// <summary>The full path the backup ends at.</summary>
    public string Path { get; }

    /// <summary>The file the backup is written to until it is complete.</summary>
    public string Temporary { get; }

    /// <summary>Reserves the temporary file, or says why the destination cannot be written (one sentence naming it).</summary>
    public static (BackupDestination? Destination, string? Problem) Reserve(string file, bool force)
    {
        var path = System.IO.Path.GetFullPath(file);
        if (Directory.Exists(path))
            return (null, $"cannot write the backup to {path}: it is a folder");
        if (File.Exists(path) && !force)
            return (null, $"{path} already exists: choose another name, or add --force to replace it");
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
            return (null, $"cannot write the backup to {path}: the folder {folder} does not exist");

        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            // Created empty here so that an unwritable folder is found before the store is read.
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)) { }
            return (new BackupDestination(path, temporary), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot write the backup to {path}: {FileErrors.Reason(e)} ({folder})");
        }
    }

    /// <summary>Moves the finished backup into place; the size in bytes, or why it could not be moved.</summary>
    public (long Bytes, string? Problem) Complete(bool force)
    {
        try
        {
            var bytes = new FileInfo(Temporary).Length;
            File.Move(Temporary, Path, overwrite: force);
            return (bytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, $"cannot write the backup to {Path}: {FileErrors.Reason(e)}");
        }
    }

    /// <summary>Removes the temporary file if the backup did not complete.</summary>
    public void Dispose()
    {
        try { File.Delete(Temporary); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left for the user; its name says what it is */ }
    }
}
