namespace Commonweal.Core.Places;

/// <summary>
/// The dates on which England's administrative and NHS geographies are known to have been reorganised. When two
/// dated sources disagree (a place listed in one and not the next, or in another parent), the change is dated to the
/// latest of these that falls between them; with none between, to the later source's own date (the first day the
/// change is known). Sources: the statutory instruments and NHS England's establishment orders cited in
/// docs/adr/0004-places-through-time.md.
/// </summary>
public static class Reorganisations
{
    /// <summary>
    /// Local government: Dorset, BCP, East/West Suffolk, Somerset West and Taunton (2019); Buckinghamshire (2020);
    /// North and West Northamptonshire (2021); Cumberland, Westmorland and Furness, North Yorkshire, Somerset (2023);
    /// the boundary between Barnsley and Sheffield (2025).
    /// </summary>
    public static readonly IReadOnlyList<DateOnly> LocalGovernment =
        [new(2019, 4, 1), new(2020, 4, 1), new(2021, 4, 1), new(2023, 4, 1), new(2025, 4, 1)];

    /// <summary>
    /// NHS commissioners: CCG mergers (1 April 2020 and 2021); ICBs established and CCGs abolished, their areas becoming
    /// sub-ICB locations (1 July 2022, Health and Care Act 2022); ICB mergers, 42 ICBs becoming 36 (1 April 2026).
    /// </summary>
    public static readonly IReadOnlyList<DateOnly> NhsCommissioning =
        [new(2020, 4, 1), new(2021, 4, 1), new(2022, 7, 1), new(2026, 4, 1)];

    /// <summary>The Census days on which the 2011 and 2021 statistical geographies (LSOAs, MSOAs) took effect.</summary>
    public static readonly IReadOnlyList<DateOnly> Census = [new(2011, 3, 27), new(2021, 3, 21)];

    /// <summary>The known reorganisation dates that apply to places of <paramref name="type"/> (none for practices and PCNs).</summary>
    public static IReadOnlyList<DateOnly> For(AreaType type) => type switch
    {
        AreaType.District or AreaType.County => LocalGovernment,
        AreaType.Icb or AreaType.SubIcb => NhsCommissioning,
        AreaType.Lsoa or AreaType.Msoa => Census,
        _ => [],
    };

    /// <summary>
    /// The first day of a change seen between a source of <paramref name="before"/> and one of <paramref name="after"/>:
    /// the latest known reorganisation of <paramref name="type"/> in (before, after], else <paramref name="after"/>.
    /// </summary>
    public static DateOnly ChangeDate(AreaType type, DateOnly before, DateOnly after)
    {
        var found = after;
        var any = false;
        foreach (var date in For(type))
        {
            if (date > before && date <= after && (!any || date > found))
            {
                found = date;
                any = true;
            }
        }

        return found;
    }
}
