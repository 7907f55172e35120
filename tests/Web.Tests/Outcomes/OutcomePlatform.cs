using Commonweal.Application.Outcomes;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Outcomes;

/// <summary>
/// The platform over its demo with two targets set on the demo's indicators, as a commissioner would set them: smoking
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
        var created = await scope.ServiceProvider.GetRequiredService<TargetWriting>().CreateAsync(
        [
            new TargetInput(new TargetDraft(Smoking, "QH8", string.Empty, string.Empty, string.Empty, "2019/20", 12, "2026/27", "linear", "NHS Mid and South Essex ICB", "Director of Public Health", "Halve the gap")),
            new TargetInput(new TargetDraft(Admissions, "QH8", "Persons", "All ages", string.Empty, "Apr-22", 7.5, "Mar-25", "linear", "Essex County Council", "Sam Patel", "Fewer admissions")),
        ], "commissioner@example.org");
        Assert.True(created.Succeeded, string.Join("; ", created.Refusals));
        Targets = created.Created;
    }
}

public sealed class SqliteOutcomePlatform() : OutcomePlatform(DatabaseProvider.Sqlite);

public sealed class PostgresOutcomePlatform() : OutcomePlatform(DatabaseProvider.Postgres);
