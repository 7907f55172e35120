using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The type of an area an indicator file names, from its code where the code's shape says (Fingertips renames its area
/// types over time — "Upper tier local authorities (post 4/23)", "ICB sub-locations", "CCG" — but E38 is a sub-ICB
/// location whatever the label), else from the label the file gives it.
/// </summary>
public static class AreaTypeLabels
{
    /// <summary>The area's type: from the code, else the label, else the file's own default; null when none says.</summary>
    public static AreaType? Of(AreaCode code, string? label, AreaType? fileDefault = null) =>
        code.ImpliedType ?? OtherNations(code) ?? FromLabel(label) ?? fileDefault;

    /// <summary>Welsh, Scottish and Northern Irish GSS codes of the kinds UK-wide files hold.</summary>
    private static AreaType? OtherNations(AreaCode code) => code.GssEntity switch
    {
        "W92" or "S92" or "N92" or "K02" or "K03" or "K04" => AreaType.Country,
        "W06" or "S12" or "N09" => AreaType.District,
        _ => null,
    };

    /// <summary>A publisher's label for an area type (Fingertips', ONS's, the Fingertips-derived files'), or null.</summary>
    public static AreaType? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var l = label.Trim().ToLowerInvariant();
        if (l is "england" or "country" or "nation" or "uk") return AreaType.Country;
        if (l.StartsWith("gp", StringComparison.Ordinal) || l.Contains("practice", StringComparison.Ordinal)) return AreaType.Practice;
        if (l.StartsWith("pcn", StringComparison.Ordinal) || l.Contains("primary care network", StringComparison.Ordinal)) return AreaType.Pcn;
        if (l.Contains("sub-location", StringComparison.Ordinal) || l.Contains("sub-icb", StringComparison.Ordinal) || l.StartsWith("ccg", StringComparison.Ordinal))
            return AreaType.SubIcb;
        if (l.StartsWith("icb", StringComparison.Ordinal) || l.StartsWith("stp", StringComparison.Ordinal) || l.Contains("integrated care board", StringComparison.Ordinal))
            return AreaType.Icb;
        if (l.Contains("nhs region", StringComparison.Ordinal)) return AreaType.Region;
        if (l.StartsWith("ons", StringComparison.Ordinal) && (l.Contains("group", StringComparison.Ordinal) || l.Contains("cluster", StringComparison.Ordinal)))
            return AreaType.AreaClassification;
        if (l.Contains("phe centre", StringComparison.Ordinal)) return AreaType.PheCentre;
        if (l.Contains("combined authorit", StringComparison.Ordinal)) return AreaType.CombinedAuthority;
        if (l.StartsWith("region", StringComparison.Ordinal)) return AreaType.StatisticalRegion;
        if (l is "county") return AreaType.County;
        if (l.Contains("msoa", StringComparison.Ordinal) || l.Contains("middle super output", StringComparison.Ordinal)) return AreaType.Msoa;
        if (l.Contains("lsoa", StringComparison.Ordinal) || l.Contains("lower super output", StringComparison.Ordinal)) return AreaType.Lsoa;
        if (l.Contains("ward", StringComparison.Ordinal)) return AreaType.Ward;
        if (l.Contains("district", StringComparison.Ordinal) || l is "ua" || l.Contains("unitary", StringComparison.Ordinal)
            || l.Contains("tier local authorit", StringComparison.Ordinal) || l.StartsWith("county", StringComparison.Ordinal))
            return AreaType.District;
        return null;
    }
}
