using System.Globalization;

namespace Commonweal.Web;

/// <summary>Numbers and dates the way an English public-health report writes them.</summary>
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Count(long n) => n.ToString("N0", English);

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", English) + "%" : "–";

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", English) ?? "–";
}
