using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Access;

/// <summary>
/// Ends every signed-in session of a user at once, on every instance: their cookies are refused on the next request.
/// Used on sign-out, a password reset, a change of roles and a disabled account.
/// </summary>
public sealed class SessionRevocation(CommonwealDbContext db)
{
    /// <summary>Deletes the user's sessions; returns how many there were.</summary>
    public Task<int> RevokeAllAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Sessions.Where(s => s.UserName == userName).ExecuteDeleteAsync(cancellationToken);

    /// <summary>How many unexpired sessions each user has (for the administrators' page).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var counts = await db.Sessions.AsNoTracking().Where(s => s.Expires == null || s.Expires > now)
            .GroupBy(s => s.UserName).Select(g => new { UserName = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.UserName, c => c.Count, StringComparer.Ordinal);
    }
}
