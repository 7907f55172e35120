using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>commonweal users disable|enable|unlock|set-roles|reset-password</c>: each audited, each refusing what would leave no
/// enabled administrator, each ending the user's sessions where it changes what they may do.
/// </summary>
public sealed class UsersCliTests : IAsyncLifetime
{
    private const string Password = "a long enough password";

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        Assert.Equal(0, (await RunAsync(Password + "\n", "users", "add", "root", "--role", "Administrator")).Exit);
        Assert.Equal(0, (await RunAsync(Password + "\n", "users", "add", "ann", "--role", "Analyst")).Exit);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Disable_ends_sessions_and_enable_restores_and_the_last_administrator_is_kept()
    {
        await AddSessionAsync("ann");

        var disabled = await RunAsync(string.Empty, "users", "disable", "ann");
        var list = (await RunAsync(string.Empty, "users", "list")).Out;
        var lastAdmin = await RunAsync(string.Empty, "users", "disable", "root");
        var enabled = await RunAsync(string.Empty, "users", "enable", "ann");
        var unknown = await RunAsync(string.Empty, "users", "disable", "nobody");

        Assert.Equal(0, disabled.Exit);
        Assert.Contains("1 session(s) ended", disabled.Out, StringComparison.Ordinal);
        Assert.Contains("ann", list, StringComparison.Ordinal);
        Assert.Contains("(disabled)", list, StringComparison.Ordinal);
        Assert.Equal(2, lastAdmin.Exit);
        Assert.Contains("last enabled administrator", lastAdmin.Err, StringComparison.Ordinal);
        Assert.Equal(0, enabled.Exit);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("there is no user called 'nobody'", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(["user.create", "user.create", "user.disable", "user.enable"], await AuditAsync());
        await using var db = database.CreateContext();
        Assert.False(await db.Users.Where(u => u.UserName == "ann").Select(u => u.Disabled).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Sessions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Set_roles_replaces_them_and_refuses_to_take_Administrator_from_the_last_administrator()
    {
        await AddSessionAsync("ann");
        var changed = await RunAsync(string.Empty, "users", "set-roles", "ann", "--role", "commissioner", "Provider");
        var badRole = await RunAsync(string.Empty, "users", "set-roles", "ann", "--role", "Overlord");
        var lastAdmin = await RunAsync(string.Empty, "users", "set-roles", "root", "--role", "Analyst");
        Assert.Equal(0, (await RunAsync(string.Empty, "users", "set-roles", "ann", "--role", "Administrator")).Exit);
        var nowAllowed = await RunAsync(string.Empty, "users", "set-roles", "root", "--role", "Analyst");

        Assert.Equal(0, changed.Exit);
        Assert.Contains("Commissioner, Provider; 1 session(s) ended", changed.Out, StringComparison.Ordinal);
        Assert.Equal(2, badRole.Exit);
        Assert.Contains("'Overlord' is not a role", badRole.Err, StringComparison.Ordinal);
        Assert.Equal(2, lastAdmin.Exit);
        Assert.Contains("last enabled administrator", lastAdmin.Err, StringComparison.Ordinal);
        Assert.Equal(0, nowAllowed.Exit);
        var list = (await RunAsync(string.Empty, "users", "list")).Out;
        Assert.Contains(list.Split('\n'), l => l.StartsWith("root", StringComparison.Ordinal) && l.Contains("Analyst", StringComparison.Ordinal) && !l.Contains("Administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_password_reads_it_from_standard_input_checks_it_and_ends_sessions()
    {
        await AddSessionAsync("ann");
        var none = await RunAsync(string.Empty, "users", "reset-password", "ann");
        var tooShort = await RunAsync("short\n", "users", "reset-password", "ann");
        var reset = await RunAsync("a different long password\n", "users", "reset-password", "ann");

        Assert.Equal(2, none.Exit);
        Assert.Contains("standard input", none.Err, StringComparison.Ordinal);
        Assert.Equal(2, tooShort.Exit);
        Assert.Contains("12", tooShort.Err, StringComparison.Ordinal);
        Assert.Equal(0, reset.Exit);
        Assert.Contains("1 session(s) ended", reset.Out, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var ann = await db.Users.SingleAsync(u => u.UserName == "ann", TestContext.Current.CancellationToken);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<CommonwealUser>();
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(ann, ann.PasswordHash!, "a different long password"));
        Assert.Equal(["user.create", "user.create", "user.reset-password"], await AuditAsync());
    }

    [Fact]
    public async Task Unlock_ends_a_lockout_and_clears_the_failed_attempts()
    {
        await using (var db = database.CreateContext())
        {
            var ann = await db.Users.SingleAsync(u => u.UserName == "ann", TestContext.Current.CancellationToken);
            ann.LockoutEnd = TimeProvider.System.GetUtcNow().AddMinutes(10);
            ann.AccessFailedCount = 5;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains("(locked out until", (await RunAsync(string.Empty, "users", "list")).Out, StringComparison.Ordinal);
        var unlocked = await RunAsync(string.Empty, "users", "unlock", "ann");

        Assert.Equal(0, unlocked.Exit);
        Assert.Contains("user 'ann' unlocked", unlocked.Out, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        var after = await check.Users.SingleAsync(u => u.UserName == "ann", TestContext.Current.CancellationToken);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
    }

    private async Task AddSessionAsync(string userName)
    {
        await using var db = database.CreateContext();
        db.Sessions.Add(new SignInSession { Key = Guid.NewGuid().ToString("N"), UserName = userName, Ticket = [1], Created = TimeProvider.System.GetUtcNow(), Expires = TimeProvider.System.GetUtcNow().AddHours(1) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string[]> AuditAsync()
    {
        await using var db = database.CreateContext();
        return [.. (await db.Audit.AsNoTracking().Where(a => a.Action.StartsWith("user.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken))];
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(input));
        return (exit, output.ToString(), error.ToString());
    }
}
