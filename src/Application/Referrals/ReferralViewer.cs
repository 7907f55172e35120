namespace Commonweal.Application.Referrals;

/// <summary>
/// Who is asking to see referrals, and so which: coordinators (who triage) and administrators see every referral; a
/// referrer sees the referrals they sent, and those sent by others of their organisation; a provider sees the referrals
/// whose work its organisation owns. Nobody else sees people's referrals at all.
/// </summary>
public sealed record ReferralViewer(string Name, IReadOnlyList<string> Roles, int? Partner)
{
    public bool SeesAll => Roles.Contains(Core.Access.Roles.VolunteerCoordinator) || Roles.Contains(Core.Access.Roles.Administrator);

    public bool IsReferrer => Roles.Contains(Core.Access.Roles.Referrer);

    public bool IsProvider => Roles.Contains(Core.Access.Roles.Provider) && Partner is not null;

    /// <summary>The Task owner a provider's organisation is, e.g. "Organization/12".</summary>
    public string? OwnerReference => Partner is { } partner ? $"Organization/{partner}" : null;

    public bool MaySeeAny => SeesAll || IsReferrer || IsProvider;
}
