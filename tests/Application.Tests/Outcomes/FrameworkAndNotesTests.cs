using Commonweal.Application.Outcomes;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>The framework's versions and coverage, and commentary and actions on targets with who may write them.</summary>
public abstract class FrameworkAndNotesTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : SeededStore
{
    private ApplicationScope app = null!;

    public async ValueTask InitializeAsync()
    {
        await store.ResetAsync();
        app = new ApplicationScope(store.Database);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static readonly NoteWriter Commissioner = new("commissioner@example.org", "Chris Commissioner", Commissioner: true);

    private async Task<int> TargetAsync(string lead = "Jane Smith") =>
        (await app.Get<TargetWriting>().CreateAsync(
            [new TargetInput(new TargetDraft(SeededStore.Smoking, "QH8", string.Empty, string.Empty, string.Empty, "2019/20", 12, "2026/27", "linear", "NHS MSE ICB", lead, "why"))], "c"))
        .Created[0];

    [Fact]
    public async Task Before_any_version_the_framework_is_the_shipped_one_and_each_save_makes_the_next_version_with_its_changes_audited()
    {
        var frameworks = app.Get<FrameworkEditing>();
        var shipped = await frameworks.CurrentAsync();
        Assert.Equal((0, false), (shipped.Version, shipped.IsAgreed));
        Assert.Equal(6, shipped.Priorities.Count(p => p.Kind == PriorityKind.Core20Plus5Adults));
        Assert.Equal(5, shipped.Priorities.Count(p => p.Kind == PriorityKind.Core20Plus5Children));

        var edit = new FrameworkEdit("Essex prevention outcomes framework", "Essex Health and Wellbeing Board", new DateOnly(2026, 3, 14), "Agreed at the March board",
            [new PriorityEdit("Physical activity and healthy weight", PriorityKind.HealthAndWellbeingStrategy, ["DietAndExercise"], [SeededStore.Smoking])],
            new Dictionary<int, string> { [SeededStore.Smoking] = "TobaccoUse", [SeededStore.Admissions] = "QualityOfCare" });
        var saved = await frameworks.SaveAsync(edit, "commissioner@example.org");
        var again = await frameworks.SaveAsync(edit with { Why = "Second look", AgreedBy = null, AgreedOn = null }, "commissioner@example.org");

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        Assert.Equal("Version 1, as agreed by Essex Health and Wellbeing Board on 14 March 2026", saved.Framework!.Standing);
        Assert.Contains(saved.Changes, c => c.StartsWith("priority removed: Asthma", StringComparison.Ordinal));
        Assert.Equal((2, "Version 2 (draft, not yet agreed)"), (again.Framework!.Version, again.Framework.Standing));
        Assert.Equal(FrameworkDomain.Of(FocusArea.QualityOfCare), (await frameworks.CurrentAsync()).Mapping[new IndicatorId(SeededStore.Admissions)]);
        Assert.Equal([2, 1], (await frameworks.VersionsAsync()).Select(v => v.Version));
        Assert.Equal("Essex Health and Wellbeing Board", (await frameworks.VersionAsync(1))!.AgreedBy);
        await using var db = store.Database.CreateContext();
        Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == "framework.save"));
        Assert.True(await db.Audit.CountAsync(a => a.Action == "framework.change") >= 2);
    }

    [Fact]
    public async Task A_bad_framework_edit_is_refused_with_every_error_and_saves_nothing()
    {
        var edit = new FrameworkEdit(" ", "Essex Health and Wellbeing Board", null, "",
            [new PriorityEdit("Smoking", PriorityKind.Local, ["Tobacco"], [42]), new PriorityEdit("smoking", PriorityKind.Local, ["TobaccoUse"], [])],
            new Dictionary<int, string> { [SeededStore.Smoking] = "Nowhere" });

        var outcome = await app.Get<FrameworkEditing>().SaveAsync(edit, "c");

        Assert.False(outcome.Succeeded);
        Assert.Equal(["AgreedOn", "Mapping", "Priorities", "Priorities[0]", "Priorities[0]", "Title", "Why"], outcome.Errors.Select(e => e.Field).Order());
        Assert.Empty(await app.Get<FrameworkEditing>().VersionsAsync());
    }

    [Fact]
    public async Task The_coverage_view_lists_every_domain_with_its_indicators_targets_and_gaps_under_the_current_mapping()
    {
        await TargetAsync();
        await app.Get<FrameworkEditing>().SaveAsync(new FrameworkEdit("F", null, null, "map", [],
            new Dictionary<int, string> { [SeededStore.Smoking] = "TobaccoUse", [SeededStore.Admissions] = "AccessToCare" }), "c");

        var (framework, rows) = await app.Get<OutcomeQueries>().CoverageAsync();

        Assert.Equal(1, framework.Version);
        var tobacco = rows.Single(r => r.FocusArea == FocusArea.TobaccoUse);
        Assert.Equal((1, string.Empty), (tobacco.Targets, tobacco.Gap));
        Assert.Equal("no target", rows.Single(r => r.FocusArea == FocusArea.AccessToCare).Gap);
        Assert.Equal("no indicator", rows.Single(r => r.FocusArea == FocusArea.HousingAndTransit).Gap);
    }

    [Fact]
    public async Task Commissioners_and_a_targets_lead_officer_comment_others_may_not_and_only_commissioners_agree_actions()
    {
        var id = await TargetAsync(lead: "lead@example.org");
        var notes = app.Get<TargetNotes>();
        var lead = new NoteWriter("lead@example.org", null, Commissioner: false);
        var provider = new NoteWriter("provider@example.org", "Pat Provider", Commissioner: false);

        Assert.True((await notes.CommentAsync(id, "Quit service re-procured; uptake rising.", Commissioner)).Succeeded);
        Assert.True((await notes.CommentAsync(id, "Outreach started in Basildon.", lead)).Succeeded);
        Assert.True((await notes.CommentAsync(id, "Not mine", provider)).Forbidden);
        Assert.Equal(["Text"], (await notes.CommentAsync(id, "  ", Commissioner)).Errors.Select(e => e.Field));
        Assert.True((await notes.CommentAsync(999_999, "x", Commissioner)).NotFound);
        Assert.True((await notes.AddActionAsync(id, "Outreach", "Stop smoking service", new DateOnly(2027, 3, 31), lead)).Forbidden);
        Assert.Equal(["ByWhen", "What", "Who"], (await notes.AddActionAsync(id, "", "", null, Commissioner)).Errors.Select(e => e.Field).Order());
        var action = await notes.AddActionAsync(id, "Targeted outreach in Core20 wards", "Stop smoking service", new DateOnly(2027, 3, 31), Commissioner);
        Assert.True((await notes.SetActionStatusAsync(id, action.Id!.Value, "done", Commissioner)).Succeeded);
        Assert.Equal(["Status"], (await notes.SetActionStatusAsync(id, action.Id!.Value, "finished", Commissioner)).Errors.Select(e => e.Field));

        var queries = app.Get<OutcomeQueries>();
        var commentary = await queries.CommentaryAsync(id);
        Assert.Equal([("lead@example.org", "Outreach started in Basildon."), ("Chris Commissioner", "Quit service re-procured; uptake rising.")],
            commentary.OrderByDescending(c => c.Id).Select(c => (c.Author, c.Text)));
        Assert.Equal(("Targeted outreach in Core20 wards", "Stop smoking service", "done", "Chris Commissioner"),
            (await queries.ActionsAsync(id)).Select(a => (a.What, a.Who, a.Status, a.Author)).Single());
        await using var db = store.Database.CreateContext();
        Assert.Equal(4, await db.Audit.CountAsync(a => a.Action.StartsWith("target.comment") || a.Action.StartsWith("target.action")));
    }

    [Fact]
    public async Task The_scorecard_groups_targets_by_their_domain_and_reports_the_status_worked_out_from_the_data()
    {
        var id = await TargetAsync();
        await app.Get<FrameworkEditing>().SaveAsync(new FrameworkEdit("F", null, null, "map", [], new Dictionary<int, string> { [SeededStore.Smoking] = "TobaccoUse" }), "c");

        var scorecard = await app.Get<OutcomeQueries>().ScorecardAsync();

        var (domain, targets) = Assert.Single(scorecard.Domains);
        Assert.Equal(FrameworkDomain.Of(FocusArea.TobaccoUse), domain);
        var report = Assert.Single(targets).Report;
        Assert.Equal(id, report.Target.Id);
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"], report.Periods.Select(p => p.Period.Label));
        Assert.Equal(TargetStatus.NotMeasurable, report.Periods[0].Status);
        Assert.Equal(report.Periods[^1].Status, report.Status);
        Assert.Equal(report.Status.IsException() || report.SpecialCauseConcern, scorecard.Exceptions.Any());
    }
}

public sealed class SqliteFrameworkAndNotesTests(SeededSqlite store) : FrameworkAndNotesTests<SeededSqlite>(store), IClassFixture<SeededSqlite>;

public sealed class PostgresFrameworkAndNotesTests(SeededPostgres store) : FrameworkAndNotesTests<SeededPostgres>(store), IClassFixture<SeededPostgres>;
