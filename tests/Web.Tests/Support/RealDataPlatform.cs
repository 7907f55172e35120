using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;

namespace Commonweal.Web.Tests.Support;

/// <summary>
/// The platform over a store holding the whole reference-data folder (the real official files), imported once per
/// provider before the platform starts. Skips, saying why, when the folder or the PostgreSQL server is not available.
/// </summary>
public abstract class RealDataPlatform(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private CommonwealFactory? factory;
    private string? unavailable;

    public CommonwealFactory Factory
    {
        get
        {
            if (unavailable is not null) Assert.Skip(unavailable);
            return factory!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (ReferenceData.Folder is not { } folder)
        {
            unavailable = $"the reference data is not available: set {ReferenceData.Variable} to the folder of official files";
            return;
        }

        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null)
        {
            unavailable = $"PostgreSQL is not available: ./test.sh starts one, or set {TestDatabase.PostgresVariable}";
            return;
        }

        database = await TestDatabase.CreateAsync(provider);
        await LoadAsync(database, folder);

        // The factory's own empty store is left unused: the platform reads the imported one.
        factory = await CommonwealFactory.StartAsync(provider, publicAggregates: true,
            new Dictionary<string, string> { ["Commonweal:Database"] = database.Setting });
    }

    /// <summary>Fills the store before the platform starts: by default with every official file of the folder.</summary>
    protected virtual async Task LoadAsync(TestDatabase store, string folder)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = store.CreateContext();
        var import = await Importing.For(db).ImportFolderAsync(folder, "test");
        Assert.All(import.Outcomes, o => Assert.True(o.Succeeded, $"{o.FileName}: {o.Problem}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRealDataPlatform() : RealDataPlatform(DatabaseProvider.Sqlite);

public sealed class PostgresRealDataPlatform() : RealDataPlatform(DatabaseProvider.Postgres);
