using System.Globalization;
using Commonweal.Application.Referrals;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// A referral's Task as FHIR (UK Core Task): its status from the case's (<see cref="TaskJson.Status"/>), the case's own
/// status in businessStatus, the reason of a closed or declined case in statusReason, the owner the work is with.
/// </summary>
public static class FhirTasks
{
    public static FhirTask Make(TaskState state) => new()
    {
        Id = state.Id,
        Meta = new Meta
        {
            VersionId = state.Version.ToString(CultureInfo.InvariantCulture),
            LastUpdated = state.Modified,
            Profile = [FhirNames.UkCoreTask],
        },
        Status = Status(state.Status),
        Intent = FhirTask.TaskIntent.Order,
        BusinessStatus = new CodeableConcept(FhirNames.CaseStatusSystem, Code(state.Status), Display(state.Status)),
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

    public static byte[] Write(TaskState state) => FhirJson.Bytes(Make(state));

    private static FhirTask.TaskStatus Status(CaseStatus status) => TaskJson.Status(status) switch
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
