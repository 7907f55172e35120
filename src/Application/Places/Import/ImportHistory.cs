using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>The files imported into the store, newest first: what the administrators' and analysts' import pages list.</summary>
public sealed class ImportHistory(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<ImportRecord>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>The latest imports whose kind starts with a prefix ("indicators:" for the indicator files), newest first.</summary>
    public async Task<IReadOnlyList<ImportRecord>> RecentOfKindAsync(string kindPrefix, int count, CancellationToken cancellationToken = default) =>
        await db.Imports.AsNoTracking().Where(i => i.Kind.StartsWith(kindPrefix)).OrderByDescending(i => i.Id).Take(count).ToListAsync(cancellationToken);
}
