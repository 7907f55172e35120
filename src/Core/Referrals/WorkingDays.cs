using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Commonweal.Core.Referrals;

/// <summary>
/// Working days in England and Wales: Monday to Friday except the bank holidays — New Year's Day, Good Friday, Easter
/// Monday, the early May bank holiday (first Monday of May), the spring bank holiday (last Monday of May), the summer
/// bank holiday (last Monday of August), Christmas Day and Boxing Day; a holiday on a Saturday or Sunday is moved to the
/// next weekday not already a holiday. The one-off changes proclaimed since 2020 are listed (VE Day 2020, the Platinum
/// Jubilee 2022, the State Funeral of Queen Elizabeth II 2022, the Coronation 2023), as GOV.UK's bank-holidays list has them.
/// </summary>
public static class WorkingDays
{
    /// <summary>Proclaimed changes: a day added, or a regular holiday moved (the regular day given as removed).</summary>
    private static readonly (DateOnly Day, bool Added)[] Proclaimed =
    [
        (new(2020, 5, 4), false), (new(2020, 5, 8), true), // early May moved to VE Day
        (new(2022, 5, 30), false), (new(2022, 6, 2), true), (new(2022, 6, 3), true), // spring moved; Platinum Jubilee
        (new(2022, 9, 19), true), // State Funeral of Queen Elizabeth II
        (new(2023, 5, 8), true), // Coronation of King Charles III
    ];

    /// <summary>The bank holidays of England and Wales in a year, in order.</summary>
    public static IReadOnlyList<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly> { easter.AddDays(-2), easter.AddDays(1), FirstMonday(year, 5), LastMonday(year, 5), LastMonday(year, 8) };
        foreach (var fixedDay in new[] { new DateOnly(year, 1, 1), new DateOnly(year, 12, 25), new DateOnly(year, 12, 26) })
        {
            var day = fixedDay;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.Contains(day)) day = day.AddDays(1);
            days.Add(day);
        }

        foreach (var (day, added) in Proclaimed.Where(p => p.Day.Year == year))
        {
            if (added) days.Add(day);
            else days.Remove(day);
        }

        days.Sort();
        return days;
    }

    /// <summary>Each year's holidays worked out once: service levels over a caseload ask about the same few years again and again.</summary>
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> Holidays = new();

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.GetOrAdd(day.Year, y => BankHolidays(y).ToFrozenSet()).Contains(day);

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="from"/> (the day itself not counted).</summary>
    public static DateOnly Add(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }

        return day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }
}
