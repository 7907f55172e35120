using Commonweal.Application.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.TestKit.Web;

/// <summary>
/// The real web platform over a real, fresh database of one provider (seeded with the demo at start, as
/// <c>dotnet run</c> does), with aggregate pages public or not.
/// </summary>
public sealed class CommonwealFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool publicAggregates;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly bool ownsDatabase;

    private CommonwealFactory(TestDatabase database, bool publicAggregates, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null, bool ownsDatabase = true)
    {
        this.database = database;
        this.publicAggregates = publicAggregates;
        this.settings = settings ?? new Dictionary<string, string>();
        this.services = services;
        this.ownsDatabase = ownsDatabase;
    }

    /// <summary>
    /// The platform on an in-memory test server (for HTTP tests), with any extra configuration settings and services (e.g.
    /// a test's startup filter standing in for a reverse proxy).
    /// </summary>
    public static async Task<CommonwealFactory> StartAsync(DatabaseProvider provider, bool publicAggregates, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var factory = new CommonwealFactory(database, publicAggregates, settings, services);
        _ = factory.Server; // start now: migrates and seeds the demo
        return factory;
    }

    /// <summary>The platform on an in-memory test server over a store that already exists (left as it is on dispose).</summary>
    public static CommonwealFactory Over(TestDatabase database, bool publicAggregates)
    {
        var factory = new CommonwealFactory(database, publicAggregates, ownsDatabase: false);
        _ = factory.Server; // start now: migrates (a store with data is not seeded)
        return factory;
    }

    /// <summary>A second instance of the platform over this one's store (as a second server behind a load balancer would be).</summary>
    public CommonwealFactory SecondInstance()
    {
        var second = new CommonwealFactory(database, publicAggregates, settings, services, ownsDatabase: false);
        _ = second.Server;
        return second;
    }

    /// <summary>The platform on Kestrel at a free loopback port (for a real browser); returns its address.</summary>
    public static async Task<(CommonwealFactory Factory, Uri Address)> StartOnKestrelAsync(DatabaseProvider provider, bool publicAggregates,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var factory = new CommonwealFactory(database, publicAggregates, settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return (factory, new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Commonweal:Database", database.Setting);
        builder.UseSetting("Commonweal:PublicAggregates", publicAggregates ? "true" : "false");
        builder.UseEnvironment("Testing");
        // Tests sign in far more often than a person: the limits are tested on their own (SecurityTests).
        builder.UseSetting("Commonweal:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Commonweal:RateLimits:ApiPerMinute", "1000000");
        builder.UseSetting("Commonweal:RateLimits:FhirPerMinute", "1000000");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client of the platform at another address (e.g. https://, or a host name that is not this machine).</summary>
    public HttpClient Client(Uri baseAddress) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress });

    /// <summary>Creates a user with the given role through the same use case as <c>commonweal users add</c>.</summary>
    public async Task AddUserAsync(string userName, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(userName, password, [role], "test");
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    /// <summary>A client signed in through the real sign-in form (antiforgery token and all).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Client();
        var response = await SignIn.PostAsync(client, userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A new user with one role, signed in: the client and the user's name.</summary>
    public async Task<(HttpClient Client, string UserName)> SignedInAsNewUserAsync(string role)
    {
        const string password = "correct horse battery";
        var name = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        await AddUserAsync(name, password, role);
        return (await SignedInAsync(name, password), name);
    }

    /// <summary>
    /// Adds a new provider's member of staff linked to the partner organisation they work for (linking ends a user's
    /// sessions, so it is done before anyone signs in as them): the user's name.
    /// </summary>
    public async Task<string> AddProviderOfAsync(string partner, string password)
    {
        var name = "provider-" + Guid.NewGuid().ToString("N")[..6];
        await AddUserAsync(name, password, Commonweal.Core.Access.Roles.Provider);
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetPartnerAsync(name, partner, "test");
        Assert.True(outcome.Succeeded, outcome.Message);
        return name;
    }

    /// <summary>A new provider's member of staff linked to <paramref name="partner"/>, signed in: the client and the user's name.</summary>
    public async Task<(HttpClient Client, string UserName)> SignedInAsProviderOfAsync(string partner)
    {
        const string password = "correct horse battery";
        var name = await AddProviderOfAsync(partner, password);
        return (await SignedInAsync(name, password), name);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase) await database.DisposeAsync();
    }
}
