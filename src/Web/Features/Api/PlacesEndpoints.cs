using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Places;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Features.Api;

/// <summary>
/// The JSON API over places, hierarchy, populations and deprivation, each answered as at a date (<c>asAt</c>, default
/// today) on the LSOAs of an edition of the Indices (<c>vintage</c>, default the setting, else the latest loaded); every
/// answer says in <c>used</c> which vintages it used.
/// </summary>
public static class PlacesEndpoints
{
    public static void MapPlacesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Places").RequireAuthorization(Policies.Aggregates);
        api.MapGet("/overview", OverviewAsync).WithSummary("The ICS at a glance as at a date: its ICB then, residents, Core20 share, by district and alliance");
        api.MapGet("/places", ListAsync).WithSummary("Places in force on a date: of a type (default districts), or within a place (anywhere within it when a type is given, else directly)");
        api.MapGet("/places/{code}", GetAsync).WithSummary("One place as at a date: validity, ICB, population, deprivation, parents, children, history and (LSOAs) 2011–2021 links");
        api.MapGet("/places/{code}/lsoas", LsoasAsync).WithSummary("The LSOAs within a place (of the edition's Census) with residents and IMD rank, decile and score");
    }

    /// <summary>A place named in passing: a parent, an ICB, the place a list is within.</summary>
    public sealed record PlaceRef(string Code, string Name, string Type, DateOnly? ValidFrom, DateOnly? ValidTo)
    {
        public static PlaceRef Of(Area area) => new(area.Code.Value, area.Name, area.Type.ToString(), area.ValidFrom, area.ValidTo);
    }

    /// <param name="Population">Residents, for places made of LSOAs; null for practices, PCNs and neighbourhoods of practices (see <paramref name="RegisteredPatients"/>).</param>
    /// <param name="RegisteredPatients">Patients on the latest registered list on or before the date (<paramref name="RegisteredPeriod"/>), where known.</param>
    public sealed record PlaceDto(
        string Code,
        string Name,
        string Type,
        string? AlternateCode,
        DateOnly? ValidFrom,
        DateOnly? ValidTo,
        long? Population,
        int Lsoas,
        int Core20Lsoas,
        double? Core20Share,
        long? RegisteredPatients,
        DateOnly? RegisteredPeriod);

    public sealed record IcbPeriodDto(string Code, string Name, string? OnsCode, DateOnly? ValidFrom, DateOnly? ValidTo);

    /// <param name="InForce">Whether the ICS description is in force on the date; when not, the lists are empty and <paramref name="System"/> null.</param>
    /// <param name="Icb">The ICB that held the partnership on the date.</param>
    /// <param name="Icbs">Every ICB that has held the partnership, each with its period.</param>
    /// <param name="Editions">The editions of the Indices loaded (iod2019, iod2025), oldest first.</param>
    /// <param name="DefaultEdition">The edition used when none is asked for.</param>
    public sealed record OverviewDto(
        string Ics,
        string IcsCode,
        string Dataset,
        VintagesUsed Used,
        IReadOnlyList<string> Editions,
        string? DefaultEdition,
        bool InForce,
        DateOnly? IcsValidFrom,
        DateOnly? IcsValidTo,
        PlaceRef? Icb,
        IReadOnlyList<IcbPeriodDto> Icbs,
        DateOnly? PopulationPeriod,
        PlaceDto? System,
        IReadOnlyList<PlaceDto> Alliances,
        IReadOnlyList<PlaceDto> Districts,
        IReadOnlyDictionary<string, int> Counts);

    public sealed record PlacesDto(VintagesUsed Used, PlaceRef? Within, string? Type, IReadOnlyList<PlaceDto> Places);

    public sealed record DomainDto(string Domain, int Lsoas, int MostDeprived20, int? MedianDecile);

    /// <param name="Kind">Resident (LSOA-based places) or Registered (practices, PCNs, sub-ICB locations, ICBs).</param>
    public sealed record AgeDto(string Kind, DateOnly Period, IReadOnlyList<AgeBandDto> Bands);

    public sealed record AgeBandDto(string Band, long Count);

    public sealed record DomainRankDto(string Domain, int? Rank, int? Decile, double? Score);

    /// <param name="Of">How many LSOAs the edition ranks (rank 1 = most deprived).</param>
    public sealed record LsoaDeprivationDto(string Vintage, int? ImdRank, int Of, int? ImdDecile, double? ImdScore, IReadOnlyList<DomainRankDto> Domains);

    public sealed record HistoryDto(PlaceRef Parent, DateOnly? ValidFrom, DateOnly? ValidTo, string Source);

    /// <param name="Direction">"became" (this 2011 LSOA became <paramref name="Code"/> in 2021) or "came-from".</param>
    /// <param name="Change">ONS's change code: S (split), M (merged), X (redrawn); null for a best-fit pair only.</param>
    public sealed record LsoaLinkDto(string Direction, string Code, string? Name, string? Change, bool BestFit);

    public sealed record PlaceDetailDto(
        PlaceDto Place,
        VintagesUsed Used,
        bool InForce,
        string Validity,
        PlaceRef? Icb,
        IReadOnlyList<PlaceDto> Parents,
        IReadOnlyList<PlaceDto> Children,
        long? RegisteredPatients,
        DateOnly? RegisteredPeriod,
        IReadOnlyList<DecileCount> ImdDeciles,
        IReadOnlyList<DomainDto> Domains,
        AgeDto? Ages,
        LsoaDeprivationDto? Deprivation,
        IReadOnlyList<HistoryDto> History,
        IReadOnlyList<LsoaLinkDto> Links);

    public sealed record LsoaDto(string Code, string Name, string? DistrictCode, long? Population, int? ImdRank, int? ImdDecile, double? ImdScore);

    public sealed record LsoasDto(PlaceRef Place, VintagesUsed Used, bool InForce, IReadOnlyList<LsoaDto> Lsoas);

    public static PlaceDto Dto(PlaceSummary s) => new(
        s.Area.Code.Value, s.Area.Name, s.Area.Type.ToString(), s.Area.AlternateCode, s.Area.ValidFrom, s.Area.ValidTo,
        s.Residents, s.Lsoas, s.Core20Lsoas, s.Core20Share, s.Registered?.Count, s.Registered?.Period);

    private static async Task<Results<Ok<OverviewDto>, ProblemHttpResult>> OverviewAsync(PlaceQueries places, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var o = await places.OverviewAsync(view.Request, cancellationToken);
        var editions = (await places.TimelineAsync(cancellationToken)).IodVintagesLoaded.Select(v => v.Code()).ToList();
        var standard = await places.DefaultVintageAsync(cancellationToken);
        var ics = o.Ics;
        return TypedResults.Ok(new OverviewDto(
            o.IcsName, ics.Code.Value, o.Dataset.ToString(), o.Used, editions, standard?.Code(), o.InForce, ics.Validity.From, ics.Validity.To,
            o.Icb is { } icb ? PlaceRef.Of(icb) : null,
            ics.Icbs.Select(i => new IcbPeriodDto(i.Code.Value, i.Name, i.OnsCode, i.Validity.From, i.Validity.To)).ToList(),
            o.Used.ResidentsPeriod,
            o.InForce ? Dto(o.System) : null,
            o.InForce ? o.Alliances.Select(Dto).ToList() : [],
            o.InForce ? o.Districts.Select(Dto).ToList() : [],
            o.InForce ? o.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value) : new Dictionary<string, int>()));
    }

    private static async Task<Results<Ok<PlacesDto>, ProblemHttpResult>> ListAsync(
        PlaceQueries places, string? type, [FromQuery(Name = "in")] string? within, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        var outcome = await PlaceListing.RunAsync(places, type, within, ViewParameters.Parse(asAt, vintage), cancellationToken);
        if (outcome.Problem is { } problem) return ApiProblems.BadParameter(problem);
        if (outcome.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var listing = outcome.Listing!;
        return TypedResults.Ok(new PlacesDto(VintagesUsed.Of(listing.Graph), listing.Within is { } w ? PlaceRef.Of(w) : null, listing.Type?.ToString(),
            listing.Places.Select(a => Dto(listing.Graph.Summarise(a))).ToList()));
    }

    private static async Task<Results<Ok<PlaceDetailDto>, ProblemHttpResult>> GetAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(code, out var areaCode, out var error)) return ApiProblems.BadParameter("code", "code is not an area code", "code: " + error);
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var d = await places.PlaceAsync(areaCode, view.Request, cancellationToken);
        if (d is null) return ApiProblems.PlaceNotFound(code);
        var graph = await places.GraphAsync(view.Request, cancellationToken);
        var hasLsoas = d.Summary.Lsoas > 0;
        return TypedResults.Ok(new PlaceDetailDto(
            Dto(d.Summary),
            d.Used,
            d.InForce,
            d.Area.Validity.ToString(),
            d.Icb is { } icb ? PlaceRef.Of(icb) : null,
            d.Parents.Select(p => Dto(graph.Summarise(p))).ToList(),
            d.Children.SelectMany(g => g.Places).Select(Dto).ToList(),
            d.Summary.Registered?.Count,
            d.Summary.Registered?.Period,
            hasLsoas ? d.Deciles : [],
            hasLsoas ? d.Domains.Select(x => new DomainDto(x.Domain.ToString(), x.Lsoas, x.MostDeprived20, x.MedianDecile)).ToList() : [],
            d.Ages is { } ages ? new AgeDto(ages.Kind.ToString(), ages.Period, ages.Bands.Select(b => new AgeBandDto(b.Band.Code, b.Count)).ToList()) : null,
            d.Lsoa is { } l
                ? new LsoaDeprivationDto(l.Vintage.Code(), l.ImdRank, l.Vintage.LsoaCount(), l.ImdDecile, l.ImdScore,
                    DeprivationDomains.Seven.Select(x => new DomainRankDto(x.ToString(), l.Rank(x), l.Decile(x), l.Score(x))).ToList())
                : null,
            d.History.Select(h => new HistoryDto(PlaceRef.Of(h.Parent), h.Validity.From, h.Validity.To, h.Source)).ToList(),
            d.Links.Select(l => new LsoaLinkDto(l.Forward ? "became" : "came-from", (l.Forward ? l.Link.Lsoa2021 : l.Link.Lsoa2011).Value, l.Other?.Name,
                l.Link.Change is { } change ? LsoaLink.Letter(change).ToString() : null, l.Link.BestFit)).ToList()));
    }

    private static async Task<Results<Ok<LsoasDto>, ProblemHttpResult>> LsoasAsync(PlaceQueries places, string code, string? asAt, string? vintage, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(code, out var areaCode, out var error)) return ApiProblems.BadParameter("code", "code is not an area code", "code: " + error);
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var graph = await places.GraphAsync(view.Request, cancellationToken);
        if (graph.Find(areaCode) is not { } area) return ApiProblems.PlaceNotFound(code);
        return TypedResults.Ok(new LsoasDto(PlaceRef.Of(area), VintagesUsed.Of(graph), graph.Includes(area), Lsoas(graph, area.Code)));
    }

    /// <summary>The LSOAs of a place in the view, each with its district, residents and IMD.</summary>
    public static IReadOnlyList<LsoaDto> Lsoas(PlaceGraph graph, AreaCode place) => graph.LsoasIn(place).Select(l =>
    {
        var dep = graph.Deprivation(l);
        var district = graph.Parents(l).FirstOrDefault(p => p.Type == AreaType.District);
        return new LsoaDto(l.Value, graph.Find(l)!.Name, district?.Code.Value, graph.Residents(l), dep?.ImdRank, dep?.ImdDecile, dep?.ImdScore);
    }).ToList();
}
