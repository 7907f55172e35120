using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Backups;

/// <summary>
/// Backs the store up to one file and restores it from one, on either provider (SQLite: the online backup API;
/// PostgreSQL: pg_dump and pg_restore), each audited. A backup is read back before it is put in place, so a file
/// that <c>db backup</c> reports written is one that <c>db restore</c> accepts. A refused restore changes nothing.
/// </summary>
public sealed class StoreBackups(DatabaseSettings settings, CommonwealDbContext db, DatabaseSetup setup, AuditLog audit)
{
    private bool IsSqlite => settings.Provider == DatabaseProvider.Sqlite;

    public async Task<BackupOutcome> BackupAsync(string file, bool force, string actor, CancellationToken cancellationToken = default)
    {
        if (await UnreachableAsync(cancellationToken) is { } unreachable) return BackupOutcome.Refused(unreachable);
        if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            return BackupOutcome.Refused($"{settings.Description} holds no Commonweal store to back up (run `commonweal db migrate` first)");
        var (destination, problem) = BackupDestination.Reserve(file, force);
        if (destination is null) return BackupOutcome.Refused(problem!);
        using (destination)
        {
            var failed = IsSqlite
                ? SqliteBackupFile.Write(settings, destination.Temporary)
                : await PostgresDumpFile.WriteAsync(settings, destination.Temporary, cancellationToken);
            if (failed is not null) return BackupOutcome.Refused(failed);
            var (migrations, unreadable) = await ReadAsync(destination.Temporary, cancellationToken);
            if (unreadable is not null)
                return BackupOutcome.Refused($"the backup could not be read back, so it was not kept: {unreadable}");

            var (bytes, notMoved) = destination.Complete(force);
            if (notMoved is not null) return BackupOutcome.Refused(notMoved);
            audit.Record(actor, "db.backup", "Store", destination.Path, $"{settings.Description}: {bytes} bytes, {migrations.Count} migrations");
            await db.SaveChangesAsync(cancellationToken);
            return new BackupOutcome(true, $"Backed up {settings.Description} to {destination.Path} ({bytes:N0} bytes).");
        }
    }

    public async Task<BackupOutcome> RestoreAsync(string file, string actor, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (IsSqlite && string.Equals(path, settings.SqliteFile, StringComparison.Ordinal))
            return BackupOutcome.Refused($"{path} is the store itself: restore from a backup of it");
        var (migrations, unreadable) = await ReadAsync(path, cancellationToken);
        var known = db.Database.GetMigrations().ToList();
        if ((unreadable ?? BackupMigrations.Problem(path, migrations, known)) is { } problem)
            return BackupOutcome.Refused(problem);
        if (!IsSqlite && await UnreachableAsync(cancellationToken) is { } unreachable)
            return BackupOutcome.Refused(unreachable + " (create the database first, e.g. with createdb)");
        if (!IsSqlite && await NewerInStoreAsync(migrations, cancellationToken) is { } newer)
            return BackupOutcome.Refused(
                $"the store has migration {newer}, which the backup lacks, and pg_restore --clean would leave its tables behind: restore into a new, empty database and point --database at it");

        var failed = IsSqlite
            ? SqliteBackupFile.Restore(path, settings)
            : await PostgresDumpFile.RestoreAsync(path, settings, cancellationToken);
        if (failed is not null) return BackupOutcome.Refused(failed);

        // A backup from an older version is brought up to the schema this version needs, as `db migrate` does.
        var pending = known.Except(migrations, StringComparer.Ordinal).Count();
        await setup.MigrateAsync(cancellationToken);
        // Sessions in the backup may have been ended since (a sign-out, a disabled account): no restored session is trusted.
        var sessions = await db.Sessions.ExecuteDeleteAsync(cancellationToken);
        audit.Record(actor, "db.restore", "Store", path, $"{settings.Description} restored; {pending} migrations applied since the backup; {sessions} restored session(s) ended");
        await db.SaveChangesAsync(cancellationToken);
        return new BackupOutcome(true, $"Restored {settings.Description} from {path}"
            + (pending == 0 ? "." : $" and applied the {pending} migrations made since the backup."));
    }

    private async Task<string?> UnreachableAsync(CancellationToken cancellationToken)
    {
        if (IsSqlite && !File.Exists(settings.SqliteFile)) return $"there is no store at {settings.SqliteFile}";
        return await db.Database.CanConnectAsync(cancellationToken) ? null : $"cannot connect to {settings.Description}";
    }

    private async Task<(IReadOnlyList<string> Migrations, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken) =>
        IsSqlite ? SqliteBackupFile.Read(path) : await PostgresDumpFile.ReadAsync(path, cancellationToken);

    private async Task<string?> NewerInStoreAsync(IReadOnlyList<string> backup, CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(backup, StringComparer.Ordinal).Order(StringComparer.Ordinal).LastOrDefault();
}
