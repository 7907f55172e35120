namespace Commonweal.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the store lives. One setting, <c>Commonweal:Database</c> (environment <c>COMMONWEAL_DATABASE</c>):
/// a SQLite file path or <c>Data Source=…</c> string, or a PostgreSQL connection string (<c>Host=…;Database=…</c>).
/// Empty means the embedded SQLite file under the user's data directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public const string SqliteMigrationsAssembly = "Commonweal.Persistence.Sqlite";
    public const string PostgresMigrationsAssembly = "Commonweal.Persistence.Postgres";

    public static string DefaultSqlitePath =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "Commonweal",
            "commonweal.db");

    public static DatabaseSettings FromSetting(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return Sqlite(DefaultSqlitePath);

        var text = setting.Trim();
        if (LooksLikePostgres(text))
        {
            var described = string.Join(';', text.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Where(part => !part.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
            return new DatabaseSettings(DatabaseProvider.Postgres, text, $"PostgreSQL ({described})");
        }

        if (text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseSettings(DatabaseProvider.Sqlite, text, $"SQLite ({text["Data Source=".Length..].Split(';')[0]})");

        return Sqlite(text);
    }

    private static DatabaseSettings Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={full}", $"SQLite ({full})");
    }

    private static bool LooksLikePostgres(string text) =>
        text.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQLite file, when the store is SQLite.</summary>
    public string? SqliteFile =>
        Provider == DatabaseProvider.Sqlite ? ConnectionString["Data Source=".Length..].Split(';')[0] : null;
}
