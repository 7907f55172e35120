using System.Globalization;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Commonweal.Application.Referrals;

/// <summary>
/// A referral's Task as FHIR (UK Core Task): its status from the case's (<see cref="StatusCode"/>), the case's own
/// status in businessStatus, the reason of a closed or declined case in statusReason, the owner the work is with. Written
/// by the use case that changes the case, so the Task a system referrer reads always matches it (ADR 0008).
/// </summary>
public static class FhirTasks
{
    public const string UkCoreTask = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";

    /// <summary>A case's status, beyond the Task's own (Task.businessStatus).</summary>
    public const string CaseStatusSystem = "https://commonweal.example/fhir/CodeSystem/case-status";

    /// <summary>The Task.status a case's status is: received, accepted, in-progress, completed, cancelled or rejected.</summary>
    public static string StatusCode(CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Triaged or CaseStatus.Assigned => "accepted",
        CaseStatus.Contacted or CaseStatus.InSupport => "in-progress",
        CaseStatus.Completed => "completed",
        CaseStatus.Closed => "cancelled",
        _ => "rejected",
    };

    public static FhirTask Make(TaskState state) => new()
    {
        Id = state.Id,
        Meta = new Meta
        {
            VersionId = state.Version.ToString(CultureInfo.InvariantCulture),
            LastUpdated = state.Modified,
            Profile = [UkCoreTask],
        },
        Status = Status(state.Status),
        Intent = FhirTask.TaskIntent.Order,
        BusinessStatus = new CodeableConcept(CaseStatusSystem, Code(state.Status), Display(state.Status)),
        StatusReason = state.Reason is { } reason && state.Status is CaseStatus.Closed or CaseStatus.Declined ? new CodeableConcept { Text = reason } : null,
        Focus = new ResourceReference($"ServiceRequest/{state.Referral}"),
        For = new ResourceReference($"Patient/{state.Patient}"),
        AuthoredOn = Instant(state.Authored),
        LastModified = Instant(state.Modified),
        Requester = state.Requester is { } requester ? new ResourceReference(requester) : null,
        Owner = state.Owner is { } owner ? new ResourceReference(owner, state.OwnerName) : null,
        Output = state.Status == CaseStatus.Completed && state.Reason is { } outcome
            ? [new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "Outcome" }, Value = new FhirString(outcome) }]
            : [],
    };

    public static byte[] Write(TaskState state) => FhirJsonSerializer.Default.SerializeToBytes(Make(state));

    private static FhirTask.TaskStatus Status(CaseStatus status) => StatusCode(status) switch
    {
        "received" => FhirTask.TaskStatus.Received,
        "accepted" => FhirTask.TaskStatus.Accepted,
        "in-progress" => FhirTask.TaskStatus.InProgress,
        "completed" => FhirTask.TaskStatus.Completed,
        "cancelled" => FhirTask.TaskStatus.Cancelled,
        _ => FhirTask.TaskStatus.Rejected,
    };

    private static string Code(CaseStatus status) => status == CaseStatus.InSupport ? "in-support" : status.ToString().ToLowerInvariant();

    private static string Display(CaseStatus status) => CaseTransitions.Words(status) is var words ? char.ToUpperInvariant(words[0]) + words[1..] : "";

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
