namespace Commonweal.Core.Referrals;

/// <summary>
/// A FHIR resource of a referral as it is served: its type and id, its current version, and its JSON exactly as read
/// back (ids assigned, references resolved). Reads return the bytes without parsing them again. <paramref name="Status"/>
/// and <paramref name="Owner"/> are kept beside the JSON for Task searches.
/// </summary>
/// <param name="Type">The resource type, e.g. "ServiceRequest".</param>
/// <param name="Id">The resource id (a UUID).</param>
/// <param name="Referral">The referral it belongs to.</param>
/// <param name="Status">The resource's status code, for searching (Task.status).</param>
/// <param name="Owner">The Task's owner reference, e.g. "Organization/12", for searching.</param>
public sealed record StoredResource(
    string Type,
    string Id,
    Guid Referral,
    int Version,
    DateTimeOffset LastUpdated,
    string? Status,
    string? Owner,
    byte[] Json);
