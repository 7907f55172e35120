using Microsoft.EntityFrameworkCore.Design;

namespace Commonweal.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonwealDbContext>
{
    public CommonwealDbContext CreateDbContext(string[] args) =>
        new(PersistenceServices.Options(DatabaseSettings.FromSetting("Host=localhost;Database=commonweal_design")));
}
