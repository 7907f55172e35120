using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Places.Import;

/// <summary>The files imported into the store, newest first: what the administrators' import page lists.</summary>
public sealed class ImportHistory(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<ImportRecord>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(count).ToListAsync(cancellationToken);
}
