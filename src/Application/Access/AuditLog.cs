using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.Persistence.Bulk;

namespace Commonweal.Application.Access;

/// <summary>
/// Adds audit entries to the context; they are saved with the change they describe, in the same transaction. Entries made
/// through the web carry the client's address and User-Agent.
/// </summary>
public sealed class AuditLog(CommonwealDbContext db, TimeProvider clock, AuditOrigin? origin = null)
{
    /// <summary>The most characters of detail the trail keeps (its column's length); longer detail is cut with an ellipsis.</summary>
    public const int DetailLength = 4000;

    public void Record(string actor, string action, string entityType, string entityKey, string? detail = null) =>
        db.Audit.Add(Entry(actor, action, entityType, entityKey, detail));

    /// <summary>
    /// Many entries of one action at once (e.g. each row a return replaced), written straight away with the bulk writer rather
    /// than tracked one by one: they are in the caller's transaction, so they stand or fall with the change they describe.
    /// </summary>
    public Task RecordAllAsync(string actor, string action, string entityType, string entityKey, IEnumerable<string> details, CancellationToken cancellationToken = default) =>
        BulkWriter.InsertNewAsync(db, [.. details.Select(d => Entry(actor, action, entityType, entityKey, d))], cancellationToken);

    /// <summary>The entry <see cref="Record"/> adds, for a writer that stores many at once with the bulk writer (the referral intake).</summary>
    public AuditEntry Entry(string actor, string action, string entityType, string entityKey, string? detail) =>
        new(0, clock.GetUtcNow(), actor, action, entityType, entityKey, detail is { Length: > DetailLength } ? detail[..(DetailLength - 1)] + "…" : detail)
        {
            ClientAddress = origin?.ClientAddress,
            UserAgent = origin?.UserAgent,
        };
}
