namespace Commonweal.Core.Places;

/// <summary>
/// The kinds of place Commonweal knows. Stored by name, so the order carries no meaning. A kind spans its vintages:
/// an LSOA code unchanged between 2011 and 2021 is one place, valid in both (see <see cref="Area.ValidFrom"/>).
/// </summary>
public enum AreaType
{
    Country,
    Region,
    Icb,
    SubIcb,
    /// <summary>An integrated care system's partnership footprint as it describes itself (its ICB may change over time).</summary>
    Ics,
    Alliance,
    County,
    District,
    Ward,
    Msoa,
    Lsoa,
    Pcn,
    Practice,
    Neighbourhood,
    /// <summary>An ONS region of England (E12), as statistics are published for; not an NHS commissioning region.</summary>
    StatisticalRegion,
    /// <summary>A combined authority (E47), e.g. Greater Manchester.</summary>
    CombinedAuthority,
    /// <summary>A former PHE centre (E45), still in Fingertips' older exports.</summary>
    PheCentre,
    /// <summary>A group or subgroup of the ONS area classification (Fingertips' "ONS 2011 group", codes such as Cl_L2_1a).</summary>
    AreaClassification,
}

public static class AreaTypeNames
{
    /// <summary>
    /// A type of place by its name, ignoring case and surrounding spaces: "District", "lsoa". Unlike
    /// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>, not a number ("10") nor a list of names ("Ward, Icb",
    /// which it would combine as flags into another type).
    /// </summary>
    public static bool TryParse(string? text, out AreaType type) => EnumNames.TryParse(text, out type);

    /// <summary>The label a user reads for each area type.</summary>
    public static string Label(this AreaType type) => type switch
    {
        AreaType.Country => "Country",
        AreaType.Region => "Region",
        AreaType.Icb => "Integrated care board",
        AreaType.SubIcb => "Sub-ICB location (former CCG)",
        AreaType.Ics => "Integrated care system",
        AreaType.Alliance => "Alliance",
        AreaType.County => "County",
        AreaType.District => "District or unitary authority",
        AreaType.Ward => "Electoral ward",
        AreaType.Msoa => "MSOA",
        AreaType.Lsoa => "LSOA",
        AreaType.Pcn => "Primary care network",
        AreaType.Practice => "GP practice",
        AreaType.Neighbourhood => "Neighbourhood",
        AreaType.StatisticalRegion => "Region (statistical)",
        AreaType.CombinedAuthority => "Combined authority",
        AreaType.PheCentre => "PHE centre",
        AreaType.AreaClassification => "ONS area classification group",
        _ => type.ToString(),
    };

    /// <summary>Plural label for headings over lists of children.</summary>
    public static string PluralLabel(this AreaType type) => type switch
    {
        AreaType.Country => "Countries",
        AreaType.SubIcb => "Sub-ICB locations",
        AreaType.Ics => "Integrated care systems",
        AreaType.District => "Districts and unitary authorities",
        AreaType.Ward => "Electoral wards",
        AreaType.Msoa => "MSOAs",
        AreaType.Lsoa => "LSOAs",
        AreaType.Pcn => "Primary care networks",
        AreaType.Practice => "GP practices",
        AreaType.StatisticalRegion => "Regions (statistical)",
        AreaType.AreaClassification => "ONS area classification groups",
        _ => type.Label() + "s",
    };

    /// <summary>The label within a sentence: "electoral ward", "sub-ICB location (former CCG)", "GP practice", "LSOA".</summary>
    public static string LowerLabel(this AreaType type) => InSentence(type.Label());

    /// <summary>The plural label within a sentence: "electoral wards", "GP practices", "LSOAs".</summary>
    public static string LowerPluralLabel(this AreaType type) => InSentence(type.PluralLabel());

    /// <summary>"1 LSOA", "720 LSOAs", "3 GP practices": a count of places of a type, in words.</summary>
    public static string Counted(this AreaType type, int count) =>
        count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? type.LowerLabel() : type.LowerPluralLabel());

    // A label that opens with an abbreviation (LSOA, GP, MSOA) keeps its capitals.
    private static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];

    /// <summary>Statistical geographies, whose vintage follows the data shown on them rather than the date asked for.</summary>
    public static bool IsStatistical(this AreaType type) => type is AreaType.Lsoa or AreaType.Msoa;
}
