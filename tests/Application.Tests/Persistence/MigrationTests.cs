using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Persistence;

/// <summary>Every model change needs a migration for each provider; these fail when one is missing.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        var settings = provider == DatabaseProvider.Sqlite
            ? DatabaseSettings.FromSetting(Path.Combine(Path.GetTempPath(), "commonweal-model-check.db"))
            : DatabaseSettings.FromSetting("Host=localhost;Database=commonweal_model_check");
        await using var db = new CommonwealDbContext(PersistenceServices.Options(settings));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations do not match the model: add one with dotnet ef migrations add");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_database_is_migrated_to_the_latest_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Last(), (await db.Database.GetAppliedMigrationsAsync()).Last());
    }
}
