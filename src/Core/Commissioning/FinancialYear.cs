using System.Globalization;
using System.Text.RegularExpressions;

namespace Commonweal.Core.Commissioning;

/// <summary>
/// A UK public-sector financial year, 1 April to 31 March, named as budgets name it: "2023/24". Pooled funds, their
/// contributions and commitments are kept by financial year.
/// </summary>
public readonly partial record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>"2023/24".</summary>
    public string Label => StartYear.ToString(CultureInfo.InvariantCulture) + "/" + ((StartYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The financial year a day falls in (31 March 2024 is in 2023/24, 1 April 2024 in 2024/25).</summary>
    public static FinancialYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>The last financial year that had ended by the day (on 2 December 2026, 2025/26).</summary>
    public static FinancialYear LastEndedBy(DateOnly day) => new(Of(day).StartYear - 1);

    /// <summary>Reads "2023/24" (the second year must follow the first) or "2023-24"; years 2000 to 2099.</summary>
    public static bool TryParse(string? text, out FinancialYear year, out string error)
    {
        year = default;
        error = $"'{text}' is not a financial year (e.g. 2023/24)";
        var m = Shape().Match((text ?? "").Trim());
        if (!m.Success) return false;
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (first is < 2000 or > 2098 || (first + 1) % 100 != second) return false;
        year = new FinancialYear(first);
        error = "";
        return true;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => Label;

    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    [GeneratedRegex("^([0-9]{4})[/-]([0-9]{2})$")]
    private static partial Regex Shape();
}
