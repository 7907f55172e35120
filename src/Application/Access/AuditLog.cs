using Commonweal.Core.Access;
using Commonweal.Persistence;

namespace Commonweal.Application.Access;

/// <summary>Adds audit entries to the context; they are saved with the change they describe, in the same transaction.</summary>
public sealed class AuditLog(CommonwealDbContext db, TimeProvider clock)
{
    public void Record(string actor, string action, string entityType, string entityKey, string? detail = null) =>
        db.Audit.Add(new AuditEntry(0, clock.GetUtcNow(), actor, action, entityType, entityKey, detail));
}
