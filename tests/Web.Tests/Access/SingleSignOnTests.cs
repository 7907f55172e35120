using Commonweal.Persistence;
using Commonweal.TestKit.Web;
using Commonweal.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Access;

public sealed class SingleSignOnTests
{
    [Fact]
    public async Task OpenID_Connect_is_offered_only_when_configured()
    {
        await using var plain = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true);
        await using var withOidc = await CommonwealFactory.StartAsync(DatabaseProvider.Sqlite, publicAggregates: true, new Dictionary<string, string>
        {
            ["Commonweal:Oidc:Authority"] = "https://login.example.test",
            ["Commonweal:Oidc:ClientId"] = "commonweal",
            ["Commonweal:Oidc:DisplayName"] = "NHS.net Connect",
        });

        Assert.Null(await plain.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AccountEndpoints.OidcScheme));
        Assert.NotNull(await withOidc.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AccountEndpoints.OidcScheme));
        Assert.DoesNotContain("Sign in with", await plain.Client().GetStringAsync("/account/login"), StringComparison.Ordinal);
        Assert.Contains("Sign in with NHS.net Connect", await withOidc.Client().GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/places/E07000066", "/places/E07000066")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public void Only_local_paths_are_return_addresses_after_sign_in(string? requested, string used)
    {
        Assert.Equal(used, AccountEndpoints.LocalOrHome(requested));
    }
}
