using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Indicators;

/// <summary>A place offered in the indicator page's area choice.</summary>
public sealed record AreaOption(AreaCode Code, string Name, AreaType Type);

/// <summary>
/// The places the indicator page offers: England, the ICS, then the places of every level of the ICS with a value in the period
/// (ICBs, sub-ICB locations, districts, PCNs, practices, wards; not LSOAs, which are too many to list and are chosen by
/// link or <c>?area=</c>). Kept with the period's places, so worked out once per data version.
/// </summary>
public static class IndicatorAreaOptions
{
    private static readonly AreaType[] Levels = [AreaType.Icb, AreaType.SubIcb, AreaType.District, AreaType.Pcn, AreaType.Practice, AreaType.Ward];

    /// <summary>The options, with the chosen place first when it is not among them (an LSOA, a place outside the ICS).</summary>
    public static IReadOnlyList<AreaOption> For(IndicatorTable table, IndicatorPeriod period, AreaCode chosen)
    {
        var options = For(table, period);
        if (options.Any(o => o.Code == chosen) || table.OfArea(chosen) is not [var any, ..]) return options;
        return [new AreaOption(chosen, any.Value.AreaName, any.Value.AreaType), .. options];
    }

    public static IReadOnlyList<AreaOption> For(IndicatorTable table, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(period);
        var graph = table.Graph(period);
        return graph.Memo(("indicator-area-options", table.Indicator.Id, table.Data.Values.Count, period.Label), () =>
        {
            var rows = table.InPeriod(period.Label);
            var options = new List<AreaOption>();
            if (rows.FirstOrDefault(r => r.Area == IndicatorEngine.England) is { } england) options.Add(new AreaOption(england.Area, england.Value.AreaName, AreaType.Country));
            if (rows.FirstOrDefault(r => r.Area == table.Ics.Code) is { } ics) options.Add(new AreaOption(ics.Area, ics.Value.AreaName, AreaType.Ics));
            foreach (var type in Levels)
            {
                var members = Aggregation.Members(graph, table.Ics.Code, type).ToHashSet();
                if (type == AreaType.Icb) members.UnionWith(table.Ics.Icbs.Select(i => table.Resolve(i.Code)));
                options.AddRange(rows.Where(r => r.Value.AreaType == type && members.Contains(r.Area)).Select(r => new AreaOption(r.Area, r.Value.AreaName, type))
                    .DistinctBy(o => o.Code).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase));
            }

            return (IReadOnlyList<AreaOption>)options;
        });
    }
}
