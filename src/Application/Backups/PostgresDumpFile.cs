using System.Text;
using Commonweal.Persistence;

namespace Commonweal.Application.Backups;

/// <summary>
/// A backup of a PostgreSQL store: pg_dump's custom format (compressed, restorable table by table), taken in one
/// repeatable-read snapshot, so it is consistent while the web platform runs. Restoring runs pg_restore with
/// <c>--clean --if-exists --single-transaction</c>: every object of the backup is dropped and made again in one
/// transaction, so a failure leaves the store as it was.
/// </summary>
public static class PostgresDumpFile
{
    private const string HistoryTable = "__EFMigrationsHistory";
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("PGDMP");

    /// <returns>Null when the dump was written, else why not.</returns>
    public static async Task<string?> WriteAsync(DatabaseSettings store, string destination, CancellationToken cancellationToken)
    {
        if (PostgresClient.Find("pg_dump") is not { } pgDump) return PostgresClient.Missing("pg_dump");
        var run = await PostgresClient.RunAsync(pgDump, ["--format=custom", "--file=" + destination], store.ConnectionString, cancellationToken);
        return run.ExitCode == 0 ? null : $"pg_dump could not back up the store: {run.FirstError}";
    }

    /// <summary>The migrations a dump carries, or why it is not a dump of a Commonweal store.</summary>
    public static async Task<(IReadOnlyList<string> Migrations, string? Problem)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
            return ([], $"{file} does not exist");
        if (!FileSignature.Has(file, Header))
            return ([], $"{file} is not a PostgreSQL backup in pg_dump's custom format (as `commonweal db backup` makes)");
        if (PostgresClient.Find("pg_restore") is not { } pgRestore) return ([], PostgresClient.Missing("pg_restore"));

        // The history table's rows as COPY text: one migration a line, its id first, up to the end marker.
        var run = await PostgresClient.RunAsync(pgRestore, ["--data-only", "--table=" + HistoryTable, "--file=-", file], null, cancellationToken);
        if (run.ExitCode != 0)
            return ([], $"{file} cannot be read by pg_restore: {run.FirstError}");
        var lines = run.Output.Split('\n');
        var copy = Array.FindIndex(lines, line => line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains($"\"{HistoryTable}\"", StringComparison.Ordinal));
        if (copy < 0)
            return ([], $"{file} is a PostgreSQL backup but not of a Commonweal store (it has no migrations history)");
        var migrations = lines.Skip(copy + 1).TakeWhile(line => line != "\\.").Select(line => line.Split('\t')[0]).ToList();
        return (migrations, null);
    }

    /// <summary>Replaces the store's objects with the dump's in one transaction; null when done, else why not (the store unchanged).</summary>
    public static async Task<string?> RestoreAsync(string file, DatabaseSettings store, CancellationToken cancellationToken)
    {
        if (PostgresClient.Find("pg_restore") is not { } pgRestore) return PostgresClient.Missing("pg_restore");
        // Ownership and grants are left to the restoring user, so a dump restores on another server or under another role.
        var run = await PostgresClient.RunAsync(
            pgRestore,
            ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file],
            store.ConnectionString,
            cancellationToken);
        return run.ExitCode == 0 ? null : $"pg_restore could not restore the store (it is unchanged): {run.FirstError}";
    }
}
