using Commonweal.Application.Access;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places;

/// <summary>
/// Which edition of the Indices of Deprivation pages and commands use when none is asked for: the latest loaded, unless
/// an administrator chooses another (NHS England may keep IoD2019 for Core20PLUS5 for a while). Stored with the data,
/// so the web platform and the command line agree; every change is audited.
/// </summary>
public sealed class DeprivationSetting(CommonwealDbContext db, AuditLog audit)
{
    public const string Key = "deprivation-vintage";

    /// <summary>The chosen edition, or null for "the latest loaded".</summary>
    public Task<IodVintage?> GetAsync(CancellationToken cancellationToken = default) => ReadAsync(db, cancellationToken);

    /// <summary>Reads the setting through <paramref name="context"/> (a read model's own).</summary>
    public static async Task<IodVintage?> ReadAsync(CommonwealDbContext context, CancellationToken cancellationToken = default)
    {
        var setting = await context.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        return setting is not null && IodVintages.TryParse(setting.Value, out var vintage) ? vintage : null;
    }

    /// <param name="vintage">The edition to use by default; null to go back to the latest loaded.</param>
    public async Task SetAsync(IodVintage? vintage, string actor, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        var value = vintage?.Code() ?? "latest";
        if (setting is null)
            db.Settings.Add(new Setting { Key = Key, Value = value });
        else
            setting.Value = value;
        audit.Record(actor, "settings.change", "Setting", Key, value);
        await db.SaveChangesAsync(cancellationToken);
    }
}
