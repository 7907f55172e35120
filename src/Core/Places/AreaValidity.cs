namespace Commonweal.Core.Places;

/// <summary>
/// When a place existed, from the releases that list every place of its type (<see cref="GeographyRelease"/>): from the
/// first release that lists it (or from before the earliest, when that one lists it) to the day before the first later
/// release that covers it and leaves it out. Each change is dated by <see cref="Reorganisations.ChangeDate"/>.
/// </summary>
public static class AreaValidity
{
    /// <summary>
    /// A place as its releases describe it: the name of the latest release that names it, the second code of the latest
    /// that gives one, and the
    /// validity <see cref="Infer"/> gives.
    /// </summary>
    /// <param name="listed">The releases that list the place, in any order.</param>
    /// <param name="covering">The dates of every release of its type whose scope covers the place, in order.</param>
    public static Area FromReleases(Area area, IReadOnlyList<ReleasedArea> listed, IReadOnlyList<DateOnly> covering)
    {
        if (listed.Count == 0) return area;
        var ordered = listed.OrderBy(l => l.Release).ToList();
        var validity = Infer(area.Type, [.. ordered.Select(l => l.Release).Distinct()], covering);
        return area with
        {
            Name = ordered.LastOrDefault(l => l.IsNamed)?.Name ?? area.Name,
            AlternateCode = ordered.LastOrDefault(l => l.AlternateCode is not null)?.AlternateCode ?? area.AlternateCode,
            ValidFrom = validity.From,
            ValidTo = validity.To,
        };
    }

    /// <param name="listedIn">The dates of the releases that list the place, in order.</param>
    /// <param name="covering">The dates of every release of its type whose scope covers the place, in order.</param>
    public static Validity Infer(AreaType type, IReadOnlyList<DateOnly> listedIn, IReadOnlyList<DateOnly> covering)
    {
        if (listedIn.Count == 0) return Validity.Always;
        var first = listedIn[0];
        var last = listedIn[^1];
        DateOnly? from = null, to = null;
        for (var i = covering.Count - 1; i >= 0; i--)
        {
            if (covering[i] < first)
            {
                from = Reorganisations.ChangeDate(type, covering[i], first);
                break;
            }
        }

        foreach (var date in covering)
        {
            if (date > last)
            {
                to = Reorganisations.ChangeDate(type, last, date).AddDays(-1);
                break;
            }
        }

        return new Validity(from, to);
    }
}
