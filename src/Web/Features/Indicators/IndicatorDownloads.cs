using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Indicators;

/// <summary>
/// Every table of the indicator pages as <c>.csv</c> or <c>.xlsx</c> (<see cref="Downloads"/>), with the same query parameters
/// as the page, under the indicator's disclosure rule; the workbook's "About" sheet gives the source, licence, period and
/// the disclosure note.
/// </summary>
public static class IndicatorDownloads
{
    public static void MapIndicatorDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("").WithTags("Downloads").RequireAuthorization(Policies.Aggregates);
        files.MapGet("/indicators." + Downloads.FormatRoute, CatalogueAsync).WithSummary("The indicator list, filtered as the page is (q, factor, profile, type)");
        files.MapGet("/indicators/{id:int}/values." + Downloads.FormatRoute, ValuesAsync).WithSummary("Every value of an indicator (as commonweal indicators values), narrowed by area, period and type");
        files.MapGet("/indicators/{id:int}/trend." + Downloads.FormatRoute, TrendAsync).WithSummary("A place's trend against England");
        files.MapGet("/indicators/{id:int}/areas." + Downloads.FormatRoute, AreasAsync).WithSummary("The areas of a type in the ICS compared with England in a period");
        files.MapGet("/indicators/{id:int}/spc." + Downloads.FormatRoute, SpcAsync).WithSummary("A place's monthly or quarterly series as a Making Data Count XmR chart");
        files.MapGet("/indicators/{id:int}/inequality." + Downloads.FormatRoute, InequalityAsync).WithSummary("The indicator by national IMD decile within the ICS, from its LSOAs");
        files.MapGet("/places/{code}/profile." + Downloads.FormatRoute, ProfileAsync).WithSummary("A place across every indicator at its latest period, with England and the spread of its peers");
    }

    private static async Task<FileContentHttpResult> CatalogueAsync(
        IndicatorListing listing, TimeProvider clock, string format, string? q, string? factor, string? profile, string? type, CancellationToken cancellationToken)
    {
        var list = await listing.ListAsync(IndicatorFilters.Parse(q, factor, profile, type), cancellationToken);
        return Downloads.File(format, "Indicators", IndicatorPageTables.Catalogue(list), new DownloadAbout("The indicators of the catalogue"), clock.GetUtcNow(), "indicators");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ValuesAsync(
        IndicatorQueries queries, TimeProvider clock, int id, string format, string? area, string? period, string? type, CancellationToken cancellationToken)
    {
        if (await ChooseAsync(queries, id, area, period, type, cancellationToken) is { Problem: { } problem }) return problem;
        AreaCode? code = AreaCode.TryParse(area, out var c) ? c : null;
        AreaType? areaType = AreaTypeNames.TryParse(type, out var t) ? t : null;
        var answer = await queries.ValuesAsync(new ValuesQuery(new IndicatorId(id), areaType, code, period), cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var listing = answer.Value!;
        return Downloads.File(format, "Values", IndicatorTables.Values(listing), About(listing.Table, "Every value of the indicator", period, listing.DisclosureNote), clock.GetUtcNow(),
            "indicator", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "values", code?.Value, period);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TrendAsync(
        IndicatorQueries queries, TimeProvider clock, int id, string format, string? area, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(queries, id, area, null, null, cancellationToken);
        if (chosen.Problem is { } problem) return problem;
        var answer = await queries.SeriesAsync(new IndicatorId(id), chosen.Choice!.Area, cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var s = answer.Value!;
        var note = IndicatorTables.DisclosureNote([.. s.Points.Select(p => p.Row).OfType<DisclosedRow>()], s.Table.Indicator.Disclosure.Policy());
        return Downloads.File(format, "Trend", IndicatorPageTables.Trend(s), About(s.Table, $"{s.Table.Indicator.Name}: {s.AreaName} over time against England", null, note), clock.GetUtcNow(),
            "indicator", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "trend", s.Area.Value);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AreasAsync(
        IndicatorQueries queries, TimeProvider clock, int id, string format, string? period, string? type, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(queries, id, null, period, type, cancellationToken);
        if (chosen.Problem is { } problem) return problem;
        var answer = await IndicatorSections.CompareAsync(queries, chosen.Table!, chosen.Choice!, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var a = answer.Value!;
        return Downloads.File(format, "Areas compared", IndicatorPageTables.Areas(a), About(a.Table, $"{a.Table.Indicator.Name}: {a.Type.PluralLabel()} compared with England", a.Period.Label, IndicatorSections.Note(a)), clock.GetUtcNow(),
            "indicator", id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Type.ToString(), a.Period.Label);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SpcAsync(
        IndicatorQueries queries, TimeProvider clock, int id, string format, string? area, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(queries, id, area, null, null, cancellationToken);
        if (chosen.Problem is { } problem) return problem;
        var answer = await queries.SpcAsync(new IndicatorId(id), chosen.Choice!.Area, cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var s = answer.Value!;
        return Downloads.File(format, "SPC", IndicatorPageTables.Spc(s), About(s.Table, $"{s.Table.Indicator.Name}: XmR chart of {s.Area}", null, null), clock.GetUtcNow(),
            "indicator", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "spc", s.Area.Value);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InequalityAsync(
        IndicatorQueries queries, TimeProvider clock, int id, string format, string? period, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(queries, id, null, period, null, cancellationToken);
        if (chosen.Problem is { } problem) return problem;
        var answer = await queries.InequalityAsync(new IndicatorId(id), period: period is null ? null : chosen.Choice!.Period.Label, cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var g = answer.Value!;
        return Downloads.File(format, "Inequality", IndicatorPageTables.Inequality(g), About(g.Table, $"{g.Table.Indicator.Name} by national IMD decile, {g.Within.Name}", g.Period.Label, g.Note), clock.GetUtcNow(),
            "indicator", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "inequality", g.Period.Label);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProfileAsync(
        AreaProfiles profiles, TimeProvider clock, string code, string format, string? scope, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(code, out var area, out var error)) return ApiProblems.BadParameter("code", "code is not an area code", "code: " + error);
        if (ProfileScopes.Parse(scope) is not { } chosen) return ApiProblems.BadParameter(ProfileScopes.Name, "scope is not ics or england", $"{ProfileScopes.Name} '{scope}' is not ics or england.");
        var answer = await profiles.ForAsync(area, chosen, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var p = answer.Value!;
        return Downloads.File(format, "Profile", IndicatorPageTables.Profile(p),
            new DownloadAbout($"{p.Name} ({p.Area}) across every indicator at its latest period, set among the {p.Type.LowerPluralLabel()} of {(chosen == ProfileScope.Ics ? "the ICS" : "England")}",
                string.Join("; ", p.Rows.Select(r => r.Indicator.Source).OfType<string>().Distinct()), string.Join("; ", p.Rows.Select(r => r.Indicator.Licence).OfType<string>().Distinct()), null, p.DisclosureNote),
            clock.GetUtcNow(), p.Area.Value, "profile", chosen.ToString());
    }

    private static DownloadAbout About(IndicatorTable table, string title, string? period, string? note) =>
        new($"Indicator {table.Indicator.Id}: {title}", table.Indicator.Source, table.Indicator.Licence, period, note);

    private sealed record Chosen(IndicatorTable? Table, IndicatorChoice? Choice, ProblemHttpResult? Problem);

    private static async Task<Chosen> ChooseAsync(IndicatorQueries queries, int id, string? area, string? period, string? type, CancellationToken cancellationToken)
    {
        if (id <= 0) return new Chosen(null, null, ApiProblems.BadParameter("id", "id is not an indicator id", "id must be a positive whole number, e.g. 91547."));
        var found = await queries.TableAsync(new IndicatorId(id), cancellationToken);
        if (found.Refusal is { } refusal) return new Chosen(null, null, ApiProblems.Refused(refusal));
        var table = found.Value!;
        if (table.Latest is null) return new Chosen(null, null, ApiProblems.Refused(new Refusal("no values", $"Indicator {id} has no values.", RefusalKind.NotFound)));
        var choice = IndicatorChoice.Read(table, area, period, type);
        if (choice.Problems is [var bad, ..]) return new Chosen(null, null, ApiProblems.BadParameter(bad));
        if (choice.Refusal is { } none) return new Chosen(null, null, ApiProblems.Refused(none));
        return new Chosen(table, choice, null);
    }
}
