using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>One age band's events and population for one area, period and breakdown, as a file of age-specific counts gives it.</summary>
public sealed class StagedAgeCount
{
    public required int Line { get; init; }

    public required string IndicatorKey { get; set; }

    public required AreaCode Area { get; init; }

    public required AreaType AreaType { get; init; }

    public required string AreaName { get; init; }

    public required IndicatorPeriod Period { get; init; }

    public Sex Sex { get; init; } = Sex.Persons;

    public string CategoryType { get; init; } = string.Empty;

    public string Category { get; init; } = string.Empty;

    public required AgeBand AgeBand { get; init; }

    public required Figure Count { get; init; }

    public required Figure Population { get; init; }
}
