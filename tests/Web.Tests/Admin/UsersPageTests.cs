using System.Net;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Admin;

/// <summary>The administrators' page for local accounts: the same use case as the command line, through the page's forms.</summary>
public abstract class UsersPageTests(DatabaseProvider provider)
{
    [Fact]
    public async Task An_administrator_adds_a_user_changes_their_roles_and_disables_them_and_cannot_disable_themselves_as_the_last()
    {
        await using var platform = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (admin, adminName) = await platform.SignedInAsNewUserAsync(Roles.Administrator);

        var added = await Body(await Forms.PostAsync(admin, "/admin/users", "add-user", new Dictionary<string, string>
        {
            ["Input.UserName"] = "bea",
            ["Input.Password"] = "bea's long passphrase",
            ["Input.Roles[Analyst]"] = "true",
        }));
        Assert.Contains("user &#x27;bea&#x27; created with role(s) Analyst", added, StringComparison.Ordinal);
        var bea = await platform.SignedInAsync("bea", "bea's long passphrase");

        var roles = await Body(await Forms.PostAsync(admin, "/admin/users/bea", "roles", new Dictionary<string, string> { ["RolesInput.Roles[Commissioner]"] = "true" }));
        Assert.Contains("now has role(s) Commissioner; 1 session(s) ended", roles, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bea.GetAsync("/api/overview", TestContext.Current.CancellationToken)).StatusCode);

        var disabled = await Body(await Forms.PostAsync(admin, "/admin/users/bea", "disable"));
        Assert.Contains("user &#x27;bea&#x27; disabled", disabled, StringComparison.Ordinal);
        Assert.Contains("Disabled", await admin.GetStringAsync("/admin/users", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var self = await Body(await Forms.PostAsync(admin, "/admin/users/" + adminName, "disable"));
        Assert.Contains("last enabled administrator", self, StringComparison.Ordinal);
        var empty = await Body(await Forms.PostAsync(admin, "/admin/users", "add-user", new Dictionary<string, string> { ["Input.UserName"] = "cal", ["Input.Password"] = "cal's long passphrase" }));
        Assert.Contains("at least one role is required", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/nobody-here", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static Task<string> Body(HttpResponseMessage response) => response.Content.ReadAsStringAsync();
}

public sealed class SqliteUsersPageTests() : UsersPageTests(DatabaseProvider.Sqlite);

public sealed class PostgresUsersPageTests() : UsersPageTests(DatabaseProvider.Postgres);
