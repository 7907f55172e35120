using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals;

/// <summary>
/// What a referral's Task says at one version: the case's status (and the reason for a final one), who owns the work, and
/// when. Its FHIR JSON is written from it (<see cref="FhirTasks"/>).
/// </summary>
/// <param name="Owner">The organisation the work is with, e.g. "Organization/12"; null while it is with the front door.</param>
public sealed record TaskState(
    string Id,
    Guid Referral,
    string Patient,
    CaseStatus Status,
    string? Reason,
    string? Owner,
    string? OwnerName,
    int Version,
    DateTimeOffset Authored,
    DateTimeOffset Modified,
    string? Requester);
