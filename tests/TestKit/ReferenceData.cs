namespace Commonweal.TestKit;

/// <summary>
/// The real official files, read from the folder named by <c>COMMONWEAL_REFERENCE_DATA</c> (.ci/run points it at
/// ../shared/data). Tests that need them skip, saying why, when the folder is absent.
/// </summary>
public static class ReferenceData
{
    public const string Variable = "COMMONWEAL_REFERENCE_DATA";

    public static string? Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder) ? null : Path.GetFullPath(folder);
        }
    }

    /// <summary>The full path of a reference file, or skips the calling test when the folder is not set.</summary>
    public static string File(string relativePath)
    {
        var folder = RequireFolder();
        var path = Path.Combine(folder, relativePath);
        if (!System.IO.File.Exists(path))
            Assert.Skip($"reference file {relativePath} is not in {folder}");
        return path;
    }

    public static string RequireFolder()
    {
        var folder = Folder;
        if (folder is null)
            Assert.Skip($"the reference data is not available: set {Variable} to the folder of official files (../shared/data)");
        return folder!;
    }
}
