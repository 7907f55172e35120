namespace Commonweal.Web.Features.Cases;

/// <summary>The case pages' addresses and the words they share with their downloads.</summary>
public static class CasePages
{
    public const string Caseload = "/cases";

    /// <summary>Why someone who may use the case pages has no cases: a provider's account not linked to its organisation.</summary>
    public const string NoCaseload = "Your account is not linked to an organisation that holds cases. Ask an administrator to link it to your organisation.";

    public static string Case(Guid id) => $"/cases/{id}";

    /// <summary>Where a case is completed with its outcome (its own page).</summary>
    public static string Complete(Guid id) => $"/cases/{id}/complete";
}
