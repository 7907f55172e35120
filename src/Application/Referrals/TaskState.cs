using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals;

/// <summary>
/// What a referral's Task says at one version: the case's status (and the reason for a final one), who owns the work, and
/// when. The FHIR JSON is written from it by the web's mapping (<see cref="TaskJson"/>), so the Task a system referrer
/// reads always matches the case.
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

/// <summary>Writes a Task's FHIR JSON from its state (the mapping lives with the rest of the FHIR mapping, in the web).</summary>
public sealed class TaskJson(Func<TaskState, byte[]> write)
{
    public byte[] Write(TaskState state) => write(state);

    /// <summary>The Task.status a case's status is: received, accepted, in-progress, completed, cancelled or rejected.</summary>
    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Triaged or CaseStatus.Assigned => "accepted",
        CaseStatus.Contacted or CaseStatus.InSupport => "in-progress",
        CaseStatus.Completed => "completed",
        CaseStatus.Closed => "cancelled",
        _ => "rejected",
    };
}
