using Commonweal.Application.Outcomes;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Outcomes;

/// <summary>
/// The platform over its demo, whose targets (<see cref="Application.Outcomes.Demo.DemoTargets"/>) include smoking
/// prevalence at the ICB (annual, 12 years) and emergency admissions at the ICB (monthly, 36 months), both off track.
/// </summary>
public abstract class OutcomePlatform(DatabaseProvider provider) : WebFixture(provider, publicAggregates: false)
{
    public const int Smoking = 1_900_001;
    public const int Admissions = 1_900_004;

    public IReadOnlyList<int> Targets { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!Started) return;
        await using var scope = Factory.Services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportsAsync();
        Targets = [reports.First(r => r.Indicator.Id.Value == Smoking).Target.Id, reports.First(r => r.Indicator.Id.Value == Admissions).Target.Id];
    }
}

public sealed class SqliteOutcomePlatform() : OutcomePlatform(DatabaseProvider.Sqlite);

public sealed class PostgresOutcomePlatform() : OutcomePlatform(DatabaseProvider.Postgres);
