using System.Globalization;

namespace Commonweal.Web.Features.Commissioning;

/// <summary>The small pieces of wording and dates the commissioning pages share.</summary>
public static class CommissioningWords
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>A change as a signed percentage: +12.5 %.</summary>
    public static string Change(double? fraction) => fraction is { } f ? (f >= 0 ? "+" : "−") + Math.Abs(f * 100).ToString("0.0", English) + " %" : "–";

    /// <summary>A when: 3 December 2026 14:05 UTC.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", English);
}
