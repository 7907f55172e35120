namespace Commonweal.Application.Backups;

/// <summary>
/// Whether a backup is a Commonweal store this version can take: its migrations history must start with this
/// version's first migration and hold none this version does not know (a backup from a newer version would lose
/// tables and columns it needs). A backup from an older version is fine: the restore brings it up to date.
/// </summary>
public static class BackupMigrations
{
    /// <returns>Null when the backup can be restored, else why not (one sentence, naming the file).</returns>
    public static string? Problem(string file, IReadOnlyList<string> applied, IReadOnlyList<string> known)
    {
        if (applied.Count == 0 || known.Count == 0 || !string.Equals(applied.Min(StringComparer.Ordinal), known[0], StringComparison.Ordinal))
            return $"{file} is not a backup of a Commonweal store (its migrations history does not start with {(known.Count > 0 ? known[0] : "Commonweal's first migration")})";
        var unknown = applied.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? null
            : $"{file} was made by a newer version of Commonweal (migration {unknown[^1]} is unknown to this one): restore it with that version";
    }
}
