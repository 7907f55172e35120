using Commonweal.Core.Indicators;

namespace Commonweal.Core.Tests.Indicators;

/// <summary>Every period label in the published files the product reads, with the days it spans.</summary>
public class IndicatorPeriodTests
{
    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("2022/23", "2022-04-01", "2023-03-31")]
    [InlineData("1999/00", "1999-04-01", "2000-03-31")]
    [InlineData("2015 - 17", "2015-01-01", "2017-12-31")]
    [InlineData("2015-17", "2015-01-01", "2017-12-31")]
    [InlineData("2012 - 16", "2012-01-01", "2016-12-31")]
    [InlineData("2013/14 - 17/18", "2013-04-01", "2018-03-31")]
    [InlineData("2021/22 Q1", "2021-04-01", "2021-06-30")]
    [InlineData("2021/22 Q4", "2022-01-01", "2022-03-31")]
    [InlineData("2021/22 Q1 - 2023/24 Q3", "2021-04-01", "2023-12-31")]
    [InlineData("Apr-16", "2016-04-01", "2016-04-30")]
    [InlineData("Feb-16", "2016-02-01", "2016-02-29")]
    [InlineData("2013-01-01/P3Y", "2013-01-01", "2015-12-31")]
    [InlineData("2015-11-16/P1Y", "2015-11-16", "2016-11-15")]
    public void A_published_label_spans_its_days(string label, string start, string end)
    {
        var period = IndicatorPeriod.Parse(label);

        Assert.Equal((label, DateOnly.Parse(start), DateOnly.Parse(end)), (period.Label, period.Start, period.End));
    }

    [Theory]
    [InlineData("2022/24")]
    [InlineData("2019 Q1")]
    [InlineData("Apl-16")]
    [InlineData("2017 - 15")]
    [InlineData("")]
    [InlineData("2021/22 Q3 - 2021/22 Q1")]
    public void A_label_that_is_not_a_period_is_refused_with_the_forms_that_are(string label)
    {
        Assert.False(IndicatorPeriod.TryParse(label, out _, out var error));
        Assert.Contains("is not a period (e.g. 2019, 2022/23", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_sort_by_their_start_then_their_end()
    {
        string[] labels = ["2022/23", "2015 - 17", "2019", "2015"];

        var sorted = labels.Select(IndicatorPeriod.Parse).Order().Select(p => p.Label);

        Assert.Equal(["2015", "2015 - 17", "2019", "2022/23"], sorted);
    }
}
