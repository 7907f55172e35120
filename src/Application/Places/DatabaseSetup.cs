using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Brings the store's schema up to date, and seeds the demo when it holds no places at all.</summary>
public sealed class DatabaseSetup(CommonwealDbContext db, DemoSeeding demo)
{
    public Task MigrateAsync(CancellationToken cancellationToken = default) => db.Database.MigrateAsync(cancellationToken);

    public async Task<DemoSeeding.Result> MigrateAndSeedAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        return await demo.SeedAsync("system", cancellationToken: cancellationToken);
    }
}
