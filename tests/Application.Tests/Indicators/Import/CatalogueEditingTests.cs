using Commonweal.Application.Access;
using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>
/// Editing a catalogue entry as the web page, the API or a command would: each field changed audited before and after,
/// a broken rule changes nothing, and the value type and multiplier change only while no values are stored. SQLite and PostgreSQL.
/// </summary>
public abstract class CatalogueEditingTests(DatabaseProvider provider)
{
    private static CatalogueEditing For(CommonwealDbContext db) => new(db, new AuditLog(db, new FakeTimeProvider(Importing.Now)));

    [Fact]
    public async Task Each_field_changed_is_audited_with_its_value_before_and_after()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await IndicatorImporting.FileAsync(database, Download("smoking.csv", England201314, Basildon201314));
        var id = new IndicatorId(91547);
        CatalogueEditOutcome outcome;
        await using (var db = database.CreateContext())
        {
            var (stored, _) = (await For(db).FindAsync(id))!.Value;
            outcome = await For(db).UpdateAsync(id, IndicatorEdit.Of(stored) with { Polarity = Polarity.HighIsGood, Licence = "  ", FactorGroup = HealthFactor.HealthBehaviours }, "alice");
        }

        Assert.True(outcome.Succeeded);
        await using var after = database.CreateContext();
        var indicator = await after.Indicators.SingleAsync();
        Assert.Equal(Polarity.HighIsGood, indicator.Polarity);
        Assert.Equal(HealthFactor.HealthBehaviours, indicator.FactorGroup);
        var audit = await after.Audit.Where(a => a.Action == "indicator.edit").Select(a => a.Detail!).ToListAsync();
        Assert.Equal(outcome.Changes.Count, audit.Count);
        Assert.Contains(audit, d => d.EndsWith("polarity: low-is-good → high-is-good", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.EndsWith("factor group: (none) → HealthBehaviours", StringComparison.Ordinal));
        Assert.All(await after.Audit.Where(a => a.Action == "indicator.edit").ToListAsync(), a => Assert.Equal("alice", a.Actor));
    }

    [Fact]
    public async Task A_broken_rule_changes_nothing_and_values_fix_the_value_type_and_multiplier()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await IndicatorImporting.FileAsync(database, Download("smoking.csv", England201314, Basildon201314));
        var id = new IndicatorId(91547);
        await using var db = database.CreateContext();
        var (stored, hasValues) = (await For(db).FindAsync(id))!.Value;
        var before = await FingerprintAsync(db);

        var outcome = await For(db).UpdateAsync(id, IndicatorEdit.Of(stored) with { Name = "", ValueType = IndicatorValueType.CrudeRate, Multiplier = 1000 }, "alice");

        Assert.True(hasValues);
        Assert.False(outcome.Succeeded);
        Assert.Equal(["Name", "ValueType", "Multiplier"], outcome.Errors.Select(e => e.Field));
        Assert.Contains("--value-type crude-rate", outcome.Errors[1].Message, StringComparison.Ordinal);
        await using var after = database.CreateContext();
        Assert.Equal(before, await FingerprintAsync(after));
    }

    [Fact]
    public async Task Without_values_the_value_type_and_multiplier_change_and_an_unknown_indicator_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = new IndicatorId(IndicatorId.FirstLocal + 7);
        await using (var db = database.CreateContext())
        {
            db.Indicators.Add(new Indicator(id, "Local measure", IndicatorValueType.Proportion, 100, "%", Polarity.NoJudgement));
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        var (stored, hasValues) = (await For(context).FindAsync(id))!.Value;
        var outcome = await For(context).UpdateAsync(id, IndicatorEdit.Of(stored) with { ValueType = IndicatorValueType.CrudeRate, Multiplier = 100_000, Unit = "per 100,000" }, "bob");
        var missing = await For(context).UpdateAsync(new IndicatorId(42), IndicatorEdit.Of(stored), "bob");

        Assert.False(hasValues);
        Assert.True(outcome.Succeeded);
        Assert.Equal(["unit: % → per 100,000", "value type: proportion → crude-rate", "multiplier: 100 → 100000"], outcome.Changes.Select(c => c.ToString()));
        Assert.True(missing.NotFound);
    }
}

public sealed class SqliteCatalogueEditingTests() : CatalogueEditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogueEditingTests() : CatalogueEditingTests(DatabaseProvider.Postgres);
