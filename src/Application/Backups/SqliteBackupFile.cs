using System.Text;
using Commonweal.Persistence;
using Microsoft.Data.Sqlite;

namespace Commonweal.Application.Backups;

/// <summary>
/// A backup of an SQLite store made with SQLite's online backup API: a page-by-page copy taken inside one read
/// transaction, so it is consistent however the web platform writes meanwhile (write-ahead logging lets it go on).
/// Restoring copies the backup into the store with the same API, in one write transaction.
/// </summary>
public static class SqliteBackupFile
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <returns>Null when the copy was written, else why not.</returns>
    public static string? Write(DatabaseSettings store, string destination)
    {
        try
        {
            using var source = Open(store.SqliteFile!, SqliteOpenMode.ReadWrite);
            using var copy = Open(destination, SqliteOpenMode.ReadWriteCreate);
            source.BackupDatabase(copy);
            // The copy keeps the store's write-ahead-log mode; a backup is one self-contained file.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
            return null;
        }
        catch (SqliteException e)
        {
            return $"the store could not be backed up: {e.Message}";
        }
    }

    /// <summary>The migrations a backup file carries, or why it is not an SQLite database that Commonweal could have made.</summary>
    public static (IReadOnlyList<string> Migrations, string? Problem) Read(string file)
    {
        if (!File.Exists(file))
            return ([], $"{file} does not exist");
        if (!FileSignature.Has(file, Header))
            return ([], $"{file} is not an SQLite database");
        try
        {
            using var backup = Open(file, SqliteOpenMode.ReadOnly);
            if (Scalar(backup, "PRAGMA quick_check;") is not "ok")
                return ([], $"{file} is a damaged SQLite database (quick_check failed)");
            if (Scalar(backup, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") is 0L)
                return ([], $"{file} is an SQLite database but not a backup of a Commonweal store (it has no migrations history)");
            using var command = backup.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
            using var reader = command.ExecuteReader();
            var migrations = new List<string>();
            while (reader.Read()) migrations.Add(reader.GetString(0));
            return (migrations, null);
        }
        catch (SqliteException e)
        {
            return ([], $"{file} cannot be read as an SQLite database: {e.Message}");
        }
    }

    /// <summary>Replaces the store's contents with the backup's in one write transaction; null when done, else why not (the store unchanged).</summary>
    public static string? Restore(string file, DatabaseSettings store)
    {
        try
        {
            using var backup = Open(file, SqliteOpenMode.ReadOnly);
            using var target = Open(store.SqliteFile!, SqliteOpenMode.ReadWriteCreate);
            // A store in write-ahead-log mode cannot take pages of another size; such a copy goes through a rollback journal.
            if (!Equals(Scalar(backup, "PRAGMA page_size;"), Scalar(target, "PRAGMA page_size;")))
                Execute(target, "PRAGMA journal_mode=DELETE;");
            backup.BackupDatabase(target);
            return null;
        }
        catch (SqliteException e)
        {
            return $"the store could not be restored (it is unchanged): {e.Message}";
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        // No pooling: the file is closed when the work is done, so a backup can be moved into place at once.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
