using Commonweal.Core.Access;
using Commonweal.Core.Commissioning;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>commonweal clients add|list|revoke|rotate</c>: the key printed once as the last line and kept only as its hash; the
/// list shows the key's prefix, never the key; refusals on standard error with exit code 2; each change audited.
/// </summary>
public sealed class ClientsCliTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        db.Partners.Add(new Partner(0, "Mid Essex Wellbeing CIC") { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CompanyNumber = "07715867" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Add_prints_the_key_last_and_keeps_only_its_hash()
    {
        var added = await RunAsync("clients", "add", "gp-system.practice_1", "--role", "referrer", "--partner", "07715867");

        Assert.Equal(0, added.Exit);
        Assert.Equal(string.Empty, added.Err);
        var lines = added.Out.TrimEnd('\n').Split('\n');
        var key = lines[^1];
        Assert.True(ApiKeys.IsWellFormed(key), key);
        Assert.StartsWith("cwk_", key, StringComparison.Ordinal);
        Assert.Contains("client 'gp-system.practice_1' added with role(s) Referrer, acting for Mid Essex Wellbeing CIC", added.Out, StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains(key, StringComparison.Ordinal));

        await using var db = database.CreateContext();
        var stored = await db.ApiClients.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ApiKeys.Hash(key), stored.KeyHash);
        Assert.Equal(64, stored.KeyHash.Length);
        Assert.Equal(key.Substring(4, 8), stored.KeyPrefix);
        Assert.Equal([Roles.Referrer], stored.Roles);
        Assert.Equal(await db.Partners.Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken), stored.Partner);
        Assert.StartsWith("cli:", stored.CreatedBy, StringComparison.Ordinal);
        Assert.Null(stored.RevokedAt);
        // Nothing in the store holds the key itself: not the client's row, not the audit trail.
        Assert.DoesNotContain(key, stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await db.Audit.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken), a => (a.Detail ?? "").Contains(key[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_shows_the_key_prefix_never_the_key_and_revoke_and_rotate_are_audited()
    {
        Assert.StartsWith("No API clients yet. Add one with: commonweal clients add", (await RunAsync("clients", "list")).Out, StringComparison.Ordinal);
        var key = LastLine((await RunAsync("clients", "add", "provider-system", "--role", "Provider", "Referrer")).Out);
        var other = LastLine((await RunAsync("clients", "add", "spare", "--role", "VolunteerCoordinator")).Out);

        var list = (await RunAsync("clients", "list")).Out;
        var rotated = await RunAsync("clients", "rotate", "provider-system");
        var newKey = LastLine(rotated.Out);
        var revoked = await RunAsync("clients", "revoke", "SPARE");
        var again = await RunAsync("clients", "revoke", "spare");
        var rotateRevoked = await RunAsync("clients", "rotate", "spare");
        var after = (await RunAsync("clients", "list")).Out;

        Assert.Contains(list.Split('\n'), l => l.StartsWith("provider-system", StringComparison.Ordinal) && l.Contains("Provider, Referrer", StringComparison.Ordinal)
            && l.Contains("partner: none", StringComparison.Ordinal) && l.Contains($"key: cwk_{key.Substring(4, 8)}…", StringComparison.Ordinal));
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other, list, StringComparison.Ordinal);
        Assert.Equal(0, rotated.Exit);
        Assert.True(ApiKeys.IsWellFormed(newKey));
        Assert.NotEqual(key, newKey);
        Assert.Equal(0, revoked.Exit);
        Assert.Contains("client 'spare' revoked", revoked.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.Exit);
        Assert.Contains("already revoked", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, rotateRevoked.Exit);
        Assert.Contains("is revoked", rotateRevoked.Err, StringComparison.Ordinal);
        Assert.Contains(after.Split('\n'), l => l.StartsWith("spare", StringComparison.Ordinal) && l.Contains("revoked ", StringComparison.Ordinal));
        Assert.Contains($"key: cwk_{newKey.Substring(4, 8)}…", after, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var provider = await db.ApiClients.AsNoTracking().SingleAsync(c => c.Name == "provider-system", TestContext.Current.CancellationToken);
        Assert.Equal(ApiKeys.Hash(newKey), provider.KeyHash);
        var audit = await db.Audit.AsNoTracking().Where(a => a.Action.StartsWith("client.")).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["client.add", "client.add", "client.rotate", "client.revoke"], audit.Select(a => a.Action));
        Assert.Equal(["provider-system", "spare", "provider-system", "spare"], audit.Select(a => a.EntityKey));
        Assert.All(audit, a => Assert.StartsWith("cli:", a.Actor, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("overlord-system", "--role", "Overlord", "'Overlord' is not a role")]
    [InlineData("bad/name", "--role", "Referrer", "'bad/name' is not a client name")]
    [InlineData("twin", "--partner", "No Such Partner", "there is no partner called 'No Such Partner'")]
    public async Task Add_refuses_a_bad_name_role_or_partner_with_exit_2(string name, string option, string value, string message)
    {
        string[] args = option == "--role" ? ["clients", "add", name, option, value] : ["clients", "add", name, "--role", "Referrer", option, value];
        var refused = await RunAsync(args);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("error: " + message, refused.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Out);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ApiClients.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_name_is_never_given_twice_and_an_unknown_client_is_refused()
    {
        Assert.Equal(0, (await RunAsync("clients", "add", "twin", "--role", "Referrer")).Exit);
        var duplicate = await RunAsync("clients", "add", "Twin", "--role", "Referrer");
        Assert.Equal(0, (await RunAsync("clients", "revoke", "twin")).Exit);
        var afterRevoke = await RunAsync("clients", "add", "twin", "--role", "Referrer");
        var unknownRevoke = await RunAsync("clients", "revoke", "nobody");
        var unknownRotate = await RunAsync("clients", "rotate", "nobody");
        var noRole = await RunAsync("clients", "add", "norole");

        Assert.Equal(2, duplicate.Exit);
        Assert.Contains("a client called 'Twin' already exists", duplicate.Err, StringComparison.Ordinal);
        Assert.Equal(2, afterRevoke.Exit);
        Assert.Contains("already exists", afterRevoke.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknownRevoke.Exit);
        Assert.Contains("there is no client called 'nobody'", unknownRevoke.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknownRotate.Exit);
        Assert.Equal(2, noRole.Exit);
        Assert.Contains("--role", noRole.Err, StringComparison.Ordinal);
    }

    private static string LastLine(string output) => output.TrimEnd('\n').Split('\n')[^1];

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(string.Empty));
        return (exit, output.ToString(), error.ToString());
    }
}
