using Commonweal.Application.Access;
using Commonweal.Application.Places.Import;
using Commonweal.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Commonweal.TestKit;

/// <summary>Runs imports the way the CLI does, with a fixed clock.</summary>
public static class Importing
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The day of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static ReferenceImport For(CommonwealDbContext db)
    {
        var clock = new FakeTimeProvider(Now);
        return new ReferenceImport(db, new AuditLog(db, clock), clock);
    }

    public static async Task<ImportOutcome> FileAsync(TestDatabase database, string kind, string path)
    {
        await using var db = database.CreateContext();
        var reader = ReferenceReaders.Find(kind) ?? throw new ArgumentException($"no reader {kind}", nameof(kind));
        return await For(db).ImportFileAsync(reader, path, "test");
    }

    // Every test file of the run in one temporary folder, removed when the test process ends (one folder per file was
    // left behind by each run: hundreds in /tmp).
    private static readonly Lazy<string> TempRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("commonweal-test-files-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the system's temporary-file cleaning.
            }
        };
        return root;
    });

    /// <summary>Writes <paramref name="content"/> to a temporary file named <paramref name="fileName"/> (bytes exactly as given).</summary>
    public static string TempFile(string fileName, string content, bool byteOrderMark = false)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TempRoot.Value, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, fileName);
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(path, byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return path;
    }
}
