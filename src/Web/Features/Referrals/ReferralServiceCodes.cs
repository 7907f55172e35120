using Commonweal.Persistence;

namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The service codes a referral may name: the directory's, read again at most every few seconds (the directory changes
/// rarely; a referral arrives hundreds of times a second).
/// </summary>
public sealed class ReferralServiceCodes(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private IReadOnlySet<string> codes = new HashSet<string>();
    private DateTimeOffset read = DateTimeOffset.MinValue;

    public IReadOnlySet<string> Codes
    {
        get
        {
            lock (gate)
            {
                if (clock.GetUtcNow() - read < Fresh) return codes;
                using var scope = scopes.CreateScope();
                codes = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>().ReferralServices.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
                read = clock.GetUtcNow();
                return codes;
            }
        }
    }

    /// <summary>Reads the directory again at the next use (after it was replaced in this process).</summary>
    public void Forget()
    {
        lock (gate) read = DateTimeOffset.MinValue;
    }
}
