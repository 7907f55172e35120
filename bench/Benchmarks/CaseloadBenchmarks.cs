using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Application.Referrals;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;
using Commonweal.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Benchmarks;

/// <summary>
/// A caseload page over 10,000 open cases (issue #15: ≤ 100 ms p95): a coordinator's first page (every open case's
/// service level reckoned, most overdue first, the page's 50 people read and audited) and a breached-only page. The
/// store is made reproducibly in a fresh SQLite file (seeded: received over the last 60 days, a status for each along the
/// pathway, the contacted ones with their contact event). Each call gets its own scope, as a request does.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*CaseloadBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 30)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's [GlobalCleanup] disposes what [GlobalSetup] made")]
public class CaseloadBenchmarks
{
    public const int OpenCases = 10_000;
    private const int Seed = 20261203;
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReferralViewer Coordinator = new("bench-coordinator", [Roles.VolunteerCoordinator], null);
    private static readonly CaseStatus[] Statuses = [CaseStatus.Received, CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.Contacted, CaseStatus.InSupport];

    private TestDatabase store = null!;
    private ApplicationScope application = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        store = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = store.CreateContext()) await GenerateAsync(db);
        application = new ApplicationScope(store, now: Now);
        Console.WriteLine($"// {await FirstPage()} rows on the first page of {OpenCases} open cases");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await application.DisposeAsync();
        await store.DisposeAsync();
    }

    /// <summary>10,000 open referrals with their cases, Tasks and events.</summary>
    public static async Task GenerateAsync(CommonwealDbContext db)
    {
        var random = new Random(Seed);
        var referrals = new List<Referral>(OpenCases);
        var cases = new List<ReferralCase>(OpenCases);
        var tasks = new List<StoredResource>(OpenCases);
        var events = new List<CaseEvent>(OpenCases * 2);
        for (var i = 0; i < OpenCases; i++)
        {
            var id = Guid.CreateVersion7(Now);
            var received = Now.AddMinutes(-random.Next(60 * 24 * 60));
            var status = Statuses[random.Next(Statuses.Length)];
            var person = new ReferralPerson(null, "Person", $"Bench{i:00000}", new DateOnly(1940 + random.Next(65), 1 + random.Next(12), 1 + random.Next(28)), null, null,
                AreaCode.Parse("E07000066"), null, null);
            referrals.Add(new Referral(id, "https://bench.example/Id/referral", $"bench-{i}", ReferralRoute.Fhir, received, "client:bench", null, null, "bench", person, true));
            var updated = received.AddHours(random.Next(1, 24 * 10));
            var contacted = status >= CaseStatus.Contacted ? received.AddDays(random.Next(1, 12)) : (DateTimeOffset?)null;
            cases.Add(new ReferralCase(id, status, received, updated, null, contacted));
            tasks.Add(new StoredResource("Task", Guid.NewGuid().ToString(), id, 1, received, "received", status >= CaseStatus.Assigned ? "Organization/1" : null, Encoding.UTF8.GetBytes("{}")));
            events.Add(new CaseEvent(0, id, null, CaseStatus.Received, received, "client:bench", null));
            if (contacted is { } at) events.Add(new CaseEvent(0, id, CaseStatus.Assigned, CaseStatus.Contacted, at, "bench", null));
        }

        // Referrals through EF (the bulk writer does not write the person, a complex property), the rest in bulk.
        db.Referrals.AddRange(referrals);
        await db.SaveChangesAsync();
        await BulkWriter.InsertMissingAsync(db, cases);
        await BulkWriter.InsertMissingAsync(db, tasks);
        await BulkWriter.InsertNewAsync(db, events);
    }

    [Benchmark]
    public async Task<int> FirstPage()
    {
        await using var scope = application.NewScope();
        var caseload = await scope.ServiceProvider.GetRequiredService<Caseloads>().PageAsync(Coordinator, new CaseloadFilter());
        return caseload!.Rows.Count;
    }

    [Benchmark]
    public async Task<int> BreachedOnly()
    {
        await using var scope = application.NewScope();
        var caseload = await scope.ServiceProvider.GetRequiredService<Caseloads>().PageAsync(Coordinator, new CaseloadFilter(BreachedOnly: true, Page: 3));
        return caseload!.Rows.Count;
    }
}
