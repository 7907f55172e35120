namespace Commonweal.Core.Places;

/// <summary>
/// "On <see cref="ObservedOn"/>, <see cref="Child"/> lay in <see cref="Parent"/>", as a dated source says it (a
/// practice map's extract date, a lookup's year). One child has at most one parent of each type at a time, so an LSOA
/// sits at once in a ward, a district and a sub-ICB, and a practice in a PCN and a sub-ICB. The periods in which each
/// membership held are worked out from all the observations by <see cref="MembershipTimeline"/>.
/// </summary>
public sealed record AreaMembership(
    AreaCode Child,
    AreaType ChildType,
    AreaCode Parent,
    AreaType ParentType,
    DateOnly ObservedOn);

/// <summary>"<see cref="Child"/> lay in <see cref="Parent"/> throughout <see cref="Validity"/>."</summary>
/// <param name="Source">Where the period comes from: the dates of the observations, or the ICS description.</param>
public sealed record MembershipPeriod(
    AreaCode Child,
    AreaType ChildType,
    AreaCode Parent,
    AreaType ParentType,
    Validity Validity,
    string Source);
