using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Persistence;

public static class PersistenceServices
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        // The factory also registers the context itself (scoped); shared read models use the factory so that
        // components rendering at the same time never share one connection.
        services.AddDbContextFactory<CommonwealDbContext>(options => Configure(options, settings), ServiceLifetime.Scoped);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        if (settings.SqliteFile is { } file)
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(
                settings.ConnectionString,
                o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(
                settings.ConnectionString,
                o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings)),
        };
    }

    /// <summary>Options for a context made outside dependency injection (CLI, tests, design time).</summary>
    public static DbContextOptions<CommonwealDbContext> Options(DatabaseSettings settings) =>
        (DbContextOptions<CommonwealDbContext>)Configure(new DbContextOptionsBuilder<CommonwealDbContext>(), settings).Options;
}
