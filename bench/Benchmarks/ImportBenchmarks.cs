using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Benchmarks;

/// <summary>
/// The whole reference-data folder imported into a fresh store, every file recognised by its content (targets: ≤ 15 s
/// SQLite, ≤ 20 s PostgreSQL).
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
        var result = await Importing.For(db).ImportFolderAsync(folder, "bench");
        if (!result.Succeeded) throw new InvalidOperationException(result.Outcomes.First(o => !o.Succeeded).Problem!.ToString());
        return result.Outcomes.Count;
    }
}
