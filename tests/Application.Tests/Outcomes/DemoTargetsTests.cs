using Commonweal.Application.Outcomes;
using Commonweal.Application.Outcomes.Demo;
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
        Assert.Equal(DemoTargets.Drafts.Count, scorecard.Targets.Count());
        Assert.All(scorecard.Targets, t => Assert.NotEqual(TargetStatus.NotMeasurable, t.Report.Status));
        Assert.Contains(scorecard.Targets, t => t.Report.Target.Trajectory.StartsWith("profile:", StringComparison.Ordinal));
        var commented = Assert.Single(scorecard.Targets, t => t.LatestCommentary is not null);
        Assert.Single(commented.Actions);
        Assert.Equal(DemoTargets.Drafts.Select(d => d.Owner).Distinct().Count(), (await app.Get<OutcomeQueries>().PartnersAsync(TestContext.Current.CancellationToken)).Count);

        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", replaceDemo: true, TestContext.Current.CancellationToken));
        await using var db = database.CreateContext();
        Assert.Equal((DemoTargets.Drafts.Count, 1, 1), (await db.Targets.CountAsync(), await db.TargetCommentaries.CountAsync(), await db.TargetActions.CountAsync()));
    }
}
