using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>The bank holidays of England and Wales as GOV.UK lists them (www.gov.uk/bank-holidays), substitutes and proclaimed days included.</summary>
public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    public void The_bank_holidays_of_a_year_are_gov_uks(int year, string expected) =>
        Assert.Equal(expected, string.Join(' ', WorkingDays.BankHolidays(year).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_sunday_is_worked_out(int year, int month, int day) => Assert.Equal(new DateOnly(year, month, day), WorkingDays.EasterSunday(year));

    [Theory]
    [InlineData("2026-12-01", 5, "2026-12-08")] // Tuesday + 5 working days: Wed Thu Fri Mon Tue
    [InlineData("2026-12-21", 5, "2026-12-30")] // Mon: Tue 22, Wed 23, Thu 24, (Fri 25, Mon 28 holidays) Tue 29, Wed 30
    [InlineData("2026-04-02", 1, "2026-04-07")] // Thursday before Good Friday: Fri 3 and Mon 6 are holidays
    [InlineData("2026-12-05", 0, "2026-12-05")]
    public void Working_days_are_counted_past_weekends_and_holidays(string from, int count, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.Add(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), count));
}
