using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Benchmarks;

/// <summary>
/// The whole reference-data folder imported into a fresh store (targets: ≤ 10 s SQLite, ≤ 15 s PostgreSQL).
/// Needs COMMONWEAL_REFERENCE_DATA, and COMMONWEAL_TEST_POSTGRES for the PostgreSQL case.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*Import*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ImportBenchmarks
{
    private TestDatabase? database;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [IterationSetup]
    public void CreateDatabase() => database = TestDatabase.CreateAsync(Provider).GetAwaiter().GetResult();

    [IterationCleanup]
    public void DropDatabase() => database!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> ImportReferenceFolder()
    {
        var folder = ReferenceData.Folder ?? throw new InvalidOperationException($"set {ReferenceData.Variable} to the folder of official files");
        await using var db = database!.CreateContext();
        var outcomes = await Importing.For(db).ImportFolderAsync(folder, "bench");
        if (outcomes.Any(o => !o.Succeeded)) throw new InvalidOperationException(outcomes.First(o => !o.Succeeded).Problem!.ToString());
        return outcomes.Count;
    }
}
