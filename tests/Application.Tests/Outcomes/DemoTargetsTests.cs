using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>The demo's targets: set through the same checks as any target when the demo is seeded, and set again with it.</summary>
public sealed class DemoTargetsTests
{
    [Fact]
    public async Task The_demo_sets_six_smart_targets_one_with_commentary_and_an_action_and_seeding_it_again_does_not_repeat_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ApplicationScope(database);
        await app.Get<DatabaseSetup>().MigrateAndSeedAsync(TestContext.Current.CancellationToken);

        var scorecard = await app.Get<OutcomeQueries>().ScorecardAsync(TestContext.Current.CancellationToken);
        Assert.Equal(6, scorecard.Targets.Count());
        Assert.All(scorecard.Targets, t => Assert.NotEqual(TargetStatus.NotMeasurable, t.Report.Status));
        Assert.Contains(scorecard.Targets, t => t.Report.Target.Trajectory.StartsWith("profile:", StringComparison.Ordinal));
        var commented = Assert.Single(scorecard.Targets, t => t.LatestCommentary is not null);
        Assert.Single(commented.Actions);
        // Each owner is one partner (the demo's commissioning gives the same partners their identifiers, never a twin).
        var owners = scorecard.Targets.Select(t => t.Report.Owner).Distinct().ToList();
        var partners = await app.Get<OutcomeQueries>().PartnersAsync(TestContext.Current.CancellationToken);
        Assert.All(owners, o => Assert.Single(partners, p => p.Name == o));
        Assert.Contains(scorecard.Targets, t => t.Report.Target.Area.Value == "QH8");

        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", replaceDemo: true, TestContext.Current.CancellationToken));
        await using var db = database.CreateContext();
        Assert.Equal((6, 1, 1), (await db.Targets.CountAsync(), await db.TargetCommentaries.CountAsync(), await db.TargetActions.CountAsync()));
    }

    [Fact]
    public async Task The_demo_of_another_ICS_sets_the_targets_its_data_supports_and_never_stops_the_demo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ApplicationScope(database, ics: "essex");
        await app.Get<DatabaseSetup>().MigrateAndSeedAsync(TestContext.Current.CancellationToken);

        var reports = await app.Get<OutcomeQueries>().ReportsAsync(TestContext.Current.CancellationToken);

        // NHS Essex ICB's demo (in force from April 2026) has values added up to its places only from then: the targets
        // whose baselines come before are left out, the seeding goes on.
        Assert.NotEmpty(reports);
        Assert.True(reports.Count < 6);
        Assert.DoesNotContain(reports, r => r.Target.Area.Value == "QH8");
    }
}
