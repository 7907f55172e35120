using Commonweal.Application.Indicators.Import;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Every indicator file of the reference data imported into a fresh database of one provider, then imported again.</summary>
public abstract class ReferenceIndicatorsFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase? Database { get; private set; }

    public IndicatorFolderImport? First { get; private set; }

    public IndicatorFolderImport? Again { get; private set; }

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (ReferenceData.Folder is not { } folder)
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
        var indicators = Path.Combine(folder, "indicators");
        await using (var db = Database.CreateContext())
        {
            First = await IndicatorImporting.For(db).ImportAsync(indicators, IndicatorImportOptions.None, "test");
        }

        await using (var db = Database.CreateContext())
        {
            Again = await IndicatorImporting.For(db).ImportAsync(indicators, IndicatorImportOptions.None, "test");
        }
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

    public IndicatorImportOutcome Outcome(string fileName)
    {
        Require();
        return First!.Outcomes.Single(o => o.FileName == fileName);
    }
}

public sealed class SqliteReferenceIndicators() : ReferenceIndicatorsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceIndicators() : ReferenceIndicatorsFixture(DatabaseProvider.Postgres);
