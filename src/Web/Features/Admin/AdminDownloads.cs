using System.Globalization;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Admin;

/// <summary>The administrators' tables as CSV, and the analysts' list of indicator imports in the same columns.</summary>
public static class AdminDownloads
{
    public static void MapAdminDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/imports.csv", ImportsAsync)
            .WithTags("Downloads").RequireAuthorization(Policies.Administration)
            .WithSummary("The files imported into the store, newest first: when, who, kind, file, SHA-256, rows read and changed");
        app.MapGet("/indicators/imports.csv", IndicatorImportsAsync)
            .WithTags("Downloads").RequireAuthorization(Policies.Analysis)
            .WithSummary("The indicator files imported, newest first: when, who, kind, file, SHA-256, rows read and changed");
    }

    private static async Task<FileContentHttpResult> ImportsAsync(ImportHistory history, CancellationToken cancellationToken) =>
        Imports("imports.csv", await history.RecentAsync(int.MaxValue, cancellationToken));

    private static async Task<FileContentHttpResult> IndicatorImportsAsync(ImportHistory history, CancellationToken cancellationToken) =>
        Imports("indicator-imports.csv", await history.RecentOfKindAsync(IndicatorImportKind, int.MaxValue, cancellationToken));

    /// <summary>The prefix of the kind of every indicator import record ("indicators:fingertips-export").</summary>
    public const string IndicatorImportKind = "indicators:";

    private static FileContentHttpResult Imports(string fileName, IEnumerable<ImportRecord> imports) =>
        Csv.File(fileName, ["imported_at", "imported_by", "kind", "file", "sha256", "rows", "changed_rows"],
            imports.Select(i => (IReadOnlyList<string?>)[i.ImportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), i.ImportedBy, i.Kind, i.FileName, i.Sha256, Csv.Number(i.Rows), Csv.Number(i.ChangedRows)]));
}
