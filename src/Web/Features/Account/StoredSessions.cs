using System.Security.Cryptography;
using Commonweal.Application.Access;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Commonweal.Web.Features.Account;

/// <summary>
/// Keeps each sign-in's ticket in the store (<see cref="SignInSession"/>) and gives the browser only a random key, so a
/// session can be ended on the server: deleting its row refuses the cookie on the next request, on every instance.
/// The ticket is protected with the data-protection keys before it is stored. A session is read on every signed-in request,
/// so it is read with a compiled query on a context from a small pool of this store's own (a new scope and context for each
/// request cost about half a millisecond more: bench/Benchmarks WebRequestBenchmarks).
/// </summary>
public sealed class StoredSessions(DatabaseSettings settings, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    // Compiled for this store's model (a process may hold a SQLite and a PostgreSQL platform: tests do).
    private readonly Func<CommonwealDbContext, string, CancellationToken, Task<StoredTicket?>> find = EF.CompileAsyncQuery(
        (CommonwealDbContext db, string key, CancellationToken cancellationToken) =>
            db.Sessions.AsNoTracking().Where(s => s.Key == key).Select(s => new StoredTicket(s.Ticket, s.Expires)).FirstOrDefault());

    private readonly PooledDbContextFactory<CommonwealDbContext> contexts = new(PersistenceServices.Options(settings), poolSize: 32);
    private readonly IDataProtector protector = protection.CreateProtector("Commonweal.SignInSessions");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, origin: null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, origin: null, cancellationToken);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, httpContext?.RequestServices.GetService<AuditOrigin>(), cancellationToken);

    private async Task<string> StoreAsync(AuthenticationTicket ticket, AuditOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Sessions past their end are removed as new ones begin (the table stays the size of the signed-in users).
        await db.Sessions.Where(s => s.Expires != null && s.Expires < now).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(new SignInSession
        {
            Key = key,
            UserName = ticket.Principal.Identity?.Name ?? string.Empty,
            Ticket = Protect(ticket),
            Created = now,
            Expires = ticket.Properties.ExpiresUtc,
            ClientAddress = origin?.ClientAddress,
            UserAgent = origin?.UserAgent,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bytes = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        // A session revoked meanwhile stays revoked: renewing updates an existing row only.
        await db.Sessions.Where(s => s.Key == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.Expires, expires), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await find(db, key, cancellationToken);
        if (session is null || session.Expires < clock.GetUtcNow()) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null; // protected with a key that is gone: the user signs in again
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed record StoredTicket(byte[] Ticket, DateTimeOffset? Expires);

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    /// <summary>Gives the application cookie this store (the cookie then carries only the session's key).</summary>
    public static void Use(CookieAuthenticationOptions options, IServiceProvider services) =>
        options.SessionStore = services.GetRequiredService<StoredSessions>();
}
