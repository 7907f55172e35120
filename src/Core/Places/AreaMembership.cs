namespace Commonweal.Core.Places;

/// <summary>
/// "From <see cref="ValidFrom"/>, <see cref="Child"/> lies in <see cref="Parent"/>." One child has at most one
/// parent of each type at a time, so an LSOA sits at once in a ward, a district, a sub-ICB and a neighbourhood,
/// and a practice in a PCN; a change of boundary is a new membership with a later start.
/// </summary>
public sealed record AreaMembership(
    AreaCode Child,
    AreaType ChildType,
    AreaCode Parent,
    AreaType ParentType,
    DateOnly ValidFrom,
    DateOnly? ValidTo = null)
{
    public bool IsInForceOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}
