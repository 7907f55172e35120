using System.Globalization;
using Commonweal.Application.Places.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Admin;

/// <summary>The administrators' tables as CSV.</summary>
public static class AdminDownloads
{
    public static void MapAdminDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/imports.csv", ImportsAsync)
            .WithTags("Downloads").RequireAuthorization(Policies.Administration)
            .WithSummary("The files imported into the store, newest first: when, who, kind, file, SHA-256, rows read and changed");

    private static async Task<FileContentHttpResult> ImportsAsync(ImportHistory history, CancellationToken cancellationToken)
    {
        var imports = await history.RecentAsync(int.MaxValue, cancellationToken);
        return Csv.File("imports.csv", ["imported_at", "imported_by", "kind", "file", "sha256", "rows", "changed_rows"],
            imports.Select(i => (IReadOnlyList<string?>)[i.ImportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), i.ImportedBy, i.Kind, i.FileName, i.Sha256, Csv.Number(i.Rows), Csv.Number(i.ChangedRows)]));
    }
}
