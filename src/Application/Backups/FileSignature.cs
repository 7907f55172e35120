namespace Commonweal.Application.Backups;

/// <summary>Recognises a backup by its first bytes (its "magic number"), whatever it is called.</summary>
public static class FileSignature
{
    /// <returns>True when the file starts with <paramref name="signature"/>; false when it does not or cannot be read.</returns>
    public static bool Has(string file, ReadOnlySpan<byte> signature)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> start = stackalloc byte[signature.Length];
            return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(signature);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
