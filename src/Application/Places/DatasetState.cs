using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>Which dataset the store holds: none, the generated demo, or real official files.</summary>
public static class DatasetState
{
    public static async Task<DatasetKind> GetAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Setting.Dataset, cancellationToken);
        return setting is not null && Enum.TryParse<DatasetKind>(setting.Value, out var kind) ? kind : DatasetKind.Empty;
    }

    /// <summary>Marks the store's dataset; saved with the caller's next SaveChanges.</summary>
    public static async Task SetAsync(CommonwealDbContext db, DatasetKind kind, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == Setting.Dataset, cancellationToken);
        if (setting is null)
            db.Settings.Add(new Setting { Key = Setting.Dataset, Value = kind.ToString() });
        else
            setting.Value = kind.ToString();
    }
}
