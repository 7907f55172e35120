using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>The demo's places through time, in memory (no store), and builders of indicator values over them.</summary>
public static class DemoPlaces
{
    public static readonly IcsDefinition Mse = IcsConfiguration.Default();

    public static readonly AreaCode England = AreaCode.Parse("E92000001");

    private static readonly Lazy<PlaceTimeline> Shared = new(() =>
    {
        var demo = DemoDataset.Generate(Mse);
        return new PlaceTimeline(1, DatasetKind.Demo, Mse, demo.Areas, demo.Memberships, demo.ReleasedAreas, [], [], demo.Deprivation, demo.LsoaLinks);
    });

    public static PlaceTimeline Timeline => Shared.Value;

    public static Indicator Indicator(
        IndicatorValueType type = IndicatorValueType.Proportion, double multiplier = 100, Polarity polarity = Polarity.LowIsGood, int id = 1_000_001) =>
        new(new IndicatorId(id), "Test indicator", type, multiplier, type == IndicatorValueType.Proportion ? "%" : "per 100,000", polarity);

    /// <summary>A value with counts, as an importer stores it (computed from its counts, limits to be worked out).</summary>
    public static IndicatorValue Counted(
        Indicator indicator, AreaCode area, AreaType type, string period, double? count, double? denominator,
        ValueSource source = ValueSource.Computed, Breakdown? breakdown = null, double? value = null)
    {
        var p = IndicatorPeriod.Parse(period);
        var b = breakdown ?? Breakdown.Persons;
        return new IndicatorValue(indicator.Id, area, type, area.Value, p.Label, p.Start, p.End, b.Sex, b.Age, b.CategoryType, b.Category,
            count, denominator, value, null, null, null, null, null, null, null, source);
    }

    /// <summary>A published value with its 95 % limits and no counts.</summary>
    public static IndicatorValue Published(Indicator indicator, AreaCode area, AreaType type, string period, double value, double lower, double upper, Breakdown? breakdown = null)
    {
        var p = IndicatorPeriod.Parse(period);
        var b = breakdown ?? Breakdown.Persons;
        return new IndicatorValue(indicator.Id, area, type, area.Value, p.Label, p.Start, p.End, b.Sex, b.Age, b.CategoryType, b.Category,
            null, null, value, lower, upper, null, null, null, null, null, ValueSource.Published);
    }

    /// <summary>The places as at the end of a period, on the LSOAs of the Census in force then.</summary>
    public static PlaceGraph At(string period)
    {
        var end = IndicatorPeriod.Parse(period).End;
        return Timeline.At(end, PlaceTimeline.LsoaReleaseOn(end));
    }

    /// <summary>The parent of a type of a place as at a view's date, found upwards (the engine finds members downwards).</summary>
    public static AreaCode? ParentOf(PlaceGraph graph, AreaCode child, AreaType type)
    {
        var seen = new HashSet<AreaCode>();
        var queue = new Queue<AreaCode>([child]);
        while (queue.Count > 0)
        {
            foreach (var parent in graph.Parents(queue.Dequeue()))
            {
                if (parent.Type == type) return parent.Code;
                if (seen.Add(parent.Code)) queue.Enqueue(parent.Code);
            }
        }

        return null;
    }
}
