using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class DisclosureControlTests
{
    [Theory]
    [InlineData(0, DisclosureAction.Shown, 0.0)]
    [InlineData(1, DisclosureAction.Suppressed, double.NaN)]
    [InlineData(4, DisclosureAction.Suppressed, double.NaN)]
    [InlineData(5, DisclosureAction.Shown, 5.0)]
    [InlineData(1234, DisclosureAction.Shown, 1234.0)]
    public void The_default_policy_suppresses_counts_1_to_4(double count, DisclosureAction action, double shown)
    {
        var decision = DisclosureControl.Count(count, DisclosurePolicy.Default);
        Assert.Equal(action, decision.Action);
        Assert.Equal(shown, decision.Value);
        if (action == DisclosureAction.Suppressed) Assert.Equal("count below 5 suppressed (small number)", decision.Reason);
    }

    [Fact]
    public void Zero_can_be_suppressed_by_policy()
    {
        var decision = DisclosureControl.Count(0, DisclosurePolicy.Default with { SuppressZero = true });
        Assert.Equal(DisclosureAction.Suppressed, decision.Action);
        Assert.Equal("zero count suppressed by policy", decision.Reason);
    }

    [Theory]
    [InlineData(7, DisclosureAction.Suppressed, double.NaN)]
    [InlineData(8, DisclosureAction.Rounded, 10.0)]
    [InlineData(12, DisclosureAction.Rounded, 10.0)]
    [InlineData(13, DisclosureAction.Rounded, 15.0)]
    [InlineData(12.5, DisclosureAction.Rounded, 15.0)]
    [InlineData(20, DisclosureAction.Shown, 20.0)]
    public void Hes_style_suppresses_1_to_7_and_rounds_to_5(double count, DisclosureAction action, double shown)
    {
        var decision = DisclosureControl.Count(count, DisclosurePolicy.HesStyle);
        Assert.Equal(action, decision.Action);
        Assert.Equal(shown, decision.Value);
    }

    [Fact]
    public void Small_denominators_are_suppressed_and_take_derived_values_with_them()
    {
        Assert.Equal(DisclosureAction.Suppressed, DisclosureControl.Denominator(9, DisclosurePolicy.Default).Action);
        Assert.Equal(DisclosureAction.Shown, DisclosureControl.Denominator(10, DisclosurePolicy.Default).Action);

        var rate = DisclosureControl.Derived(0.5, 6, 9, DisclosurePolicy.Default);
        Assert.False(rate.IsShown);
        Assert.Equal("denominator below 10 suppressed (small number)", rate.Reason);

        var small = DisclosureControl.Derived(0.03, 3, 100, DisclosurePolicy.Default);
        Assert.Equal("count below 5 suppressed (small number)", small.Reason);

        var shown = DisclosureControl.Derived(0.123456, 12, 97, DisclosurePolicy.HesStyle);
        Assert.Equal(DisclosureAction.Shown, shown.Action);
        Assert.Equal(0.123456, shown.Value); // derived values are never rounded by the policy
    }

    [Fact]
    public void The_none_policy_shows_everything()
    {
        Assert.Equal(DisclosureAction.Shown, DisclosureControl.Count(1, DisclosurePolicy.None).Action);
        Assert.Equal(DisclosureAction.Shown, DisclosureControl.Denominator(1, DisclosurePolicy.None).Action);
    }

    [Fact]
    public void Missing_values_are_suppressed_and_negative_ones_are_errors()
    {
        Assert.Equal(DisclosureAction.Suppressed, DisclosureControl.Count(double.NaN, DisclosurePolicy.Default).Action);
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureControl.Count(-1, DisclosurePolicy.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureControl.Denominator(-1, DisclosurePolicy.Default));
    }

    [Fact]
    public void Property_shown_counts_are_never_small_and_rounding_moves_at_most_half_a_base() =>
        Gen.Select(Gen.Double[0, 1000], Gen.Int[1, 10], Gen.Int[0, 10]).Sample((count, smallest, roundTo) =>
        {
            var policy = new DisclosurePolicy(SmallestShownCount: smallest, RoundingBase: roundTo);
            var decision = DisclosureControl.Count(count, policy);
            if (count > 0 && count < smallest) Assert.False(decision.IsShown);
            if (decision.IsShown && roundTo > 1) Assert.True(Math.Abs(decision.Value - count) <= (roundTo / 2.0) + 1e-9);
            if (decision.IsShown && roundTo <= 1) Assert.Equal(count, decision.Value);
        });
}
