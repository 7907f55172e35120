using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Application.Indicators.Import;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Benchmarks;

/// <summary>
/// Fingertips' export of indicator 91547 (17,627 rows) imported end to end — recognised, read, checked, its indicator
/// inferred, every row recomputed with the engine, written in one transaction — into a fresh store, and again into a
/// store that already holds it (nothing changes). Target: ≤ 1 s.
/// Needs COMMONWEAL_REFERENCE_DATA, and COMMONWEAL_TEST_POSTGRES for the PostgreSQL case.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*IndicatorImport*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndicatorImportBenchmarks
{
    private const string File91547 = "indicators/fingertips_91547_smoking_prevalence_qof.csv";

    private TestDatabase? database;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    private static string Path91547 =>
        Path.Combine(ReferenceData.Folder ?? throw new InvalidOperationException($"set {ReferenceData.Variable} to the folder of official files"), File91547);

    [IterationSetup(Target = nameof(Import91547))]
    public void CreateDatabase() => database = TestDatabase.CreateAsync(Provider).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Reimport91547))]
    public void CreateDatabaseHolding91547()
    {
        CreateDatabase();
        Import91547().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropDatabase() => database!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Import91547()
    {
        await using var db = database!.CreateContext();
        var outcome = await IndicatorImporting.For(db).ImportFileAsync(Path91547, IndicatorImportOptions.None, "bench");
        return outcome.Succeeded ? outcome.ChangedRows : throw new InvalidOperationException(outcome.Problem!.ToString());
    }

    [Benchmark]
    public Task<int> Reimport91547() => Import91547();
}
