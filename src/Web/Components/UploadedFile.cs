namespace Commonweal.Web.Components;

/// <summary>
/// A file uploaded through an <see cref="UploadField"/>, saved under its own name (the name is what refusals cite) in a
/// temporary folder of its own, which is removed when it is disposed. Shared by every upload page.
/// </summary>
public sealed class UploadedFile : IAsyncDisposable
{
    /// <summary>The largest upload accepted (Kestrel's and the form reader's limits are set to it in Program.cs).</summary>
    public const long Largest = 256L * 1024 * 1024;

    private readonly DirectoryInfo folder;

    private UploadedFile(DirectoryInfo folder, string path)
    {
        this.folder = folder;
        Path = path;
    }

    /// <summary>Where the file is saved, under its own (sanitised) name.</summary>
    public string Path { get; }

    /// <summary>The files posted in the form's file field (one or several), or what is wrong with them for the field's error message.</summary>
    public static (IReadOnlyList<IFormFile> Files, string? Problem) Posted(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Request.Form.Files.GetFiles("file").Where(f => f.Length > 0).ToList();
        if (files.Count == 0) return ([], "Choose the file to import");
        if (files.Find(f => f.Length > Largest) is { } large) return ([], $"{large.FileName} is larger than 256 MB");
        return (files, null);
    }

    public static async Task<UploadedFile> SaveAsync(IFormFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = Directory.CreateTempSubdirectory("commonweal-upload-");
        var path = System.IO.Path.Combine(folder.FullName, SafeName(file.FileName));
        await using (var stream = File.Create(path)) await file.CopyToAsync(stream, cancellationToken);
        return new UploadedFile(folder, path);
    }

    public ValueTask DisposeAsync()
    {
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The name without any folder a browser sent and without characters a file name cannot hold.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        var safe = string.Concat(bare.Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return string.IsNullOrWhiteSpace(safe) || safe.StartsWith('.') ? "upload" + System.IO.Path.GetExtension(safe) : safe;
    }
}
