using Commonweal.Application.Access;
using Commonweal.Application.Indicators.Import;
using Commonweal.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Commonweal.TestKit;

/// <summary>Runs indicator imports the way the CLI does (<c>indicators import</c>), with a fixed clock.</summary>
public static class IndicatorImporting
{
    public static IndicatorImport For(CommonwealDbContext db)
    {
        var clock = new FakeTimeProvider(Importing.Now);
        return new IndicatorImport(db, new AuditLog(db, clock), clock);
    }

    /// <summary>Imports one indicator file (recognised by its header) into the database.</summary>
    public static async Task<IndicatorImportOutcome> FileAsync(TestDatabase database, string path, IndicatorImportOptions? options = null)
    {
        await using var db = database.CreateContext();
        return await For(db).ImportFileAsync(path, options ?? IndicatorImportOptions.None, "test");
    }

    /// <summary>Imports a reference indicator file (a path under the reference-data folder; skips the test when it is absent).</summary>
    public static async Task<IndicatorImportOutcome> ReferenceFileAsync(TestDatabase database, string relativePath, IndicatorImportOptions? options = null)
    {
        var outcome = await FileAsync(database, ReferenceData.File(relativePath), options);
        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        return outcome;
    }
}
