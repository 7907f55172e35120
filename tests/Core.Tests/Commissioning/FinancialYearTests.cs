using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2023/24", 2023)]
    [InlineData("2023-24", 2023)]
    [InlineData(" 2026/27 ", 2026)]
    [InlineData("2000/01", 2000)]
    [InlineData("2098/99", 2098)]
    public void A_financial_year_is_read_by_its_label(string text, int startYear)
    {
        Assert.True(FinancialYear.TryParse(text, out var year, out var error));
        Assert.Equal(new FinancialYear(startYear), year);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("2023/25")] // the second year must follow the first
    [InlineData("2023/23")]
    [InlineData("23/24")]
    [InlineData("2023")]
    [InlineData("2023/2024")]
    [InlineData("1999/00")] // before 2000
    [InlineData("2099/00")]
    [InlineData("2023 24")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_financial_year(string? text)
    {
        Assert.False(FinancialYear.TryParse(text, out var year, out var error));
        Assert.Equal(default(FinancialYear), year);
        Assert.Equal($"'{text}' is not a financial year (e.g. 2023/24)", error);
    }

    [Theory]
    [InlineData(2023, "2023/24")]
    [InlineData(2099, "2099/00")]
    [InlineData(2009, "2009/10")]
    public void A_financial_year_is_labelled_as_budgets_name_it(int startYear, string label)
    {
        Assert.Equal(label, new FinancialYear(startYear).Label);
        Assert.Equal(label, new FinancialYear(startYear).ToString());
    }

    [Theory]
    [InlineData(2024, 3, 31, 2023)]
    [InlineData(2024, 4, 1, 2024)]
    [InlineData(2024, 1, 1, 2023)]
    [InlineData(2024, 12, 31, 2024)]
    public void A_day_falls_in_the_financial_year_running_from_the_april_before_it(int year, int month, int day, int startYear) =>
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Of(new DateOnly(year, month, day)));

    [Fact]
    public void A_financial_year_runs_from_1_april_to_31_march()
    {
        var year = new FinancialYear(2026);

        Assert.Equal(new DateOnly(2026, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2027, 3, 31), year.End);
        Assert.True(year.Contains(new DateOnly(2026, 4, 1)));
        Assert.True(year.Contains(new DateOnly(2027, 3, 31)));
        Assert.True(year.Contains(new DateOnly(2026, 12, 25)));
        Assert.False(year.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void Financial_years_compare_by_their_start()
    {
        var earlier = new FinancialYear(2023);
        var later = new FinancialYear(2024);

        Assert.True(earlier < later);
        Assert.True(later > earlier);
        Assert.True(earlier <= new FinancialYear(2023));
        Assert.True(later >= earlier);
        Assert.False(later < earlier);
        Assert.True(earlier.CompareTo(later) < 0);
    }
}
