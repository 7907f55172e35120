using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Periods under the labels Fingertips gives them, so that the same indicator from two publishers lines up: ONS's
/// ISO 8601 intervals become "2013 - 15" (calendar years) or "2013/14" (a financial year) where they span whole
/// years; other intervals keep their ISO label.
/// </summary>
public static class PeriodLabels
{
    public static IndicatorPeriod AsFingertips(IndicatorPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var years = end.Year - start.Year + (start.Month == 1 ? 1 : 0);
        string? label = null;
        if (start is { Month: 1, Day: 1 } && end is { Month: 12, Day: 31 })
            label = years == 1 ? Year(start.Year) : $"{Year(start.Year)} - {Two(end.Year)}";
        else if (start is { Month: 4, Day: 1 } && end is { Month: 3, Day: 31 })
            label = years == 1 ? Financial(start.Year) : $"{Financial(start.Year)} - {Two(end.Year - 1)}/{Two(end.Year)}";
        return label is not null && label != period.Label && IndicatorPeriod.TryParse(label, out var relabelled, out _) ? relabelled : period;
    }

    /// <summary>"2019/20" for the financial year starting in April 2019.</summary>
    public static string Financial(int startYear) => $"{Year(startYear)}/{Two(startYear + 1)}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Two(int year) => (year % 100).ToString("00", CultureInfo.InvariantCulture);
}
