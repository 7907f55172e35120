using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Places;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Commonweal.Web.Features.Api.PlacesEndpoints;

namespace Commonweal.Web.Features.Api;

/// <summary>Deprivation by edition: the LSOAs of a place with their IMD (as <c>commonweal deprivation list</c>), and Core20 between editions.</summary>
public static class DeprivationEndpoints
{
    public static void MapDeprivationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deprivation").WithTags("Deprivation").RequireAuthorization(Policies.Aggregates);
        api.MapGet("", ListAsync).WithSummary("The LSOAs of an edition within a place (default: the ICS) as at a date, with district and IMD rank, decile and score");
        api.MapGet("/core20", Core20Async).WithSummary("The Core20 LSOAs (national IMD deciles 1–2 of the edition) within a place (default: the ICS) as at a date, with their residents (as `commonweal targeting core20`)");
        api.MapGet("/compare", CompareAsync).WithSummary("Which LSOAs entered or left the most deprived 20 % (Core20) between IoD2019 and IoD2025, by district and by LSOA");
    }

    /// <param name="Population">The LSOA's residents in the edition's population (mid-2019 estimates for 2011 LSOAs, Census 2021 for 2021 LSOAs).</param>
    public sealed record DeprivationRowDto(string LsoaCode, string LsoaName, string? DistrictCode, int? ImdRank, int? ImdDecile, double? ImdScore, long? Population);

    public sealed record DeprivationListDto(PlaceRef Place, string Vintage, VintagesUsed Used, IReadOnlyList<DeprivationRowDto> Rows);

    public sealed record DistrictCore20Dto(string? Code, string Name, int Lsoas2011, int Core20In2019, int Lsoas2021, int Core20In2025, int Entered, int Left, int Stayed);

    public sealed record PredecessorDto(string Lsoa2011, string Change, int? Imd2019Decile);

    public sealed record Core20RowDto(string Lsoa2021, string Name, string? DistrictCode, int? Imd2025Decile, IReadOnlyList<PredecessorDto> Predecessors, string Status);

    /// <param name="Total">The districts added up (null code).</param>
    public sealed record Core20ComparisonDto(PlaceRef Place, VintagesUsed Used, VintagesUsed Before, string Method, IReadOnlyList<DistrictCore20Dto> Districts, DistrictCore20Dto Total, IReadOnlyList<Core20RowDto> Lsoas);

    private static Task<Results<Ok<DeprivationListDto>, ProblemHttpResult>> ListAsync(
        DeprivationQueries deprivation, string? vintage, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken) =>
        RowsAsync(deprivation, vintage, within, asAt, _ => true, cancellationToken);

    private static Task<Results<Ok<DeprivationListDto>, ProblemHttpResult>> Core20Async(
        DeprivationQueries deprivation, string? vintage, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken) =>
        RowsAsync(deprivation, vintage, within, asAt, r => r.IsCore20, cancellationToken);

    private static async Task<Results<Ok<DeprivationListDto>, ProblemHttpResult>> RowsAsync(
        DeprivationQueries deprivation, string? vintage, string? within, string? asAt, Func<DeprivationRow, bool> listed, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        if (ParseWithin(within) is { Problem: { } problem }) return ApiProblems.BadParameter(problem);
        var answer = await deprivation.ListAsync(view.Vintage, ParseWithin(within).Code, view.AsAt, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var list = answer.Value!;
        return TypedResults.Ok(new DeprivationListDto(PlaceRef.Of(list.Place), list.Vintage.Code(), list.Used, list.Rows.Where(listed).Select(Row).ToList()));
    }

    private static async Task<Results<Ok<Core20ComparisonDto>, ProblemHttpResult>> CompareAsync(
        DeprivationQueries deprivation, [FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, null);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        if (ParseWithin(within) is { Problem: { } problem }) return ApiProblems.BadParameter(problem);
        var answer = await deprivation.CompareAsync(ParseWithin(within).Code, view.AsAt, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var c = answer.Value!;
        return TypedResults.Ok(new Core20ComparisonDto(PlaceRef.Of(c.Place), c.Used, c.Before, Core20Comparison.Method,
            c.Districts.Select(d => District(d.District.Code.Value, d.District.Name, Core20Counts.Of(d))).ToList(),
            District(null, "Total", Core20Counts.Total(c.Districts)),
            c.Lsoas.Select(r => new Core20RowDto(r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, r.Decile,
                r.Predecessors.Select(p => new PredecessorDto(p.Lsoa.Value, LsoaLink.Letter(p.Change).ToString(), p.Decile)).ToList(),
                r.Status.ToString().ToLowerInvariant())).ToList()));
    }

    public static DeprivationRowDto Row(DeprivationRow r) =>
        new(r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, r.Deprivation?.ImdRank, r.Deprivation?.ImdDecile, r.Deprivation?.ImdScore, r.Residents);

    private static DistrictCore20Dto District(string? code, string name, Core20Counts d) =>
        new(code, name, d.Lsoas2011, d.Core20In2019, d.Lsoas2021, d.Core20In2025, d.Entered, d.Left, d.Stayed);

    /// <summary>The optional <c>in</c> parameter: a code, nothing, or what is wrong with it.</summary>
    public static (AreaCode? Code, ParameterProblem? Problem) ParseWithin(string? within)
    {
        if (string.IsNullOrWhiteSpace(within)) return (null, null);
        return AreaCode.TryParse(within.Trim(), out var code, out var error) ? (code, null) : (null, new ParameterProblem("in", "in is not an area code", "in: " + error));
    }
}
