using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>The NHS number's modulus 11 check digit, on numbers worked by hand and on the ones that are never issued.</summary>
public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")] // the NHS's test number: 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    [InlineData("4010232137")] // 4·10 + 1·8 + 2·6 + 3·5 + 2·4 + 1·3 + 3·2 = 92; 92 mod 11 = 4; 11 − 4 = 7
    [InlineData("9990000018")] // 90 + 81 + 72 + 2 = 245; 245 mod 11 = 3; 11 − 3 = 8
    [InlineData("1000000001")] // 10; 11 − 10 = 1
    [InlineData("4440000002")] // 40 + 36 + 32 = 108; 108 mod 11 = 9; 11 − 9 = 2
    public void A_number_whose_last_digit_matches_the_others_is_valid(string digits) => Assert.True(NhsNumber.IsValid(digits));

    [Theory]
    [InlineData("9434765918", "last digit")] // one off the check digit
    [InlineData("9434765910", "last digit")]
    [InlineData("4440000000", "last digit")] // 40 + 36 + 32 = 108; 108 mod 11 = 9; the check digit is 2
    [InlineData("943476591", "10 digits")]
    [InlineData("94347659190", "10 digits")]
    [InlineData("94347659I9", "10 digits")]
    [InlineData("", "10 digits")]
    [InlineData("1111111111", "last digit")] // passes the arithmetic (54 → 1) but a repeated digit is never issued
    [InlineData("0000000000", "last digit")] // likewise (0 → 0)
    [InlineData("4444444444", "last digit")]
    public void Anything_else_is_refused_saying_why(string text, string why)
    {
        Assert.False(NhsNumber.TryParse(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_digit_of_ten_is_never_issued()
    {
        // 0 0 0 0 0 0 0 0 6 → 6·2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no digit can follow. 0 0 0 0 0 0 0 0 5 → 10 → 1.
        for (var last = 0; last <= 9; last++) Assert.False(NhsNumber.IsValid("000000006" + last));
        Assert.True(NhsNumber.IsValid("0000000051"));
    }

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData(" 9434765919 ")]
    public void People_may_write_it_in_groups_of_three_three_and_four(string text)
    {
        Assert.True(NhsNumber.TryParse(text, out var number, out _));
        Assert.Equal("9434765919", number);
    }

    [Theory]
    [InlineData("NHS-943-476-5919", true)]
    [InlineData("p_4010232137_x", true)]
    [InlineData("p-9434765918", false)]
    [InlineData("person-000123", false)]
    public void An_identifier_that_hides_a_valid_nhs_number_is_found(string identifier, bool hides) =>
        Assert.Equal(hides, NhsNumber.Contains(identifier));
}
