namespace Commonweal.Core.Places;

/// <summary>How many people of an age band and sex lived in (or were registered with) an area at a date.</summary>
/// <param name="Period">The reference date: 2019-06-30 for a mid-2019 estimate, 2021-03-21 for Census day, the extract date for list sizes.</param>
public sealed record PopulationCount(
    AreaCode Area,
    PopulationKind Kind,
    DateOnly Period,
    Sex Sex,
    AgeBand AgeBand,
    long Count);
