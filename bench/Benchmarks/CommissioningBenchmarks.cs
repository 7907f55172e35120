using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Application.Commissioning;
using Commonweal.Core.Places;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Benchmarks;

/// <summary>
/// The contract register at the commissioning issue's size (#14 targets, on <see cref="CommissioningData"/>: 5,000 contracts
/// × 10 KPIs × 36 monthly returns on the real places): the coverage matrix by district as at a day (≤ 200 ms); what the
/// contract page shows for a contract of 10 KPIs × 36 returns — the contract as at a day with every KPI read against its
/// returns (status, why, SPC) — and the page itself requested in process, signed in (≤ 100 ms p95); a 10,000-row return
/// file read, checked and stored by <c>returns import</c>'s use case, into a contract with no returns and again as a
/// resubmission replacing every row (≤ 1 s). Each call gets its own scope (a new DbContext), as a request or a command
/// does; the place timeline is built once, as a running server keeps it.
/// Needs COMMONWEAL_REFERENCE_DATA (the store is built once into /tmp/commonweal-bench/, a few minutes).
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*CommissioningBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's [GlobalCleanup] disposes what [GlobalSetup] made")]
public class CommissioningBenchmarks
{
    private static readonly CommissioningViewer Viewer = CommissioningViewer.Console("bench");
    private static readonly string PageAddress = $"/commissioning/contracts/{CommissioningData.PageContract}?asAt={CommissioningData.AsAt:yyyy-MM-dd}";

    private TestDatabase store = null!;
    private ApplicationScope application = null!;
    private CommonwealFactory? platform;
    private HttpClient? client;
    private string files = null!;
    private int variant;

    [GlobalSetup(Targets = [nameof(CoverageMatrix), nameof(ContractPageData), nameof(ReturnFileOf10000Rows), nameof(ReturnFileOf10000RowsResubmitted)])]
    public async Task SetUpAsync()
    {
        store = await CommissioningData.CopyAsync();
        application = new ApplicationScope(store);
        files = Directory.CreateTempSubdirectory("commonweal-bench-returns-").FullName;
        for (var v = 0; v < 3; v++) CommissioningData.ReturnFile(files, v);
        Console.WriteLine($"// {await CoverageMatrix()} cells in the matrix; {await ContractPageData()} KPIs on {CommissioningData.PageContract}'s page");
    }

    [GlobalSetup(Target = nameof(ContractPageRequest))]
    public async Task StartAsync()
    {
        store = await CommissioningData.CopyAsync();
        platform = CommonwealFactory.Over(store, publicAggregates: true);
        client = (await platform.SignedInAsNewUserAsync("Commissioner")).Client;
        Console.WriteLine($"// {PageAddress}: {await ContractPageRequest()} bytes");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (platform is not null) await platform.DisposeAsync();
        if (application is not null) await application.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(store.Setting)!, recursive: true);
        if (files is not null) Directory.Delete(files, recursive: true);
    }

    [Benchmark]
    public async Task<int> CoverageMatrix()
    {
        await using var scope = application.NewScope();
        var answer = await scope.ServiceProvider.GetRequiredService<CoverageQueries>().MatrixAsync(CommissioningData.AsAt, AreaType.District);
        return answer.Value?.Cells.Count ?? throw new InvalidOperationException(answer.Refusal!.Detail);
    }

    [Benchmark]
    public async Task<int> ContractPageData()
    {
        await using var scope = application.NewScope();
        var answer = await scope.ServiceProvider.GetRequiredService<ContractRegister>().ShowAsync(CommissioningData.PageContract, CommissioningData.AsAt, Viewer);
        return answer.Value?.Kpis.Count ?? throw new InvalidOperationException(answer.Refusal!.Detail);
    }

    [Benchmark]
    public async Task<int> ContractPageRequest()
    {
        using var response = await client!.GetAsync(PageAddress);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{PageAddress}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>The import contract with no returns (nor their batches and plans), as before its first return.</summary>
    [IterationSetup(Target = nameof(ReturnFileOf10000Rows))]
    public void ClearReturns()
    {
        using var connection = new SqliteConnection($"Data Source={store.Setting}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM remedial_actions WHERE "Plan" IN (SELECT "Id" FROM remedial_plans WHERE "Contract" = (SELECT "Id" FROM contracts WHERE "Ref" = $ref));
            DELETE FROM remedial_plans WHERE "Contract" = (SELECT "Id" FROM contracts WHERE "Ref" = $ref);
            DELETE FROM kpi_returns WHERE "Contract" = (SELECT "Id" FROM contracts WHERE "Ref" = $ref);
            DELETE FROM return_batches WHERE "Contract" = (SELECT "Id" FROM contracts WHERE "Ref" = $ref);
            """;
        command.Parameters.AddWithValue("$ref", CommissioningData.ImportContract);
        command.ExecuteNonQuery();
    }

    /// <summary>The import contract holding a return of every row (once), so that each resubmission replaces them all.</summary>
    [IterationSetup(Target = nameof(ReturnFileOf10000RowsResubmitted))]
    public void HoldReturns()
    {
        if (variant == 0) ImportAsync(0).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<int> ReturnFileOf10000Rows() => ImportAsync(0);

    /// <summary>The file again with every value changed (files 1 and 2 in turn): 10,000 rows replaced, each audited.</summary>
    [Benchmark]
    public Task<int> ReturnFileOf10000RowsResubmitted() => ImportAsync(1 + (variant++ % 2));

    private async Task<int> ImportAsync(int file)
    {
        await using var scope = application.NewScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ReturnsImport>()
            .ImportFileAsync(CommissioningData.ImportContract, Path.Combine(files, $"return-{file}.csv"), Viewer);
        if (!outcome.Succeeded) throw new InvalidOperationException(string.Join("; ", outcome.Problems.Take(5)));
        return outcome.Stored + outcome.Replaced;
    }
}
