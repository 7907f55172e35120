using Hl7.Fhir.Model;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The OperationOutcomes of the front door: every problem found at once, each with its severity, code and the
/// expression of the element at fault (<c>Bundle.entry[1].resource.subject</c>), and the HTTP status it is answered with.
/// </summary>
public sealed record FhirProblems(int Status, IReadOnlyList<OperationOutcome.IssueComponent> Issues)
{
    public OperationOutcome Outcome() => new() { Issue = [.. Issues] };

    public static FhirProblems One(int status, OperationOutcome.IssueType code, string diagnostics, string? expression = null) =>
        new(status, [Issue(code, diagnostics, expression)]);

    public static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression = null,
        OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) =>
        new()
        {
            Severity = severity,
            Code = code,
            Diagnostics = diagnostics,
            Expression = expression is null ? [] : [expression],
        };
}
