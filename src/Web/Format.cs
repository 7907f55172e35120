using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Core.Places;

namespace Commonweal.Web;

/// <summary>Numbers and dates the way an English public-health report writes them.</summary>
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Count(long n) => n.ToString("N0", English);

    /// <summary>A count, or a dash where there is none.</summary>
    public static string Count(long? n) => n is { } value ? Count(value) : "–";

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", English) + "%" : "–";

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", English) ?? "–";

    /// <summary>"from 1 April 2026", "until 31 March 2026", "1 July 2022 to 31 March 2026", or "at every date known".</summary>
    public static string Period(Validity validity) => validity == Validity.Always ? "at every date known" : validity.ToString();

    /// <summary>The edition a view used, if loaded.</summary>
    public static IodVintage? Edition(VintagesUsed used) => IodVintages.TryParse(used.Deprivation, out var vintage) ? vintage : null;

    /// <summary>"IMD 2025", or "IMD" when the view has no deprivation.</summary>
    public static string Imd(VintagesUsed used) => Edition(used)?.ImdLabel() ?? "IMD";

    /// <summary>A national IMD decile as a table names it: "1 – most deprived" … "10 – least deprived".</summary>
    public static string Decile(int decile) => decile switch
    {
        1 => "1 – most deprived",
        10 => "10 – least deprived",
        _ => decile.ToString(English),
    };

    /// <summary>"2021" from a view's "LSOA 2021": the Census whose LSOAs it used.</summary>
    public static string Census(VintagesUsed used) => used.Lsoas.StartsWith("LSOA ", StringComparison.Ordinal) ? used.Lsoas[5..] : used.Lsoas;

    public static string Number(int? n) => n is { } v ? Count(v) : "–";
}
