using Commonweal.Application.Places;
using Commonweal.Application.Reporting.Charts;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Targeting;

/// <summary>The ICS's 2021 LSOAs drawn as a choropleth of some class per LSOA (a share's band, in or out of a cohort), each linked to its place page.</summary>
public static class CohortMaps
{
    /// <summary>Five bands of a share from light (none) to dark (the highest), colour-blind safe (viridis).</summary>
    public static readonly string[] Bands = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

    public static async Task<string?> DrawAsync(PlaceQueries places, string idPrefix, string title, string description, IReadOnlyList<LegendEntry> legend,
        Func<AreaCode, int?> classOf, Func<Area, string> tooltip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(places);
        var ics = (await places.TimelineAsync(cancellationToken)).Ics.Code;
        var map = await places.MapAsync(ics, new ViewRequest(null, IodVintage.Iod2025), cancellationToken);
        if (map is null || map.Cells.Count == 0) return null;
        return new ChoroplethMap
        {
            IdPrefix = idPrefix,
            Title = title,
            Description = description,
            Areas = [.. map.Cells.Select(cell => new ChoroplethArea(cell.Area.Code, cell.Area.Name, cell.Polygons, classOf(cell.Area.Code), tooltip(cell.Area), "/places/" + cell.Area.Code.Value))],
            Legend = legend,
            LegendInSvg = false,
        }.ToSvg();
    }
}
