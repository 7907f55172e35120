using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Outcomes;

/// <summary>Targets, their owners, history, commentary and actions are stored alike on SQLite and PostgreSQL.</summary>
public sealed class TargetStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_target_with_its_owner_history_commentary_and_actions_is_stored_and_read_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            var owner = new Partner(0, "Basildon Borough Council");
            db.Partners.Add(owner);
            await db.SaveChangesAsync();
            var target = new Target(0, new IndicatorId(91547), AreaCode.Parse("E07000066"), Sex.Persons, "15+ yrs", string.Empty, "2022/23", 15.58137063,
                12, "2025/26", "profile:2023/24=14.5;2024/25=13.2;2025/26=12", owner.Id, "Director of Public Health", "Tobacco control plan", at, "commissioner");
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            db.TargetChanges.Add(new TargetChange(0, target.Id, "target_value", "11.5", "12", "agreed at the HWB", at, "commissioner"));
            db.TargetCommentaries.Add(new TargetCommentary(0, target.Id, "Quit services re-procured; uptake rising.", at, "lead"));
            db.TargetActions.Add(new TargetAction(0, target.Id, "Targeted outreach in Core20 wards", "Stop smoking service", new DateOnly(2027, 3, 31), "open", at, "lead"));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.Targets.SingleAsync();
        Assert.Equal((new IndicatorId(91547), AreaCode.Parse("E07000066"), Sex.Persons, 15.58137063, "profile:2023/24=14.5;2024/25=13.2;2025/26=12", at),
            (stored.Indicator, stored.Area, stored.Sex, stored.BaselineValue, stored.Trajectory, stored.Created));
        Assert.Equal("Basildon Borough Council", (await read.Partners.SingleAsync(p => p.Id == stored.Owner)).Name);
        Assert.Equal("12", (await read.TargetChanges.SingleAsync(c => c.Target == stored.Id)).After);
        Assert.Equal("lead", (await read.TargetCommentaries.SingleAsync(c => c.Target == stored.Id)).Author);
        Assert.Equal(new DateOnly(2027, 3, 31), (await read.TargetActions.SingleAsync(a => a.Target == stored.Id)).ByWhen);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_target_must_have_an_owner_that_exists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Targets.Add(new Target(0, new IndicatorId(91547), AreaCode.Parse("E07000066"), Sex.Persons, string.Empty, string.Empty, "2022/23", 15,
            12, "2025/26", "linear", 42, string.Empty, string.Empty, DateTimeOffset.UnixEpoch, "x"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
