using Microsoft.EntityFrameworkCore.Design;

namespace Commonweal.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonwealDbContext>
{
    public CommonwealDbContext CreateDbContext(string[] args) =>
        new(PersistenceServices.Options(DatabaseSettings.FromSetting(Path.Combine(Path.GetTempPath(), "commonweal-design.db"))));
}
