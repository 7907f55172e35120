using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Api;

/// <summary>The JSON API over places, hierarchy, populations and deprivation, plus the audit trail for administrators.</summary>
public static class PlacesEndpoints
{
    public static void MapPlacesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Places").RequireAuthorization(Policies.Aggregates);
        api.MapGet("/overview", OverviewAsync).WithSummary("The ICS at a glance: residents, Core20 share, by district and alliance");
        api.MapGet("/places", ListAsync).WithSummary("Places of a type, or directly within a place");
        api.MapGet("/places/{code}", GetAsync).WithSummary("One place with its population, deprivation, parents and children");
        api.MapGet("/places/{code}/lsoas", LsoasAsync).WithSummary("The LSOAs within a place with population and IMD 2019 rank and decile");
        app.MapGet("/api/audit", AuditAsync).WithTags("Administration").RequireAuthorization(Policies.Administration)
            .WithSummary("The audit trail, newest first (administrators only)");
    }

    public sealed record PlaceDto(string Code, string Name, string Type, string? AlternateCode, long Population, int Lsoas, int Core20Lsoas, double? Core20Share);

    public sealed record PlaceDetailDto(
        PlaceDto Place,
        IReadOnlyList<PlaceDto> Parents,
        IReadOnlyList<PlaceDto> Children,
        long? RegisteredPatients,
        IReadOnlyList<DecileCount> ImdDeciles,
        IReadOnlyList<DomainDto> Domains,
        AgeDto? Ages,
        LsoaDto? Deprivation);

    public sealed record DomainDto(string Domain, int Lsoas, int MostDeprived20, int? MedianDecile);

    public sealed record AgeDto(DateOnly Period, IReadOnlyList<AgeBandDto> Bands);

    public sealed record AgeBandDto(string Band, long Count);

    public sealed record LsoaDto(string Code, string Name, long? Population, int? ImdRank, int? ImdDecile, double? ImdScore);

    public sealed record OverviewDto(string Ics, string Dataset, DateOnly? PopulationPeriod, PlaceDto System, IReadOnlyList<PlaceDto> Alliances, IReadOnlyList<PlaceDto> Districts, IReadOnlyDictionary<string, int> Counts);

    private static PlaceDto Dto(PlaceSummary s) =>
        new(s.Area.Code.Value, s.Area.Name, s.Area.Type.ToString(), s.Area.AlternateCode, s.Population, s.Lsoas, s.Core20Lsoas, s.Core20Share);

    private static async Task<Ok<OverviewDto>> OverviewAsync(PlaceQueries places, CancellationToken cancellationToken)
    {
        var o = await places.OverviewAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(new OverviewDto(o.IcsName, o.Dataset.ToString(), o.Used.ResidentsPeriod, Dto(o.System),
            o.Alliances.Select(Dto).ToList(), o.Districts.Select(Dto).ToList(), o.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value)));
    }

    private static async Task<Results<Ok<IReadOnlyList<PlaceDto>>, ProblemHttpResult>> ListAsync(PlaceQueries places, string? type, string? within, CancellationToken cancellationToken)
    {
        AreaType? wanted = null;
        if (type is not null)
        {
            if (!Enum.TryParse<AreaType>(type, ignoreCase: true, out var parsed))
                return Problem($"type '{type}' is not a place type", $"Use one of: {string.Join(", ", Enum.GetNames<AreaType>())}.");
            wanted = parsed;
        }

        var graph = await places.GraphAsync(cancellationToken: cancellationToken);
        IEnumerable<Area> found;
        if (within is not null)
        {
            if (!AreaCode.TryParse(within, out var parent, out var error)) return Problem("within is not an area code", error);
            found = graph.Children(parent);
        }
        else
        {
            found = graph.OfType(wanted ?? AreaType.District);
        }

        IReadOnlyList<PlaceDto> list = found.Where(a => wanted is null || a.Type == wanted).OrderBy(a => a.Code).Select(a => Dto(graph.Summarise(a))).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<PlaceDetailDto>, ProblemHttpResult>> GetAsync(PlaceQueries places, string code, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(code, out var areaCode, out var error)) return Problem("code is not an area code", error);
        var d = await places.PlaceAsync(areaCode, cancellationToken: cancellationToken);
        if (d is null) return NotFound(code);
        var graph = await places.GraphAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(new PlaceDetailDto(
            Dto(d.Summary),
            d.Parents.Select(p => Dto(graph.Summarise(p))).ToList(),
            d.Children.SelectMany(g => g.Places).Select(Dto).ToList(),
            d.Summary.Registered?.Count,
            d.Deciles,
            d.Domains.Select(x => new DomainDto(x.Domain.ToString(), x.Lsoas, x.MostDeprived20, x.MedianDecile)).ToList(),
            d.Ages is { } ages ? new AgeDto(ages.Period, ages.Bands.Select(b => new AgeBandDto(b.Band.Code, b.Count)).ToList()) : null,
            d.Lsoa is { } l ? new LsoaDto(l.Lsoa.Value, d.Area.Name, d.Summary.Population, l.ImdRank, l.ImdDecile, l.ImdScore) : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<LsoaDto>>, ProblemHttpResult>> LsoasAsync(PlaceQueries places, string code, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(code, out var areaCode, out var error)) return Problem("code is not an area code", error);
        var graph = await places.GraphAsync(cancellationToken: cancellationToken);
        if (graph.Find(areaCode) is null) return NotFound(code);
        IReadOnlyList<LsoaDto> lsoas = graph.LsoasIn(areaCode).Select(l =>
        {
            var dep = graph.Deprivation(l);
            return new LsoaDto(l.Value, graph.Find(l)!.Name, graph.Residents(l), dep?.ImdRank, dep?.ImdDecile, dep?.ImdScore);
        }).ToList();
        return TypedResults.Ok(lsoas);
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> AuditAsync(AuditQueries audit, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.PageAsync(page ?? 1, 100, cancellationToken: cancellationToken));

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: "place not found", detail: $"No place has the code {code}.", statusCode: StatusCodes.Status404NotFound);
}
