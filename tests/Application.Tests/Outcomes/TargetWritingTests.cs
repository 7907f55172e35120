using Commonweal.Application.Outcomes;
using Commonweal.Core.Outcomes;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>Creating and editing targets against the data: SMART or refused with every reason, all-or-nothing, audited, with history.</summary>
public abstract class TargetWritingTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : SeededStore
{
    private ApplicationScope app = null!;

    public async ValueTask InitializeAsync()
    {
        await store.ResetAsync();
        app = new ApplicationScope(store.Database);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static TargetDraft Smoking(string baseline = "2019/20", double? goal = 12, string? deadline = "2026/27", string? owner = "NHS Mid and South Essex ICB",
        string sex = "", string area = "QH8", string? trajectory = "linear", int? indicator = SeededStore.Smoking) =>
        new(indicator, area, sex, string.Empty, string.Empty, baseline, goal, deadline, trajectory, owner, "Jane Smith", "Halve the gap to the best ICBs");

    [Fact]
    public async Task A_smart_target_is_saved_with_its_baseline_value_from_the_data_its_owner_created_on_first_use_and_audited()
    {
        var writing = app.Get<TargetWriting>();

        var first = await writing.CreateAsync([new TargetInput(Smoking())], "commissioner@example.org");
        var second = await writing.CreateAsync([new TargetInput(Smoking(area: "E38000007", goal: 11))], "commissioner@example.org");

        Assert.True(first.Succeeded, string.Join("; ", first.Refusals));
        Assert.True(second.Succeeded, string.Join("; ", second.Refusals));
        await using var db = store.Database.CreateContext();
        var saved = await db.Targets.SingleAsync(t => t.Id == first.Created[0]);
        var baseline = (await app.Get<Application.Indicators.IndicatorQueries>().TableAsync(saved.Indicator)).Value!
            .Find(saved.Area, "2019/20", Application.Indicators.Breakdown.Persons)!.Value.Value;
        Assert.Equal(baseline, saved.BaselineValue);
        Assert.Equal(("Persons", "All ages", "linear", "Jane Smith", "commissioner@example.org"), (saved.Sex.ToString(), saved.Age, saved.Trajectory, saved.Lead, saved.CreatedBy));
        Assert.Equal(["NHS Mid and South Essex ICB"], await db.Partners.Select(p => p.Name).ToListAsync());
        var audit = await db.Audit.Select(a => a.Action).ToListAsync();
        Assert.Equal(2, audit.Count(a => a == "target.create"));
        Assert.Equal(1, audit.Count(a => a == "partner.create"));
    }

    [Fact]
    public async Task A_batch_with_bad_targets_is_refused_with_every_reason_and_its_line_and_nothing_is_saved()
    {
        TargetInput[] batch =
        [
            new(2, Smoking(), []),
            new(3, Smoking(baseline: "2009/10"), []),
            new(4, Smoking(deadline: null, owner: null), []),
            new(5, Smoking(deadline: "2018/19"), []),
            new(6, Smoking(indicator: 1_234_567, area: "E07999999"), []),
            new(7, Smoking(sex: "Female"), []),
            new(8, Smoking(goal: 17), []),
            new(9, Smoking(trajectory: "profile:2022/23=14;2026/27=11"), []),
            new(10, Smoking(trajectory: "straight"), []),
        ];

        var outcome = await app.Get<TargetWriting>().CreateAsync(batch, "commissioner@example.org");

        Assert.False(outcome.Succeeded);
        var reasons = outcome.Refusals.Select(r => (r.Line, r.Problem.Field)).ToHashSet();
        Assert.Contains((3, "baseline_period"), reasons);
        Assert.Contains((4, "deadline_period"), reasons);
        Assert.Contains((4, "owner"), reasons);
        Assert.Contains((5, "deadline_period"), reasons);
        Assert.Contains((6, "indicator_id"), reasons);
        Assert.Contains((6, "area_code"), reasons);
        Assert.Contains((7, "sex"), reasons);
        Assert.Contains((8, "target_value"), reasons);
        Assert.Contains((9, "trajectory"), reasons);
        Assert.Contains((10, "trajectory"), reasons);
        Assert.DoesNotContain(outcome.Refusals, r => r.Line == 2);
        Assert.Contains("wrong side", outcome.Refusals.Single(r => r.Line == 8).Problem.Reason, StringComparison.Ordinal);
        Assert.Contains("does not end at the target", outcome.Refusals.Single(r => r.Line == 9).Problem.Reason, StringComparison.Ordinal);
        await using var db = store.Database.CreateContext();
        Assert.Equal((0, 0, 0), (await db.Targets.CountAsync(), await db.Partners.CountAsync(), await db.Audit.CountAsync()));
    }

    [Fact]
    public async Task The_same_target_twice_is_refused_whether_in_one_batch_or_after_it_was_saved()
    {
        var writing = app.Get<TargetWriting>();
        var twice = await writing.CreateAsync([new TargetInput(2, Smoking(), []), new TargetInput(3, Smoking(goal: 11), [])], "c");
        Assert.Equal([(3, "deadline_period")], twice.Refusals.Select(r => (r.Line, r.Problem.Field)));
        Assert.True((await writing.CreateAsync([new TargetInput(Smoking())], "c")).Succeeded);
        var again = await writing.CreateAsync([new TargetInput(Smoking(goal: 11))], "c");
        Assert.Contains("already sets a target", Assert.Single(again.Refusals).Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_records_who_changed_what_when_and_why_and_a_bad_edit_changes_nothing()
    {
        var writing = app.Get<TargetWriting>();
        var id = (await writing.CreateAsync([new TargetInput(Smoking())], "c")).Created[0];

        var noWhy = await writing.EditAsync(id, Smoking(goal: 11), why: " ", "commissioner@example.org");
        var wrongSide = await writing.EditAsync(id, Smoking(goal: 19), why: "typo", "commissioner@example.org");
        var edited = await writing.EditAsync(id, Smoking(goal: 11, owner: "Essex County Council"), why: "Agreed at the HWB on 3 March", "commissioner@example.org");
        var missing = await writing.EditAsync(999_999, Smoking(), why: "x", "c");

        Assert.Equal(["why"], noWhy.Problems.Select(p => p.Field));
        Assert.Equal(["target_value"], wrongSide.Problems.Select(p => p.Field));
        Assert.True(edited.Succeeded);
        Assert.True(missing.NotFound);
        Assert.Equal([("owner", "NHS Mid and South Essex ICB", "Essex County Council"), ("target_value", "12", "11")],
            edited.Changes.Select(c => (c.Field, c.Before, c.After)).OrderBy(c => c.Field));
        var history = await app.Get<OutcomeQueries>().HistoryAsync(id);
        Assert.All(history, c => Assert.Equal(("Agreed at the HWB on 3 March", "commissioner@example.org", Importing.Now), (c.Why, c.By, c.At)));
        await using var db = store.Database.CreateContext();
        Assert.Equal(11, (await db.Targets.SingleAsync(t => t.Id == id)).TargetValue);
        Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == "target.edit"));
    }
}

public sealed class SqliteTargetWritingTests(SeededSqlite store) : TargetWritingTests<SeededSqlite>(store), IClassFixture<SeededSqlite>;

public sealed class PostgresTargetWritingTests(SeededPostgres store) : TargetWritingTests<SeededPostgres>(store), IClassFixture<SeededPostgres>;
