namespace Commonweal.Core.Places;

/// <summary>The kinds of place Commonweal knows. Stored by name, so the order carries no meaning.</summary>
public enum AreaType
{
    Country,
    Region,
    Icb,
    SubIcb,
    Alliance,
    County,
    District,
    Ward,
    Ward2025,
    Msoa,
    Lsoa,
    Lsoa2021,
    Pcn,
    Practice,
    Neighbourhood,
}

public static class AreaTypeNames
{
    /// <summary>The label a user reads for each area type.</summary>
    public static string Label(this AreaType type) => type switch
    {
        AreaType.Country => "Country",
        AreaType.Region => "Region",
        AreaType.Icb => "Integrated care board",
        AreaType.SubIcb => "Sub-ICB location (former CCG)",
        AreaType.Alliance => "Alliance",
        AreaType.County => "County",
        AreaType.District => "District or unitary authority",
        AreaType.Ward => "Electoral ward (2019)",
        AreaType.Ward2025 => "Electoral ward (2025)",
        AreaType.Msoa => "MSOA (2011)",
        AreaType.Lsoa => "LSOA (2011)",
        AreaType.Lsoa2021 => "LSOA (2021)",
        AreaType.Pcn => "Primary care network",
        AreaType.Practice => "GP practice",
        AreaType.Neighbourhood => "Neighbourhood",
        _ => type.ToString(),
    };

    /// <summary>Plural label for headings over lists of children.</summary>
    public static string PluralLabel(this AreaType type) => type switch
    {
        AreaType.Country => "Countries",
        AreaType.SubIcb => "Sub-ICB locations",
        AreaType.District => "Districts and unitary authorities",
        AreaType.Ward => "Electoral wards (2019)",
        AreaType.Ward2025 => "Electoral wards (2025)",
        AreaType.Msoa => "MSOAs",
        AreaType.Lsoa => "LSOAs",
        AreaType.Lsoa2021 => "LSOAs (2021)",
        AreaType.Pcn => "Primary care networks",
        AreaType.Practice => "GP practices",
        _ => type.Label() + "s",
    };
}
