using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Importing the same indicator file again changes no row of the catalogue or its values, on SQLite and PostgreSQL.</summary>
public abstract class ReimportTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Importing_indicator_91547_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await IndicatorImporting.ReferenceFileAsync(database, "indicators/fingertips_91547_smoking_prevalence_qof.csv");
        string before;
        await using (var db = database.CreateContext()) before = await ValuesAsync(db);

        var again = await IndicatorImporting.ReferenceFileAsync(database, "indicators/fingertips_91547_smoking_prevalence_qof.csv");

        Assert.Equal(17_107, first.ChangedRows); // 17,106 values and the catalogue entry
        Assert.Equal(0, again.ChangedRows);
        Assert.Equal("unchanged", Assert.Single(again.Indicators).Decision.Action);
        await using var after = database.CreateContext();
        Assert.Equal(before, await ValuesAsync(after));
        Assert.Equal(2, await after.Imports.CountAsync());
    }

    [Fact]
    public async Task Importing_a_small_export_again_changes_nothing_and_a_corrected_edition_says_what_it_replaced()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = Download("export.csv", England201314, Basildon201314);
        Assert.Equal(3, (await IndicatorImporting.FileAsync(database, path)).ChangedRows);

        var again = await IndicatorImporting.FileAsync(database, path);
        var corrected = await IndicatorImporting.FileAsync(database, Download("export.csv", England201314, Basildon201314.Replace(",Worse,Worse,", ",Similar,Worse,", StringComparison.Ordinal)));

        Assert.Equal(0, again.ChangedRows);
        Assert.Equal(1, corrected.ChangedRows);
        Assert.Contains(corrected.Notes, n => n.StartsWith("1 values were stored before with other figures", StringComparison.Ordinal));
    }

    private static async Task<string> ValuesAsync(CommonwealDbContext db)
    {
        var values = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var indicators = await db.Indicators.AsNoTracking().ToListAsync();
        return string.Join('\n', values.Select(v => v.ToString()).Order(StringComparer.Ordinal)).GetHashCode(StringComparison.Ordinal)
            + "/" + string.Join('\n', indicators.Select(i => i.ToString())).GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class SqliteReimportTests() : ReimportTests(DatabaseProvider.Sqlite);

public sealed class PostgresReimportTests() : ReimportTests(DatabaseProvider.Postgres);
