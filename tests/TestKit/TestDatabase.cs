using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commonweal.TestKit;

/// <summary>
/// A real, empty, migrated database for one test: a SQLite file in a temporary folder, or a new database on the
/// throwaway PostgreSQL server that ./test.sh starts (its connection string in <c>COMMONWEAL_TEST_POSTGRES</c>).
/// Removed on dispose. A PostgreSQL test skips, saying how to get a server, when none is configured.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COMMONWEAL_TEST_POSTGRES";

    private readonly string? postgresDatabase;
    private readonly string? sqliteFolder;

    private TestDatabase(DatabaseSettings settings, string? postgresDatabase, string? sqliteFolder)
    {
        Settings = settings;
        this.postgresDatabase = postgresDatabase;
        this.sqliteFolder = sqliteFolder;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The connection setting as a user would give it (a SQLite path or a PostgreSQL connection string).</summary>
    public string Setting => Settings.SqliteFile ?? Settings.ConnectionString;

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("commonweal-test-").FullName;
            database = new TestDatabase(DatabaseSettings.FromSetting(Path.Combine(folder, "test.db")), null, folder);
        }
        else
        {
            var server = PostgresServer;
            if (server is null)
                Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server (apt-get install postgresql), or set {PostgresVariable} to a server connection string");
            var name = "cw_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(DatabaseSettings.FromSetting(builder.ConnectionString), name, null);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A store that already exists (e.g. a benchmark's cached copy), used as it is and left in place on dispose.</summary>
    public static TestDatabase Existing(string setting) => new(DatabaseSettings.FromSetting(setting), null, null);

    public CommonwealDbContext CreateContext() => new(PersistenceServices.Options(Settings));

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteFolder, recursive: true); }
            catch (IOException) { /* a file still held open by the OS is cleaned with the temp folder */ }
        }
    }
}
