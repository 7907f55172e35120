using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Commonweal.Core.Indicators;

/// <summary>
/// The period a value covers, under the label its publisher gives it, with the days it spans: "2019" (a calendar
/// year), "2022/23" (a financial year, 1 April to 31 March), "2015 - 17" or "2015-17" (calendar years pooled),
/// "2013/14 - 17/18" (financial years pooled), "2021/22 Q1" (a quarter of a financial year), "2021/22 Q1 - 2023/24 Q3"
/// (quarters pooled), "Apr-16" (a month), or ISO 8601 "2013-01-01/P3Y". Places are taken as at <see cref="End"/>: a
/// value of 2022/23 belongs to the ICB of 31 March 2023.
/// </summary>
public sealed partial record IndicatorPeriod(string Label, DateOnly Start, DateOnly End) : IComparable<IndicatorPeriod>
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>How many months the period spans (12 for a year, 3 for a quarter, 36 for three pooled years).</summary>
    public int MonthsSpanned => (End.Year - Start.Year) * 12 + End.Month - Start.Month + 1;

    /// <summary>A calendar month as Fingertips labels it: (2023, 4) is "Apr-23", 1 to 30 April 2023.</summary>
    public static IndicatorPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new IndicatorPeriod($"{Months[month - 1]}-{year % 100:00}", start, start.AddMonths(1).AddDays(-1));
    }

    public static IndicatorPeriod Parse(string label) =>
        TryParse(label, out var period, out var error) ? period : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? label, [NotNullWhen(true)] out IndicatorPeriod? period, out string error)
    {
        period = null;
        error = $"'{label}' is not a period (e.g. 2019, 2022/23, 2015 - 17, 2013/14 - 17/18, 2021/22 Q1, Apr-16 or 2013-01-01/P3Y)";
        if (string.IsNullOrWhiteSpace(label)) return false;
        var text = label.Trim();
        var span = Span(text);
        if (span is not { } days || days.End < days.Start) return false;
        period = new IndicatorPeriod(text, days.Start, days.End);
        error = string.Empty;
        return true;
    }

    public int CompareTo(IndicatorPeriod? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public override string ToString() => Label;

    public static bool operator <(IndicatorPeriod left, IndicatorPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(IndicatorPeriod left, IndicatorPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(IndicatorPeriod left, IndicatorPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IndicatorPeriod left, IndicatorPeriod right) => left.CompareTo(right) >= 0;

    private static (DateOnly Start, DateOnly End)? Span(string text)
    {
        Match m;
        if ((m = Year().Match(text)).Success) return CalendarYears(Int(m, 1), Int(m, 1));
        if ((m = FinancialYear().Match(text)).Success) return Financial(Int(m, 1), Int(m, 2));
        if ((m = PooledYears().Match(text)).Success) return CalendarYears(Int(m, 1), Century(Int(m, 1), m.Groups[2].Value));
        if ((m = PooledFinancialYears().Match(text)).Success)
        {
            var first = Financial(Int(m, 1), Int(m, 2));
            var last = Financial(Century(Int(m, 1), m.Groups[3].Value), Int(m, 4));
            return first is null || last is null || last.Value.End.Year - first.Value.Start.Year > 20 ? null : (first.Value.Start, last.Value.End);
        }

        if ((m = Quarter().Match(text)).Success) return Quarters(Int(m, 1), Int(m, 2), Int(m, 3), Int(m, 1), Int(m, 2), Int(m, 3));
        if ((m = PooledQuarters().Match(text)).Success) return Quarters(Int(m, 1), Int(m, 2), Int(m, 3), Int(m, 4), Int(m, 5), Int(m, 6));
        if ((m = Month().Match(text)).Success)
        {
            var month = Array.IndexOf(Months, m.Groups[1].Value) + 1;
            if (month == 0) return null;
            var start = new DateOnly(2000 + Int(m, 2), month, 1);
            return (start, start.AddMonths(1).AddDays(-1));
        }

        if ((m = Iso().Match(text)).Success
            && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            var length = Int(m, 2);
            var to = m.Groups[3].Value switch { "Y" => from.AddYears(length), "M" => from.AddMonths(length), _ => from.AddDays(length) };
            return length > 0 ? (from, to.AddDays(-1)) : null;
        }

        return null;
    }

    /// <summary>Calendar years pooled: at most 20 of them ("2017 - 15" is not a period).</summary>
    private static (DateOnly, DateOnly)? CalendarYears(int first, int last) =>
        first is < 1900 or > 2200 || last < first || last - first > 20 ? null : (new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));

    /// <summary>A financial year "2022/23": the second part must be the year after the first.</summary>
    private static (DateOnly Start, DateOnly End)? Financial(int first, int second) =>
        first is < 1900 or > 2200 || (first + 1) % 100 != second % 100 ? null : (new DateOnly(first, 4, 1), new DateOnly(first + 1, 3, 31));

    private static (DateOnly, DateOnly)? Quarters(int y1, int y1b, int q1, int y2, int y2b, int q2)
    {
        if (Financial(y1, y1b) is not { } a || Financial(y2, y2b) is not { } b || q1 is < 1 or > 4 || q2 is < 1 or > 4) return null;
        var start = a.Start.AddMonths((q1 - 1) * 3);
        var end = b.Start.AddMonths(q2 * 3).AddDays(-1);
        return end < start ? null : (start, end);
    }

    /// <summary>"17" after 2015 is 2017; "2017" stays.</summary>
    private static int Century(int first, string later) =>
        later.Length == 4 ? int.Parse(later, CultureInfo.InvariantCulture) : first / 100 * 100 + int.Parse(later, CultureInfo.InvariantCulture) + (int.Parse(later, CultureInfo.InvariantCulture) < first % 100 ? 100 : 0);

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{4})/(\d{2})$")]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(\d{4}) ?- ?(\d{2}|\d{4})$")]
    private static partial Regex PooledYears();

    [GeneratedRegex(@"^(\d{4})/(\d{2}) ?- ?(\d{2}|\d{4})/(\d{2})$")]
    private static partial Regex PooledFinancialYears();

    [GeneratedRegex(@"^(\d{4})/(\d{2}) Q([1-4])$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(\d{4})/(\d{2}) Q([1-4]) - (\d{4})/(\d{2}) Q([1-4])$")]
    private static partial Regex PooledQuarters();

    [GeneratedRegex(@"^([A-Z][a-z]{2})-(\d{2})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})/P(\d{1,2})([YMD])$")]
    private static partial Regex Iso();
}
