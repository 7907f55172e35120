using Commonweal.Application.Backups;
using Commonweal.Cli.Tests.Stats;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary><c>db backup</c> and <c>db restore</c> on a real store of each provider: a round trip, and every refusal leaving the store as it was.</summary>
public sealed class BackupCliTests : IDisposable
{
    private const string Password = "a long enough password\n";
    private readonly string folder = Directory.CreateTempSubdirectory("commonweal-backup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restore_gives_back_every_table_as_it_was_backed_up_after_later_changes(DatabaseProvider provider)
    {
        await using var database = await StoreWithDataAsync(provider, demo: true);
        var backup = Path.Combine(folder, "store.backup");
        var before = await StoreContents.TakeAsync(database, typeof(AuditEntry));
        var auditBefore = await StoreContents.AuditActionsAsync(database);

        var backedUp = await RunAsync(database, "db", "backup", backup);
        var auditAfterBackup = await StoreContents.AuditActionsAsync(database);
        Assert.Equal(0, (await RunAsync(database, Password, "users", "add", "bob", "--role", "Commissioner")).Exit);
        Assert.Equal(0, (await ImportAsync(database)).Exit);
        var changed = await StoreContents.TakeAsync(database, typeof(AuditEntry));
        var restored = await RunAsync(database, "db", "restore", backup);

        Assert.Equal(0, backedUp.Exit);
        Assert.StartsWith("Backed up ", backedUp.Output, StringComparison.Ordinal);
        Assert.Equal([.. auditBefore, "db.backup"], auditAfterBackup);
        Assert.NotEqual(before, changed);
        Assert.Equal(0, restored.Exit);
        Assert.StartsWith("Restored ", restored.Output, StringComparison.Ordinal);
        Assert.Equal(before, await StoreContents.TakeAsync(database, typeof(AuditEntry)));
        // The trail is the backed-up one (the backup's own entry came after it was taken) and the restore.
        Assert.Equal([.. auditBefore, "db.restore"], await StoreContents.AuditActionsAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sessions_in_a_backup_are_not_brought_back_to_life_by_a_restore(DatabaseProvider provider)
    {
        await using var database = await StoreWithDataAsync(provider, demo: false);
        await using (var db = database.CreateContext())
        {
            // A session open when the backup is taken, ended (signed out) afterwards: the restore must not revive it.
            db.Sessions.Add(new SignInSession { Key = "signed-out-later", UserName = "someone", Ticket = [1], Created = Importing.Now });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var backup = Path.Combine(folder, "sessions.backup");
        Assert.Equal(0, (await RunAsync(database, "db", "backup", backup)).Exit);
        var restored = await RunAsync(database, "db", "restore", backup);

        Assert.Equal(0, restored.Exit);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Sessions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Contains("1 restored session(s) ended", await check.Audit.Where(a => a.Action == "db.restore").Select(a => a.Detail).SingleAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backup_taken_while_another_connection_is_writing_holds_only_what_was_committed_when_it_began(DatabaseProvider provider)
    {
        await using var database = await StoreWithDataAsync(provider, demo: true);
        var backup = Path.Combine(folder, "store.backup");
        var before = await StoreContents.TakeAsync(database, typeof(AuditEntry));

        // The web platform in the middle of a change: a write transaction open while the backup runs.
        await using (var writer = database.CreateContext())
        {
            await using var transaction = await writer.Database.BeginTransactionAsync();
            await writer.Database.ExecuteSqlRawAsync("INSERT INTO settings (\"Key\", \"Value\") VALUES ('written-during-the-backup', 'x')");
            // On a thread of its own: Microsoft.Data.Sqlite's async calls run synchronously.
            var backingUp = Task.Run(() => RunAsync(database, "db", "backup", backup));
            // The backup is put in place before its audit entry is written, which on SQLite waits for the writer to finish.
            for (var waited = 0; !File.Exists(backup) && !backingUp.IsCompleted && waited < 600; waited++) await Task.Delay(50);
            await transaction.CommitAsync();
            var backedUp = await backingUp;
            Assert.True(backedUp.Exit == 0, backedUp.Error);
        }

        var committed = await StoreContents.TakeAsync(database, typeof(AuditEntry));
        Assert.Equal(0, (await RunAsync(database, "db", "restore", backup)).Exit);

        Assert.NotEqual(before, committed);
        Assert.Equal(before, await StoreContents.TakeAsync(database, typeof(AuditEntry)));
    }

    public static TheoryData<DatabaseProvider, string> NotBackups => new()
    {
        { DatabaseProvider.Sqlite, "text" }, { DatabaseProvider.Sqlite, "empty" }, { DatabaseProvider.Sqlite, "missing" },
        { DatabaseProvider.Sqlite, "other-sqlite-database" }, { DatabaseProvider.Sqlite, "cut-short" }, { DatabaseProvider.Sqlite, "other-provider" },
        { DatabaseProvider.Postgres, "text" }, { DatabaseProvider.Postgres, "empty" }, { DatabaseProvider.Postgres, "missing" },
        { DatabaseProvider.Postgres, "cut-short" }, { DatabaseProvider.Postgres, "other-provider" },
    };

    [Theory]
    [MemberData(nameof(NotBackups))]
    public async Task Restoring_anything_but_a_backup_of_a_Commonweal_store_is_refused_in_one_line_and_changes_nothing(DatabaseProvider provider, string kind)
    {
        await using var database = await StoreWithDataAsync(provider);
        var file = Path.Combine(folder, "not-a-backup");
        switch (kind)
        {
            case "text": await File.WriteAllTextAsync(file, "area,value\nE07000066,1\n"); break;
            case "empty": await File.WriteAllBytesAsync(file, []); break;
            case "other-sqlite-database": CreateSqliteDatabase(file, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');"); break;
            case "cut-short":
                Assert.Equal(0, (await RunAsync(database, "db", "backup", file)).Exit);
                var bytes = await File.ReadAllBytesAsync(file);
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                break;
            case "other-provider": await File.WriteAllBytesAsync(file, await BackupOfTheOtherProviderAsync(provider)); break;
        }

        var before = await StoreContents.TakeAsync(database);

        var refused = await RunAsync(database, "db", "restore", file);

        Assert.StartsWith("error: ", refused.Refusal(exit: 1), StringComparison.Ordinal);
        Assert.Equal(before, await StoreContents.TakeAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backup_from_a_newer_version_is_refused_naming_the_migration_this_version_lacks(DatabaseProvider provider)
    {
        await using var database = await StoreWithDataAsync(provider);
        var backup = Path.Combine(folder, "newer.backup");
        const string future = "29991231235959_FromTheFuture";
        await ExecuteAsync(database, $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{future}', '99.0.0')");
        Assert.Equal(0, (await RunAsync(database, "db", "backup", backup)).Exit);
        await ExecuteAsync(database, $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{future}'");
        var before = await StoreContents.TakeAsync(database);

        var refused = await RunAsync(database, "db", "restore", backup);

        Assert.Contains($"was made by a newer version of Commonweal (migration {future} is unknown to this one)", refused.Refusal(exit: 1), StringComparison.Ordinal);
        Assert.Equal(before, await StoreContents.TakeAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "under-a-file")]
    [InlineData(DatabaseProvider.Sqlite, "proc")]
    [InlineData(DatabaseProvider.Sqlite, "folder")]
    [InlineData(DatabaseProvider.Postgres, "under-a-file")]
    [InlineData(DatabaseProvider.Postgres, "proc")]
    public async Task A_destination_that_cannot_be_written_is_refused_in_one_line_leaving_no_file_and_the_store_unchanged(DatabaseProvider provider, string kind)
    {
        await using var database = await StoreWithDataAsync(provider);
        var regularFile = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(regularFile, "not a folder");
        // Tests may run as root, whom permissions do not stop: a path under a regular file, or in /proc, cannot be written by anyone.
        var destination = kind switch
        {
            "under-a-file" => Path.Combine(regularFile, "store.backup"),
            "proc" => "/proc/commonweal-store.backup",
            _ => folder,
        };
        var before = await StoreContents.TakeAsync(database);

        var refused = await RunAsync(database, "db", "backup", destination);

        Assert.StartsWith($"error: cannot write the backup to {destination}", refused.Refusal(exit: 1), StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal(before, await StoreContents.TakeAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_existing_file_is_replaced_only_with_force(DatabaseProvider provider)
    {
        await using var database = await StoreWithDataAsync(provider);
        var backup = Path.Combine(folder, "store.backup");
        await File.WriteAllTextAsync(backup, "an earlier backup");
        var before = await StoreContents.TakeAsync(database);

        var (exit, _, error) = await RunAsync(database, "db", "backup", backup);
        var kept = await File.ReadAllTextAsync(backup);
        var unchanged = await StoreContents.TakeAsync(database);
        var forced = await RunAsync(database, "db", "backup", backup, "--force");

        Assert.Equal(1, exit);
        Assert.Equal($"error: {backup} already exists: choose another name, or add --force to replace it\n", error);
        Assert.Equal("an earlier backup", kept);
        Assert.Equal(before, unchanged);
        Assert.Equal(0, forced.Exit);
        Assert.Equal(0, (await RunAsync(database, "db", "restore", backup)).Exit);
    }

    [Fact]
    public async Task A_store_that_does_not_exist_is_not_backed_up_and_not_created()
    {
        var store = Path.Combine(folder, "no-store.db");
        var backup = Path.Combine(folder, "store.backup");

        var (exit, _, error) = await StatsCli.RunAsync(["db", "backup", backup, "--database", store]);

        Assert.Equal(1, exit);
        Assert.Equal($"error: there is no store at {store}\n", error);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>A migrated store holding a user and either the whole demo dataset (places, indicators, targets) or one small official file.</summary>
    private static async Task<TestDatabase> StoreWithDataAsync(DatabaseProvider provider, bool demo = false)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        if (provider == DatabaseProvider.Postgres && PostgresClient.Find("pg_dump") is null)
            Assert.Skip(PostgresClient.Missing("pg_dump"));
        Assert.Equal(0, (await RunAsync(database, Password, "users", "add", "alice", "--role", "Analyst")).Exit);
        Assert.Equal(0, (demo ? await RunAsync(database, "demo", "seed") : await ImportAsync(database)).Exit);
        return database;
    }

    /// <summary>Imports a one-row ONS lookup: an LSOA in its sub-ICB location and district.</summary>
    private static Task<StatsResult> ImportAsync(TestDatabase database) =>
        RunAsync(database, "import", "ons-lsoa-ccg-lad", Importing.TempFile("LSOA11_CCG20_LAD20_EN_LU.csv",
            "FID,LSOA11CD,LSOA11NM,CCG20CD,CCG20CDH,CCG20NM,LAD20CD,LAD20NM\n1,E01021988,Tendring 018A,E38000117,06T,NHS North East Essex CCG,E07000076,Tendring\n"));

    private async Task<byte[]> BackupOfTheOtherProviderAsync(DatabaseProvider provider)
    {
        await using var other = await StoreWithDataAsync(provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
        var file = Path.Combine(folder, "other-provider.backup");
        Assert.Equal(0, (await RunAsync(other, "db", "backup", file)).Exit);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        return bytes;
    }

    private static void CreateSqliteDatabase(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static Task<StatsResult> RunAsync(TestDatabase database, params string[] args) =>
        args[0] == Password
            ? StatsCli.RunAsync([.. args[1..], "--database", database.Setting], Password)
            : StatsCli.RunAsync([.. args, "--database", database.Setting]);
}
