namespace Commonweal.Core.Access;

/// <summary>Who did what to which record, and when (UTC). Written once, never changed.</summary>
/// <param name="Actor">The user name, or "system"/"cli:&lt;os user&gt;" for work not done through sign-in.</param>
/// <param name="Action">A verb phrase such as "import", "user.create", "person.read".</param>
/// <param name="EntityType">The kind of record acted on, e.g. "ReferenceFile", "User".</param>
/// <param name="EntityKey">Which record, e.g. a file name or a user name.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityType,
    string EntityKey,
    string? Detail);
