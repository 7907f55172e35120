using Commonweal.Core.Statistics;

namespace Commonweal.Core.Tests.Statistics;

public sealed class NormalTests
{
    // Reference values from R 4.x: qnorm(0.975), qnorm(0.999), qnorm(0.025), qnorm(1e-10), qnorm(0.5); tolerance 1e-15 relative.
    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.9, 1.2815515655446004)]
    public void Quantile_matches_R_qnorm(double p, double expected) =>
        Assert.Equal(expected, Normal.Quantile(p), 1e-14);

    [Theory]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(0.0, 0.5)]
    [InlineData(-3.090232306167813, 0.001)]
    [InlineData(0.3, 0.6179114221889527)]
    [InlineData(6.0, 0.9999999990134123)]
    [InlineData(-8.0, 6.22096057427178e-16)]
    public void Cdf_matches_R_pnorm(double x, double expected) =>
        Assert.Equal(expected, Normal.Cdf(x), Math.Abs(expected) * 1e-13 + 1e-16);

    [Fact]
    public void Standard_levels_carry_the_published_z_values()
    {
        Assert.Equal(1.959963984540054, ConfidenceLevel.Percent95.Z, 1e-15);
        Assert.Equal(3.090232306167813, ConfidenceLevel.Percent998.Z, 1e-15);
        Assert.Equal("99_8", ConfidenceLevel.Percent998.Suffix);
        Assert.Equal("95", ConfidenceLevel.Percent95.Suffix);
    }

    [Theory]
    [InlineData("95", 0.95)]
    [InlineData("99.8%", 0.998)]
    [InlineData("0.9", 0.9)]
    public void Levels_parse_as_percentages_or_fractions(string text, double expected)
    {
        Assert.True(ConfidenceLevel.TryParse(text, out var level));
        Assert.Equal(expected, level.Level, 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("101")]
    public void Nonsense_levels_are_refused(string text) => Assert.False(ConfidenceLevel.TryParse(text, out _));
}
