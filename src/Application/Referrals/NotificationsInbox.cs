using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// A referrer's in-app notifications (one for each change of their referrals' cases): how many are unread and the latest,
/// newest first; marking one, or all, read. Each user sees and marks only their own. The texts name no one (they say
/// what became of "your referral"), so reading them is not a read of a person's record.
/// </summary>
public sealed class NotificationsInbox(CommonwealDbContext db, TimeProvider clock)
{
    /// <summary>The most notifications listed at once.</summary>
    public const int Shown = 20;

    public sealed record Inbox(int Unread, IReadOnlyList<Notification> Latest);

    public async Task<Inbox> ForAsync(ReferralViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == viewer.Name);
        var unread = await mine.CountAsync(n => n.Read == null, cancellationToken);
        // By id, newest first: ids follow the order notifications were made.
        var latest = await mine.OrderByDescending(n => n.Id).Take(Shown).ToListAsync(cancellationToken);
        return new Inbox(unread, latest);
    }

    /// <summary>Marks the viewer's notification <paramref name="id"/> read, or all of theirs when null: how many were marked.</summary>
    public Task<int> MarkReadAsync(ReferralViewer viewer, long? id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var now = clock.GetUtcNow();
        var unread = db.Notifications.Where(n => n.Recipient == viewer.Name && n.Read == null);
        if (id is { } one) unread = unread.Where(n => n.Id == one);
        return unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, now), cancellationToken);
    }
}
