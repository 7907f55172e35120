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
    string? Detail)
{
    /// <summary>The client's address (as the trusted reverse proxy reported it), for entries made through the web.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The client's User-Agent header, cut to 512 characters, for entries made through the web.</summary>
    public string? UserAgent { get; init; }
}
