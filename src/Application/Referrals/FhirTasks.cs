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

    /// <summary>A referral's first Task.</summary>
    public static FhirTask Make(TaskState state) => Apply(
        new FhirTask
        {
            Id = state.Id,
            Meta = new Meta { Profile = [UkCoreTask] },
            Intent = FhirTask.TaskIntent.Order,
            Focus = new ResourceReference($"ServiceRequest/{state.Referral}"),
            For = new ResourceReference($"Patient/{state.Patient}"),
            AuthoredOn = Instant(state.Authored),
            Requester = state.Requester is { } requester ? new ResourceReference(requester) : null,
        },
        state.Status,
        state.Reason,
        state.Owner,
        state.OwnerName,
        state.Version,
        state.Modified);

    public static byte[] Write(TaskState state) => FhirJsonSerializer.Default.SerializeToBytes(Make(state));

    /// <summary>
    /// The stored Task with the case's new status, reason and owner as a new version: what the case does not change (its
    /// focus, patient, requester, when it was authored) is kept as it was.
    /// </summary>
    /// <param name="outcome">The structured outcome of a case completed with one: its figures become the Task's typed outputs.</param>
    public static byte[] Moved(byte[] stored, CaseStatus status, string? reason, string? owner, string? ownerName, int version, DateTimeOffset modified, CaseOutcome? outcome = null)
    {
        var reader = new System.Text.Json.Utf8JsonReader(stored);
        var task = FhirJsonDeserializer.DEFAULT.Deserialize<FhirTask>(ref reader);
        return FhirJsonSerializer.Default.SerializeToBytes(Apply(task, status, reason, owner, ownerName, version, modified, outcome));
    }

    private static FhirTask Apply(FhirTask task, CaseStatus status, string? reason, string? owner, string? ownerName, int version, DateTimeOffset modified, CaseOutcome? outcome = null)
    {
        task.Meta ??= new Meta();
        task.Meta.VersionId = version.ToString(CultureInfo.InvariantCulture);
        task.Meta.LastUpdated = modified;
        task.Status = Status(status);
        task.BusinessStatus = new CodeableConcept(CaseStatusSystem, Code(status), Display(status));
        task.StatusReason = reason is not null && status is CaseStatus.Closed or CaseStatus.Declined ? new CodeableConcept { Text = reason } : null;
        task.LastModified = Instant(modified);
        task.Owner = owner is null ? null : new ResourceReference(owner, ownerName);
        task.Output = status != CaseStatus.Completed ? []
            : outcome is not null ? FhirTaskOutputs.Of(outcome)
            : reason is { } words ? [new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "Outcome" }, Value = new FhirString(words) }]
            : [];
        return task;
    }

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
