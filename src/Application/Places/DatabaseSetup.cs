using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Brings the store's schema up to date, and seeds the demo when it holds no places at all.</summary>
public sealed class DatabaseSetup(CommonwealDbContext db, DemoSeeding demo)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // Write-ahead logging lets the web platform keep reading while an import writes, and makes commits cheaper.
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// SQLite keeps 2 MB of pages in memory by default; an import of 33,000 LSOAs touches several indexes at once, so
    /// give the import's connection 64 MB (and nothing for PostgreSQL, whose server manages its own).
    /// </summary>
    public static async Task TuneForBulkWritesAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536;", cancellationToken);
    }

    public async Task<DemoSeeding.Result> MigrateAndSeedAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        return await demo.SeedAsync("system", cancellationToken: cancellationToken);
    }
}
