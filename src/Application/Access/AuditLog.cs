using Commonweal.Core.Access;
using Commonweal.Persistence;

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
        db.Audit.Add(new AuditEntry(0, clock.GetUtcNow(), actor, action, entityType, entityKey,
            detail is { Length: > DetailLength } ? detail[..(DetailLength - 1)] + "…" : detail)
        {
            ClientAddress = origin?.ClientAddress,
            UserAgent = origin?.UserAgent,
        });
}
