using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Cli;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Benchmarks;

/// <summary>
/// <c>indicators values --indicator 91547 --format csv</c> end to end, in process, on a SQLite store holding the real
/// places (the reference folder) and Fingertips' export of 91547: services built, store checked for migrations, the
/// ICS's places and the indicator's 17,106 values read, every row worked out, added up, compared and trended, disclosure
/// control applied, 17,273 rows written as CSV. Each run starts with an empty cache, as a new process does (the process
/// start and JIT are not counted: time the built command for those). Target: ≤ 1 s.
/// Needs COMMONWEAL_REFERENCE_DATA. Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*IndicatorValues*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class IndicatorValuesBenchmarks
{
    private TestDatabase? database;

    [GlobalSetup]
    public void ImportPlacesAnd91547()
    {
        var folder = ReferenceData.Folder ?? throw new InvalidOperationException($"set {ReferenceData.Variable} to the folder of official files");
        database = TestDatabase.CreateAsync(DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        using (var db = database.CreateContext())
        {
            var places = Importing.For(db).ImportFolderAsync(folder, "bench").GetAwaiter().GetResult();
            if (!places.Succeeded) throw new InvalidOperationException("the reference folder did not import");
        }

        var outcome = IndicatorImporting.FileAsync(database, Path.Combine(folder, "indicators", "fingertips_91547_smoking_prevalence_qof.csv")).GetAwaiter().GetResult();
        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Problem!.ToString());
    }

    [GlobalCleanup]
    public void DropDatabase() => database!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Values91547()
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["indicators", "values", "--indicator", "91547", "--format", "csv", "--database", database!.Setting], output, TextWriter.Null, TextReader.Null);
        return exit == 0 ? output.GetStringBuilder().Length : throw new InvalidOperationException($"exit {exit}");
    }
}
