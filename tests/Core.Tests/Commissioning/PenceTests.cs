namespace Commonweal.Core.Tests.Commissioning;

public sealed class PenceTests
{
    [Theory]
    [InlineData("1234.56", 123_456)]
    [InlineData("£1,234.56", 123_456)]
    [InlineData("1234", 123_400)]
    [InlineData("0.5", 50)]
    [InlineData("0.05", 5)]
    [InlineData("0", 0)]
    [InlineData(" £400,000.00 ", 40_000_000)]
    [InlineData("1000000000000", Pence.Most)]
    [InlineData("£1,000,000,000,000.00", Pence.Most)]
    public void Pounds_are_read_to_whole_pence(string text, long expected)
    {
        Assert.True(Pence.TryParsePounds(text, out var pence));
        Assert.Equal(expected, pence);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-£1.00")]
    [InlineData("1.234")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("1.2.3")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e3")]
    [InlineData("1000000000000.01")] // a penny over £1 trillion
    [InlineData("1000000000001")]
    [InlineData("99999999999999999999")]
    public void Negatives_more_than_two_decimals_other_text_and_more_than_a_trillion_pounds_are_refused(string? text) =>
        Assert.False(Pence.TryParsePounds(text, out _));

    [Theory]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("1000000000001")]
    [InlineData("1000000000000.01")] // a penny over £1 trillion: read, then refused
    public void A_refused_amount_gives_no_pence(string text)
    {
        // The Try pattern: on false the out value is its default, as FinancialYear.TryParse and the other Try methods here do.
        Assert.False(Pence.TryParsePounds(text, out var pence));
        Assert.Equal(0, pence);
    }

    [Theory]
    [InlineData(123_456, "1234.56")]
    [InlineData(-5, "-0.05")]
    [InlineData(0, "0.00")]
    [InlineData(100, "1.00")]
    [InlineData(Pence.Most, "1000000000000.00")]
    public void Plain_writes_pounds_to_two_decimals_without_separators(long pence, string expected) =>
        Assert.Equal(expected, Pence.Plain(pence));

    [Theory]
    [InlineData(123_456, "£1,234.56")]
    [InlineData(-5, "-£0.05")]
    [InlineData(0, "£0.00")]
    [InlineData(-123_456_789, "-£1,234,567.89")]
    [InlineData(Pence.Most, "£1,000,000,000,000.00")]
    public void Format_writes_pounds_for_people(long pence, string expected) =>
        Assert.Equal(expected, Pence.Format(pence));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(123_456)]
    [InlineData(Pence.Most)]
    public void What_plain_and_format_write_is_read_back(long pence)
    {
        Assert.True(Pence.TryParsePounds(Pence.Plain(pence), out var plain));
        Assert.True(Pence.TryParsePounds(Pence.Format(pence), out var formatted));
        Assert.Equal(pence, plain);
        Assert.Equal(pence, formatted);
    }
}
