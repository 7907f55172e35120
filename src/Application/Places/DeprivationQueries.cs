using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <summary>Deprivation by edition: the LSOAs of a place with their IMD, and which entered or left the most deprived 20 % between editions.</summary>
public sealed class DeprivationQueries(PlaceQueries places)
{
    /// <summary>
    /// The LSOAs of an edition's Census within a place (default: the configured ICS) as at a date, each with its
    /// district and IMD rank, decile and score in that edition, in code order.
    /// </summary>
    public async Task<Answer<DeprivationList>> ListAsync(IodVintage? vintage, AreaCode? within, DateOnly? asAt, CancellationToken cancellationToken = default)
    {
        var timeline = await places.TimelineAsync(cancellationToken);
        var edition = vintage ?? await places.DefaultVintageAsync(cancellationToken);
        if (edition is null)
            return new Refusal("no deprivation loaded", "No edition of the English Indices of Deprivation is loaded: import MHCLG's File 1 of IoD2019 or IoD2025 (see docs/data-sources.md).", RefusalKind.NotLoaded);
        if (!timeline.IodVintagesLoaded.Contains(edition.Value))
            return new Refusal($"{edition.Value.Label()} is not loaded", $"{edition.Value.Label()} is not loaded (loaded: {Loaded(timeline)}): import its File 1 (see docs/data-sources.md).", RefusalKind.NotLoaded);
        var graph = await places.GraphAsync(new ViewRequest(asAt, edition), cancellationToken);
        if (PlaceQueries.InForce(graph, within ?? graph.Timeline.Ics.Code) is { Refusal: { } refused }) return refused;
        var place = graph.Find(within ?? graph.Timeline.Ics.Code)!;
        if (NoLsoas(graph, place) is { } none) return none;
        var rows = graph.LsoasIn(place.Code).Select(code =>
        {
            var lsoa = graph.Find(code)!;
            var district = graph.Parents(code).FirstOrDefault(p => p.Type == AreaType.District);
            return new DeprivationRow(lsoa, district, graph.Deprivation(code), graph.Residents(code));
        }).ToList();
        return new DeprivationList(place, edition.Value, VintagesUsed.Of(graph), rows);
    }

    /// <summary>
    /// Which LSOAs entered or left the most deprived 20 % (national deciles 1–2) between IoD2019 (2011 LSOAs) and IoD2025
    /// (2021 LSOAs), by district: each 2021 LSOA against the 2011 LSOA(s) it came from, through ONS's exact lookup.
    /// </summary>
    public async Task<Answer<Core20Comparison>> CompareAsync(AreaCode? within, DateOnly? asAt, CancellationToken cancellationToken = default)
    {
        var timeline = await places.TimelineAsync(cancellationToken);
        if (timeline.IodVintagesLoaded.Count < 2)
            return new Refusal("both editions are needed", $"Comparing needs IoD2019 and IoD2025 (loaded: {Loaded(timeline)}).", RefusalKind.NotLoaded);
        var now = await places.GraphAsync(new ViewRequest(asAt, IodVintage.Iod2025), cancellationToken);
        var then = await places.GraphAsync(new ViewRequest(asAt, IodVintage.Iod2019), cancellationToken);
        if (PlaceQueries.InForce(now, within ?? now.Timeline.Ics.Code) is { Refusal: { } refused }) return refused;
        var place = now.Find(within ?? now.Timeline.Ics.Code)!;
        if (NoLsoas(now, place) is { } none) return none;
        if (!timeline.LsoaLinks.Any(l => l.Change is not null))
            return new Refusal("no LSOA lookup", "Comparing needs ONS's exact lookup LSOA (2011) to LSOA (2021) (see docs/data-sources.md).", RefusalKind.NotLoaded);

        // Worked out once for every date between the same two changes, as the view's other answers are.
        var kept = now.Memo(("core20-comparison", place.Code), () => Compare(place, now, then));
        return kept with { Used = kept.Used with { AsAt = now.AsAt }, Before = kept.Before with { AsAt = now.AsAt } };
    }

