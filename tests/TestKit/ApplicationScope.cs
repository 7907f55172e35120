using Commonweal.Application;
using Commonweal.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Commonweal.TestKit;

/// <summary>The application's use cases over a test database, wired as the CLI wires them, with a fixed clock.</summary>
public sealed class ApplicationScope : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    /// <param name="ics">A shipped ICS description's name, or null for the default (Mid and South Essex).</param>
    public ApplicationScope(TestDatabase database, string? ics = null, DateTimeOffset? now = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPersistence(database.Settings);
        services.AddApplication(ics);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? Importing.Now));
        provider = services.BuildServiceProvider();
        scope = provider.CreateAsyncScope();
    }

    /// <summary>A fresh scope (its own DbContext), as each web request or CLI command gets; the singletons (caches) shared.</summary>
    public AsyncServiceScope NewScope() => provider.CreateAsyncScope();

    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
