using Commonweal.Application.Places.Import;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>The whole reference-data folder imported once into a fresh database of one provider.</summary>
public abstract class ReferenceFolderFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase? Database { get; private set; }

    public FolderImport? Result { get; private set; }

    public IReadOnlyList<ImportOutcome> Outcomes => Result?.Outcomes ?? [];

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var folder = ReferenceData.Folder;
        if (folder is null)
        {
            Unavailable = $"the reference data is not available: set {ReferenceData.Variable} to the folder of official files";
            return;
        }

        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null)
        {
            Unavailable = $"PostgreSQL is not available: ./test.sh starts one, or set {TestDatabase.PostgresVariable}";
            return;
        }

        Database = await TestDatabase.CreateAsync(provider);
        await using var db = Database.CreateContext();
        Result = await Importing.For(db).ImportFolderAsync(folder, "test");
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null) await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public TestDatabase Require()
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
        return Database!;
    }
}

public sealed class SqliteReferenceFolder() : ReferenceFolderFixture(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceFolder() : ReferenceFolderFixture(DatabaseProvider.Postgres);
