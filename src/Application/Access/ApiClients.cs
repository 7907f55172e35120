using Commonweal.Application.Commissioning;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>
/// Systems that call Commonweal with an API key (<c>commonweal clients add|list|revoke|rotate</c>): each key is shown once,
/// when made, and only its hash is kept; each change is audited. A revoked client keeps its row (and so its name: a name
/// is never given to a second client, so the audit trail's "client:&lt;name&gt;" always means one system); to give a
/// system a new key, rotate it. Revoking or rotating stops the old key at once in this process and within
/// <see cref="ActiveApiClients.RefreshInterval"/> in any other.
/// </summary>
public sealed class ApiClients(CommonwealDbContext db, AuditLog audit, ActiveApiClients active, TimeProvider clock)
{
    /// <summary>What a change did; <paramref name="Key"/> is the new key, in plain text this once, after an add or a rotation.</summary>
    public sealed record Outcome(bool Succeeded, string Message, ApiClient? Client = null, string? Key = null);

    /// <summary>One client as the list shows it: its key's shown prefix, never the key or its hash.</summary>
    public sealed record Listed(string Name, IReadOnlyList<string> Roles, string? Partner, string KeyPrefix, DateTimeOffset Created, string CreatedBy,
        DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsed);

    public async Task<Outcome> AddAsync(string name, IReadOnlyList<string> roleNames, string? partner, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (!ApiKeys.IsValidName(name))
            return Refused($"'{name}' is not a client name: 1 to {ApiKeys.NameLength} letters, digits, '-', '_' or '.'");
        if (Canonical(roleNames, out var roles) is { } badRole) return badRole;
        int? partnerId = null;
        var partnerName = "none";
        if (!string.IsNullOrWhiteSpace(partner) && !string.Equals(partner.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            var found = PartnerRegister.Find(await db.Partners.AsNoTracking().ToListAsync(cancellationToken), partner);
            if (found is null) return Refused($"there is no partner called '{partner}' (partners list shows them)");
            (partnerId, partnerName) = (found.Id, found.Name);
        }

        if (await FindAsync(name, cancellationToken) is not null)
            return Refused($"a client called '{name}' already exists (names are not used again, even once revoked: rotate its key instead)");

        var key = ApiKeys.New();
        var client = new ApiClient(0, name, roles, partnerId, ApiKeys.Hash(key), ApiKeys.Shown(key), clock.GetUtcNow(), actor);
        db.ApiClients.Add(client);
        audit.Record(actor, "client.add", "ApiClient", name, $"roles: {string.Join(", ", roles)}; partner: {partnerName}; key {client.KeyPrefix}…");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process added the same name between the check and the save (the unique index refused it).
            return Refused($"a client called '{name}' already exists");
        }

        active.Changed();
        return new Outcome(true, $"client '{name}' added with role(s) {string.Join(", ", roles)}, acting for {partnerName}; key {client.KeyPrefix}…", client, key);
    }

    public async Task<IReadOnlyList<Listed>> ListAsync(CancellationToken cancellationToken = default)
    {
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. clients.Select(c => new Listed(c.Name, c.Roles, c.Partner is { } p ? partners.GetValueOrDefault(p) : null, c.KeyPrefix, c.Created, c.CreatedBy,
            c.RevokedAt, c.RevokedBy, c.LastUsed))];
    }

    /// <summary>The key stops working at once (in this process; in others within <see cref="ActiveApiClients.RefreshInterval"/>).</summary>
    public Task<Outcome> RevokeAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(name, actor, async client =>
        {
            if (client.Revoked) return new Outcome(true, $"client '{client.Name}' was already revoked", client);
            var now = clock.GetUtcNow();
            await db.ApiClients.Where(c => c.Id == client.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevokedBy, actor), cancellationToken);
            audit.Record(actor, "client.revoke", "ApiClient", client.Name, $"key {client.KeyPrefix}…");
            return new Outcome(true, $"client '{client.Name}' revoked: its key {client.KeyPrefix}… no longer works", client with { RevokedAt = now, RevokedBy = actor });
        }, cancellationToken);

    /// <summary>A new key for the client; the old one stops working as <see cref="RevokeAsync"/>'s does.</summary>
    public Task<Outcome> RotateAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(name, actor, async client =>
        {
            if (client.Revoked) return Refused($"client '{client.Name}' is revoked: add a new client instead");
            var key = ApiKeys.New();
            var (hash, shown) = (ApiKeys.Hash(key), ApiKeys.Shown(key));
            await db.ApiClients.Where(c => c.Id == client.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.KeyHash, hash).SetProperty(c => c.KeyPrefix, shown), cancellationToken);
            audit.Record(actor, "client.rotate", "ApiClient", client.Name, $"key {client.KeyPrefix}… → {shown}…");
            return new Outcome(true, $"client '{client.Name}' has a new key {shown}…; the old key {client.KeyPrefix}… no longer works",
                client with { KeyHash = hash, KeyPrefix = shown }, key);
        }, cancellationToken);

    /// <summary>The active client holding the key, or null (unknown, revoked, malformed): from memory, as a request's sign-in asks.</summary>
    public ValueTask<ApiClient?> FindByKeyAsync(string? key, CancellationToken cancellationToken = default) => active.FindByKeyAsync(key, cancellationToken);

    /// <summary>Runs a change to one client in one transaction with its audit entry; then the old key is refused at once.</summary>
    private async Task<Outcome> ChangeAsync(string name, string actor, Func<ApiClient, Task<Outcome>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (await FindAsync(name, cancellationToken) is not { } client) return Refused($"there is no client called '{name}' (clients list shows them)");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await change(client);
        if (!outcome.Succeeded) return outcome;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        active.Changed(client.KeyHash);
        return outcome;
    }

    /// <summary>A client by name, ignoring case (there are a handful, so they are compared here rather than by the store's collation).</summary>
    private async Task<ApiClient?> FindAsync(string? name, CancellationToken cancellationToken) =>
        (await db.ApiClients.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Outcome Refused(string message) => new(false, message);

    private static Outcome? Canonical(IReadOnlyList<string> roleNames, out List<string> canonical)
    {
        canonical = [];
        if (roleNames.Count == 0) return Refused($"at least one role is required ({string.Join(", ", Roles.All)})");
        foreach (var name in roleNames)
        {
            if (Roles.Find(name) is not { } role) return Refused($"'{name}' is not a role (choose from {string.Join(", ", Roles.All)})");
            if (!canonical.Contains(role)) canonical.Add(role);
        }

        return null;
    }
}
