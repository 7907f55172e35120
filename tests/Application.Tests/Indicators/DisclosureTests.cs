using Commonweal.Application.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>Small numbers suppressed in every public output, with a note, and never recoverable from a total.</summary>
public sealed class DisclosureTests
{
    private const string Year = "2022/23";

    [Fact]
    public void A_small_count_is_suppressed_with_its_value_limits_comparison_and_trend_and_the_listing_says_so()
    {
        var (table, practices, _) = Pcn(3, 40);

        var shown = table.Disclosed(table.Find(practices[0], Year, Breakdown.Persons)!, DisclosurePolicy.Default);
        var listing = new ValueListing(table, [.. table.Rows.Select(r => table.Disclosed(r, DisclosurePolicy.Default))], DisclosurePolicy.Default);

        Assert.True(shown.IsSuppressed);
        Assert.Equal((null, null, null, null), (shown.Count, shown.Denominator, shown.Value, shown.ComparedToEngland));
        Assert.False(shown.Limits95.IsDefined);
        Assert.Equal("count below 5 suppressed (small number)", shown.Note);
        Assert.StartsWith("2 rows are suppressed to protect small numbers (counts from 1 to 4 and denominators under 10 are not shown", listing.DisclosureNote, StringComparison.Ordinal);
        Assert.Contains("1 of them so that a small number cannot be worked out from a total", listing.DisclosureNote, StringComparison.Ordinal);
    }

    [Fact]
    public void When_one_area_of_a_shown_total_is_suppressed_the_next_smallest_is_suppressed_too()
    {
        var (table, practices, pcn) = Pcn(3, 40);

        var rows = practices.Select(p => table.Disclosed(table.Find(p, Year, Breakdown.Persons)!, DisclosurePolicy.Default)).ToList();

        // Counts 3, 41, 42, …, 40: the 3 is suppressed, and the next smallest (the last, 40), else the 3 is the PCN less the rest.
        Assert.True(rows[0].IsSuppressed);
        Assert.True(rows[^1].IsSuppressed);
        Assert.Equal(IndicatorDisclosure.Complementary, rows[^1].Note);
        Assert.All(rows.Skip(1).SkipLast(1), r => Assert.False(r.IsSuppressed));
        Assert.False(table.Disclosed(table.Find(pcn, Year, Breakdown.Persons)!, DisclosurePolicy.Default).IsSuppressed);
        // Without a rule nothing is hidden.
        Assert.All(practices, p => Assert.False(table.Disclosed(table.Find(p, Year, Breakdown.Persons)!, DisclosurePolicy.None).IsSuppressed));
    }

    [Fact]
    public void The_HES_rule_rounds_counts_to_5_and_keeps_the_value_worked_out_from_the_true_counts()
    {
        var (table, practices, _) = Pcn(9, 41);

        var row = table.Find(practices[^1], Year, Breakdown.Persons)!;
        var shown = table.Disclosed(row, DisclosurePolicy.HesStyle);

        Assert.Equal(DisclosureAction.Rounded, shown.Action);
        Assert.Equal(40, shown.Count);
        Assert.Equal(row.Value.Value, shown.Value);
        Assert.Equal("rounded to the nearest 5", shown.Note);
    }

    [Fact]
    public void A_published_value_without_counts_is_shown_as_published()
    {
        var indicator = Indicator();
        var row = DemoPlaces.Published(indicator, England, AreaType.Country, Year, 14.7, 14.6, 14.8);
        var table = IndicatorEngine.Build(new IndicatorData(indicator, [row], []), Timeline);

        Assert.Equal(DisclosureAction.Shown, table.Disclosed(table.Rows[0], DisclosurePolicy.Default).Action);
    }

    /// <summary>A PCN's practices: the first with a count of <paramref name="small"/>, the others 41, 42, … (the last <paramref name="last"/>).</summary>
    private static (IndicatorTable Table, List<AreaCode> Practices, AreaCode Pcn) Pcn(double small, double last)
    {
        var indicator = Indicator();
        var graph = At(Year);
        var pcn = graph.Within(Mse.Code, AreaType.Pcn).First(p => graph.Within(p.Code, AreaType.Practice).Count >= 3);
        var practices = graph.Within(pcn.Code, AreaType.Practice).Select(p => p.Code).ToList();
        var values = practices.Select((p, i) => Counted(indicator, p, AreaType.Practice, Year,
            i == 0 ? small : i == practices.Count - 1 ? last : 40 + i, 1_000)).ToList();
        return (IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline), practices, pcn.Code);
    }
}
