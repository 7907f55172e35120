namespace Commonweal.Web.Features.Referrals;

/// <summary>The service codes a referral may name (the directory's); the directory is filled by configuration.</summary>
public sealed class ReferralServiceCodes
{
    public IReadOnlySet<string> Codes { get; set; } = new HashSet<string>(StringComparer.Ordinal);
}