    private static Core20Comparison Compare(Area place, PlaceGraph now, PlaceGraph then)
    {
        var links = now.Timeline.ExactLinksTo2021;
        var rows = now.LsoasIn(place.Code).Select(code =>
        {
            var predecessors = links[code].Select(l => new Predecessor(l.Lsoa2011, l.Change!.Value, then.Deprivation(l.Lsoa2011)?.ImdDecile)).ToList();
            var decile = now.Deprivation(code)?.ImdDecile;
            var was = predecessors.Any(p => p.Decile is 1 or 2);
            var isNow = decile is 1 or 2;
            var status = (was, isNow) switch
            {
                (false, true) => Core20Change.Entered,
                (true, false) => Core20Change.Left,
                (true, true) => Core20Change.Stayed,
                _ => Core20Change.Neither,
            };
            return new Core20Row(now.Find(code)!, now.Parents(code).FirstOrDefault(p => p.Type == AreaType.District), decile, predecessors, status);
        }).ToList();

        var districtOf2011 = then.LsoasIn(place.Code).ToLookup(l => then.Parents(l).FirstOrDefault(p => p.Type == AreaType.District)?.Code);
        var districts = rows.Where(r => r.District is not null).GroupBy(r => r.District!.Code).Select(g =>
        {
            var district = g.First().District!;
            var old = districtOf2011[district.Code].ToList();
            return new DistrictCore20(district, old.Count, old.Count(l => then.Deprivation(l)?.IsCore20 == true), g.Count(), g.Count(r => r.Decile is 1 or 2),
                g.Count(r => r.Status == Core20Change.Entered), g.Count(r => r.Status == Core20Change.Left), g.Count(r => r.Status == Core20Change.Stayed));
        }).OrderBy(d => d.District.Name, StringComparer.Ordinal).ToList();
        return new Core20Comparison(place, VintagesUsed.Of(now), VintagesUsed.Of(then), districts, rows);
    }

    /// <summary>
    /// A place that holds no LSOAs in the view (a practice or a PCN, whose people are its registered patients, or a place
    /// with no LSOA lookup for the date) has no deprivation to list: say so rather than answer with an empty table.
    /// </summary>
    private static Refusal? NoLsoas(PlaceGraph graph, Area place) => graph.LsoasIn(place.Code).Count > 0 ? null : new Refusal(
        "place holds no LSOAs",
        $"{place.Name} ({place.Code}) holds no {graph.LsoaLabel} on {graph.AsAt:yyyy-MM-dd}"
        + (place.Type is AreaType.Practice or AreaType.Pcn or AreaType.Neighbourhood
            ? $": a {place.Type.LowerLabel()} serves registered patients, not the residents of LSOAs. Ask about its sub-ICB location or district."
            : ": no lookup places LSOAs in it on that date (see docs/data-sources.md)."));

    private static string Loaded(PlaceTimeline timeline) =>
        timeline.IodVintagesLoaded.Count == 0 ? "none" : string.Join(", ", timeline.IodVintagesLoaded.Select(v => v.Label()));
}

/// <param name="Residents">The LSOA's residents in the view's population (mid-2019 estimates for 2011 LSOAs, Census 2021 for 2021 LSOAs), if loaded.</param>
public sealed record DeprivationRow(Area Lsoa, Area? District, LsoaDeprivation? Deprivation, long? Residents)
{
    public bool IsCore20 => Deprivation?.IsCore20 == true;
}

public sealed record DeprivationList(Area Place, IodVintage Vintage, VintagesUsed Used, IReadOnlyList<DeprivationRow> Rows);

public enum Core20Change
{
    Neither,
    Entered,
    Left,
    Stayed,
}

/// <summary>A 2011 LSOA a 2021 LSOA came from, how (the exact lookup's change code), and its IoD2019 decile.</summary>
public sealed record Predecessor(AreaCode Lsoa, LsoaChange Change, int? Decile);

/// <param name="Decile">The 2021 LSOA's IoD2025 national decile.</param>
public sealed record Core20Row(Area Lsoa, Area? District, int? Decile, IReadOnlyList<Predecessor> Predecessors, Core20Change Status);

/// <param name="Lsoas2011">LSOAs of 2011 in the district (IoD2019); <paramref name="Core20In2019"/> of them in deciles 1–2.</param>
/// <param name="Lsoas2021">LSOAs of 2021 in the district (IoD2025); <paramref name="Core20In2025"/> of them in deciles 1–2.</param>
public sealed record DistrictCore20(Area District, int Lsoas2011, int Core20In2019, int Lsoas2021, int Core20In2025, int Entered, int Left, int Stayed);

/// <param name="Used">The 2021 side: LSOAs of 2021 with IoD2025 (and the date).</param>
/// <param name="Before">The 2011 side: LSOAs of 2011 with IoD2019.</param>
public sealed record Core20Comparison(Area Place, VintagesUsed Used, VintagesUsed Before, IReadOnlyList<DistrictCore20> Districts, IReadOnlyList<Core20Row> Lsoas)
{
    public const string Method =
        "Each LSOA of 2021 is compared with the LSOA(s) of 2011 it came from, through ONS's exact lookup: an unchanged LSOA with itself, "
        + "the parts of a split LSOA each with the LSOA they were split from, a merged LSOA with all the LSOAs merged into it (Core20 in 2019 "
        + "if any of them was). Core20 means national IMD deciles 1–2: of 32,844 LSOAs in IoD2019, of 33,755 in IoD2025.";
}
