using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Features.Places;

/// <summary>
/// The CSV download of every table on the place pages, as at the date and on the edition asked for (<c>asAt</c>,
/// <c>vintage</c>), named after what it holds. Listings have the command line's columns: <c>/places.csv</c> those of
/// <c>places list</c>, <c>/deprivation.csv</c> those of <c>deprivation list</c>, the comparison those of
/// <c>deprivation compare [--lsoas]</c>.
/// </summary>
public static class PlaceDownloads
{
    public static void MapPlaceDownloads(this IEndpointRouteBuilder app)
    {
        var csv = app.MapGroup("").WithTags("Downloads").RequireAuthorization(Policies.Aggregates);
        csv.MapGet("/overview.csv", OverviewAsync).WithSummary("The overview's tables: residents, LSOAs and Core20 by alliance and district");
        csv.MapGet("/places.csv", PlacesAsync).WithSummary("Places in force on a date, as commonweal places list: code, type, name, population, valid_from, valid_to");
        csv.MapGet("/places/{code}/lsoas.csv", LsoasAsync).WithSummary("The LSOAs of a place with district, residents and IMD rank, decile and score");
        csv.MapGet("/places/{code}/deciles.csv", DecilesAsync).WithSummary("The LSOAs and residents of a place by national IMD decile");
        csv.MapGet("/places/{code}/domains.csv", DomainsAsync).WithSummary("The domains of deprivation of a place (of an LSOA: rank, decile and score)");
        csv.MapGet("/places/{code}/history.csv", HistoryAsync).WithSummary("Every parent a place has had, with its period and source");
        csv.MapGet("/deprivation.csv", DeprivationAsync).WithSummary("The LSOAs of an edition within a place, as commonweal deprivation list");
        csv.MapGet("/deprivation/compare.csv", CompareAsync).WithSummary("Core20 in IoD2019 and IoD2025 by district, as commonweal deprivation compare");
        csv.MapGet("/deprivation/compare/lsoas.csv", CompareLsoasAsync).WithSummary("Each 2021 LSOA against the 2011 LSOAs it came from, as commonweal deprivation compare --lsoas");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OverviewAsync(PlaceQueries places, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var o = await places.OverviewAsync(view.Request, cancellationToken);
        var rows = o.InForce ? o.Alliances.Select(a => Summary("alliance", a)).Concat(o.Districts.Select(d => Summary("district", d))) : [];
        return Csv.File(Csv.FileName("overview", o.Ics.Code.Value, Stamp(o.Used)),
            ["level", "code", "name", "residents", "lsoas", "core20_lsoas", "core20_residents_share"], rows);
    }

    private static IReadOnlyList<string?> Summary(string level, PlaceSummary s) =>
        [level, s.Area.Code.Value, s.Area.Name, Csv.Number(s.Residents), Csv.Number(s.Lsoas), Csv.Number(s.Core20Lsoas), Csv.Number(s.Core20Share)];

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PlacesAsync(
        PlaceQueries places, string? type, [FromQuery(Name = "in")] string? within, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var outcome = await PlaceListing.RunAsync(places, type, within, ViewParameters.Parse(asAt, vintage), cancellationToken);
        if (outcome.Problem is { } problem) return ApiProblems.BadParameter(problem);
        if (outcome.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var listing = outcome.Listing!;
        return Csv.File(Csv.FileName("places", listing.Type?.ToString() ?? (listing.Within is null ? "district" : null), listing.Within?.Code.Value, Csv.Date(listing.Graph.AsAt)),
            PlaceTables.Places(listing.List));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LsoasAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (await ViewAsync(places, code, asAt, vintage, cancellationToken) is not { Graph: { } graph, Area: { } area } found) return Failed(code, asAt, vintage);
        return Csv.File(Csv.FileName(area.Code.Value, "lsoas", Stamp(VintagesUsed.Of(graph))),
            ["lsoa_code", "lsoa_name", "district_code", "residents", "imd_rank", "imd_decile", "imd_score"],
            PlacesEndpoints.Lsoas(graph, area.Code).Select(l => (IReadOnlyList<string?>)
                [l.Code, l.Name, l.DistrictCode, Csv.Number(l.Population), Csv.Number(l.ImdRank), Csv.Number(l.ImdDecile), Csv.Number(l.ImdScore)]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DecilesAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (await DetailAsync(places, code, asAt, vintage, cancellationToken) is not { } d) return Failed(code, asAt, vintage);
        return Csv.File(Csv.FileName(d.Area.Code.Value, "imd-deciles", Stamp(d.Used)), ["decile", "lsoas", "residents"],
            d.Summary.Lsoas == 0 ? [] : d.Deciles.Select(x => (IReadOnlyList<string?>)[Csv.Number(x.Decile), Csv.Number(x.Lsoas), Csv.Number(x.Population)]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DomainsAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (await DetailAsync(places, code, asAt, vintage, cancellationToken) is not { } d) return Failed(code, asAt, vintage);
        var name = Csv.FileName(d.Area.Code.Value, "domains", Stamp(d.Used));
        if (d.Lsoa is { } lsoa)
        {
            return Csv.File(name, ["domain", "rank", "decile", "score"], Enum.GetValues<DeprivationDomain>().Select(x => (IReadOnlyList<string?>)
                [x.ToString(), Csv.Number(lsoa.Rank(x)), Csv.Number(lsoa.Decile(x)), Csv.Number(lsoa.Score(x))]));
        }

        return Csv.File(name, ["domain", "lsoas", "most_deprived_20", "median_decile"], d.Summary.Lsoas == 0 ? [] : d.Domains.Select(x => (IReadOnlyList<string?>)
            [x.Domain.ToString(), Csv.Number(x.Lsoas), Csv.Number(x.MostDeprived20), Csv.Number(x.MedianDecile)]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HistoryAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (await DetailAsync(places, code, asAt, vintage, cancellationToken) is not { } d) return Failed(code, asAt, vintage);
        return Csv.File(Csv.FileName(d.Area.Code.Value, "history"), ["parent_code", "parent_name", "parent_type", "valid_from", "valid_to", "source"],
            d.History.Select(h => (IReadOnlyList<string?>)
                [h.Parent.Code.Value, h.Parent.Name, h.Parent.Type.ToString(), Csv.Date(h.Validity.From), Csv.Date(h.Validity.To), h.Source]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DeprivationAsync(
        DeprivationQueries deprivation, string? vintage, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var (place, problem) = DeprivationEndpoints.ParseWithin(within);
        if (problem is not null) return ApiProblems.BadParameter(problem);
        var answer = await deprivation.ListAsync(view.Vintage, place, view.AsAt, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var list = answer.Value!;
        return Csv.File(Csv.FileName("deprivation", list.Vintage.Code(), list.Place.Code.Value, Csv.Date(list.Used.AsAt)), PlaceTables.Deprivation(list));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompareAsync(
        DeprivationQueries deprivation, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken)
    {
        var answer = await ComparisonAsync(deprivation, within, asAt, cancellationToken);
        if (answer.Problem is { } problem) return problem;
        var c = answer.Value!;
        return Csv.File(Csv.FileName("core20-iod2019-iod2025", c.Place.Code.Value, Csv.Date(c.Used.AsAt)), PlaceTables.Core20ByDistrict(c));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompareLsoasAsync(
        DeprivationQueries deprivation, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken)
    {
        var answer = await ComparisonAsync(deprivation, within, asAt, cancellationToken);
        if (answer.Problem is { } problem) return problem;
        var c = answer.Value!;
        return Csv.File(Csv.FileName("core20-iod2019-iod2025-lsoas", c.Place.Code.Value, Csv.Date(c.Used.AsAt)), PlaceTables.Core20ByLsoa(c));
    }

    private static async Task<(Core20Comparison? Value, ProblemHttpResult? Problem)> ComparisonAsync(
        DeprivationQueries deprivation, string? within, string? asAt, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, null);
        if (view.Problems is [var bad, ..]) return (null, ApiProblems.BadParameter(bad));
        var (place, problem) = DeprivationEndpoints.ParseWithin(within);
        if (problem is not null) return (null, ApiProblems.BadParameter(problem));
        var answer = await deprivation.CompareAsync(place, view.AsAt, cancellationToken);
        return answer.Refusal is { } refusal ? (null, ApiProblems.Refused(refusal)) : (answer.Value, null);
    }

    /// <summary>The date and the edition a download holds, for its file name: "2026-04-01-iod2025".</summary>
    private static string Stamp(VintagesUsed used) =>
        Csv.Date(used.AsAt) + (used.Deprivation is { } d ? "-" + d.ToLowerInvariant() : "-" + used.Lsoas.Replace(' ', '-').ToLowerInvariant());

    private sealed record View(PlaceGraph? Graph, Area? Area);

    private static async Task<View?> ViewAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (!view.IsValid || !AreaCode.TryParse(code, out var areaCode)) return null;
        var graph = await places.GraphAsync(view.Request, cancellationToken);
        return graph.Find(areaCode) is { } area ? new View(graph, area) : null;
    }

    private static async Task<PlaceDetail?> DetailAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        return view.IsValid && AreaCode.TryParse(code, out var areaCode) ? await places.PlaceAsync(areaCode, view.Request, cancellationToken) : null;
    }

    /// <summary>Why a place's download could not be made: a bad parameter (400) or no such place (404).</summary>
    private static ProblemHttpResult Failed(string code, string? asAt, string? vintage)
    {
        if (ViewParameters.Parse(asAt, vintage).Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        return AreaCode.TryParse(code, out _, out var error) ? ApiProblems.PlaceNotFound(code) : ApiProblems.BadParameter("code", "code is not an area code", "code: " + error);
    }
}
