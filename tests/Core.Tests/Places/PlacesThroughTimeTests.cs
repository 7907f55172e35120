using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Places;

/// <summary>Validity and membership periods worked out from dated sources, around the real change dates.</summary>
public class PlacesThroughTimeTests
{
    private static readonly DateOnly Jan2022 = new(2022, 1, 1);
    private static readonly DateOnly Oct2025 = new(2025, 10, 1);
    private static readonly DateOnly Jan2026 = new(2026, 1, 1);
    private static readonly DateOnly Aug2026 = new(2026, 8, 1);
    private static readonly DateOnly[] PracticeMaps = [Jan2022, Oct2025, Jan2026, Aug2026];

    private static readonly AreaCode Qh8 = AreaCode.Parse("QH8");
    private static readonly AreaCode D7t5g = AreaCode.Parse("D7T5G");
    private static readonly AreaCode MidEssex = AreaCode.Parse("06Q");

    [Fact]
    public void An_ICB_missing_from_a_later_map_ends_the_day_before_the_April_2026_mergers()
    {
        var qh8 = AreaValidity.Infer(AreaType.Icb, [Jan2022, Oct2025, Jan2026], PracticeMaps);
        var essex = AreaValidity.Infer(AreaType.Icb, [Aug2026], PracticeMaps);

        Assert.Equal(new Validity(null, new DateOnly(2026, 3, 31)), qh8);
        Assert.Equal(new Validity(new DateOnly(2026, 4, 1), null), essex);
    }

    [Fact]
    public void A_practice_missing_from_a_later_map_ends_the_day_before_that_map_as_practices_have_no_reorganisation_dates()
    {
        var closed = AreaValidity.Infer(AreaType.Practice, [Jan2022], PracticeMaps);
        var opened = AreaValidity.Infer(AreaType.Practice, [Jan2026, Aug2026], PracticeMaps);

        Assert.Equal(new Validity(null, new DateOnly(2025, 9, 30)), closed);
        Assert.Equal(new Validity(Jan2026, null), opened);
    }

    [Fact]
    public void LSOAs_split_in_2021_end_the_day_before_Census_day_and_their_parts_start_on_it()
    {
        DateOnly[] releases = [new(2011, 3, 27), new(2021, 3, 21)];

        Assert.Equal(new Validity(null, new DateOnly(2021, 3, 20)), AreaValidity.Infer(AreaType.Lsoa, [releases[0]], releases));
        Assert.Equal(new Validity(new DateOnly(2021, 3, 21), null), AreaValidity.Infer(AreaType.Lsoa, [releases[1]], releases));
        Assert.Equal(Validity.Always, AreaValidity.Infer(AreaType.Lsoa, releases, releases));
    }

    [Theory]
    [InlineData("2022-04-01", "2024-04-01", "2023-04-01")] // Somerset, North Yorkshire, Cumbria
    [InlineData("2019-04-01", "2020-04-01", "2020-04-01")] // Buckinghamshire
    [InlineData("2020-04-01", "2022-04-01", "2021-04-01")] // Northamptonshire
    [InlineData("2024-04-01", "2024-12-01", "2024-12-01")] // none known between: the later source's date
    public void District_changes_are_dated_by_the_local_government_reorganisation_between_two_sources(string before, string after, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Reorganisations.ChangeDate(AreaType.District, DateOnly.Parse(before), DateOnly.Parse(after)));
    }

    [Fact]
    public void A_sub_ICB_that_moves_ICB_between_two_maps_changes_on_1_April_2026()
    {
        var observations = new[] { Jan2022, Oct2025, Jan2026 }
            .Select(d => new AreaMembership(MidEssex, AreaType.SubIcb, Qh8, AreaType.Icb, d))
            .Append(new AreaMembership(MidEssex, AreaType.SubIcb, D7t5g, AreaType.Icb, Aug2026));
        var validity = new Dictionary<AreaCode, Validity>
        {
            [Qh8] = new(null, new DateOnly(2026, 3, 31)),
            [D7t5g] = new(new DateOnly(2026, 4, 1), null),
        };

        var periods = MembershipTimeline.Periods(observations, c => validity.GetValueOrDefault(c, Validity.Always)).ToList();

        Assert.Equal(2, periods.Count);
        Assert.Equal((Qh8, new Validity(null, new DateOnly(2026, 3, 31))), (periods[0].Parent, periods[0].Validity));
        Assert.Equal((D7t5g, new Validity(new DateOnly(2026, 4, 1), null)), (periods[1].Parent, periods[1].Validity));
        Assert.True(periods[0].Validity.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(periods[0].Validity.Contains(new DateOnly(2026, 4, 1)));
        Assert.True(periods[1].Validity.Contains(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void A_membership_ends_when_its_parent_ends_even_without_a_later_observation()
    {
        var observations = new[] { new AreaMembership(MidEssex, AreaType.SubIcb, Qh8, AreaType.Icb, Jan2026) };

        var period = Assert.Single(MembershipTimeline.Periods(observations, c => c == Qh8 ? new Validity(null, new DateOnly(2026, 3, 31)) : Validity.Always));

        Assert.Equal(new Validity(null, new DateOnly(2026, 3, 31)), period.Validity);
    }

    [Fact]
    public void A_membership_starts_with_its_child_and_a_return_to_an_earlier_parent_is_a_new_period()
    {
        var practice = AreaCode.Parse("F81001");
        var (a, b) = (AreaCode.Parse("U12345"), AreaCode.Parse("U54321"));
        var observations = new[]
        {
            new AreaMembership(practice, AreaType.Practice, a, AreaType.Pcn, Jan2022),
            new AreaMembership(practice, AreaType.Practice, b, AreaType.Pcn, Oct2025),
            new AreaMembership(practice, AreaType.Practice, a, AreaType.Pcn, Aug2026),
        };

        var periods = MembershipTimeline.Periods(observations, c => c == practice ? new Validity(new DateOnly(2020, 1, 1), null) : Validity.Always).ToList();

        Assert.Equal(
            [(a, new Validity(new DateOnly(2020, 1, 1), new DateOnly(2025, 9, 30))), (b, new Validity(Oct2025, new DateOnly(2026, 7, 31))), (a, new Validity(Aug2026, null))],
            periods.Select(p => (p.Parent, p.Validity)));
    }

    [Fact]
    public void Validity_contains_both_ends_and_clamps_dates_into_itself()
    {
        var v = new Validity(new DateOnly(2022, 7, 1), new DateOnly(2026, 3, 31));

        Assert.True(v.Contains(new DateOnly(2022, 7, 1)));
        Assert.True(v.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(v.Contains(new DateOnly(2022, 6, 30)));
        Assert.False(v.Contains(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateOnly(2026, 3, 31), v.Clamp(new DateOnly(2030, 1, 1)));
        Assert.Equal(new DateOnly(2022, 7, 1), v.Clamp(new DateOnly(2000, 1, 1)));
        Assert.True(v.Intersect(new Validity(new DateOnly(2026, 4, 1), null)).IsEmpty);
        Assert.Equal("1 July 2022 to 31 March 2026", v.ToString());
    }
}
