namespace Commonweal.Application.Files;

/// <summary>
/// Why the file system refused to make, open or move a file, in a few words for a one-line message: .NET's own
/// messages name the temporary file that was being made rather than the one the user asked for.
/// </summary>
public static class FileErrors
{
    public static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "the folder does not take new files",
        PathTooLongException => "the path is too long",
        _ => error.Message,
    };
}
