using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Statistics.Spc;
using static Commonweal.Application.Tests.Indicators.DemoPlaces;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>SPC of frequent series, and inequality by national IMD decile within the ICS from LSOA counts.</summary>
public sealed class SpcAndInequalityTests
{
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");

    [Fact]
    public void A_quarterly_series_is_charted_as_an_XmR_chart_with_improvement_from_the_polarity()
    {
        var indicator = Indicator(IndicatorValueType.CrudeRate, 100_000, Polarity.LowIsGood) with { Frequency = ReportingFrequency.Quarterly };
        var quarters = Enumerable.Range(0, 16).Select(i => $"{2019 + (i / 4)}/{(20 + (i / 4)) % 100:D2} Q{(i % 4) + 1}").ToList();
        int[] counts = [300, 310, 290, 305, 295, 300, 315, 285, 300, 300, 420, 305, 295, 300, 310, 290];
        var values = quarters.Select((q, i) => Counted(indicator, Basildon, AreaType.District, q, counts[i], 100_000)).ToList();
        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);

        var spc = IndicatorSpc.For(table, Basildon, Breakdown.Persons, null, DisclosurePolicy.Default).Value!;

        var direct = XmrChart.Analyse([.. counts.Select(c => c / 100_000d * 100_000)], SpcOptions.Mdc with { Improvement = ImprovementDirection.Decrease });
        Assert.Equal(16, spc.Periods.Count);
        Assert.Equal(ImprovementDirection.Decrease, spc.Options.Improvement);
        Assert.Equal(direct.Points.Select(p => p.SpecialCause), spc.Chart.Points.Select(p => p.SpecialCause));
        Assert.Equal(SpecialCause.AboveUpperLimit, spc.Chart.Points[10].SpecialCause);
        Assert.Equal(PointType.SpecialCauseConcern, spc.Chart.Points[10].PointType);
    }

    [Fact]
    public void An_annual_series_is_not_charted()
    {
        var indicator = Indicator();
        var table = IndicatorEngine.Build(new IndicatorData(indicator, [Counted(indicator, Basildon, AreaType.District, "2022/23", 10, 100)], []), Timeline);

        Assert.Equal("not a frequent series", IndicatorSpc.For(table, Basildon, Breakdown.Persons, null, DisclosurePolicy.Default).Refusal!.Title);
    }

    [Fact]
    public void LSOA_counts_add_up_by_national_IMD_decile_of_the_edition_on_those_LSOAs_with_SII_and_RII()
    {
        var indicator = Indicator();
        const string Year = "2022/23";
        var graph = At(Year);
        var lsoas = graph.LsoasIn(Mse.Code);
        var values = lsoas.Select(l => Counted(indicator, l, AreaType.Lsoa, Year, 300 - (20 * graph.Deprivation(l)!.ImdDecile!.Value), 1_000)).ToList();
        var table = IndicatorEngine.Build(new IndicatorData(indicator, values, []), Timeline);
        var ics = graph.Find(Mse.Code)!;

        var gradient = DeprivationGradient.For(table, ics, table.Periods[0], Breakdown.Persons, null, DisclosurePolicy.Default).Value!;

        Assert.Equal(IodVintage.Iod2025, gradient.Edition);
        Assert.Equal(lsoas.Count, gradient.Deciles.Sum(d => d.Lsoas));
        foreach (var decile in gradient.Deciles)
        {
            var within = lsoas.Where(l => graph.Deprivation(l)!.ImdDecile == decile.Decile).ToList();
            Assert.Equal(within.Count * (300 - (20 * decile.Decile)), decile.Count);
            Assert.Equal((300 - (20 * decile.Decile)) / 10d, decile.Value!.Value, 9);
        }

        // Prevalence falls by 2 percentage points a decile: the slope from most to least deprived is negative.
        Assert.NotNull(gradient.Slope);
        Assert.True(gradient.Slope.Sii < -10, $"SII {gradient.Slope.Sii}");
        Assert.True(gradient.Slope.Rii < 1);
        // The values are on 2021 LSOAs, which IoD2019 does not rank.
        var other = DeprivationGradient.For(table, ics, table.Periods[0], Breakdown.Persons, IodVintage.Iod2019, DisclosurePolicy.Default).Refusal!;
        Assert.Equal("The values of 2022/23 are on the LSOAs of 2021: only IoD2025 ranks those LSOAs.", other.Detail);
    }

    [Fact]
    public void Without_LSOA_values_there_is_no_inequality_by_deprivation()
    {
        var indicator = Indicator();
        var table = IndicatorEngine.Build(new IndicatorData(indicator, [Counted(indicator, Basildon, AreaType.District, "2022/23", 10, 100)], []), Timeline);

        var refusal = DeprivationGradient.For(table, At("2022/23").Find(Mse.Code)!, table.Periods[0], Breakdown.Persons, null, DisclosurePolicy.Default).Refusal!;

        Assert.Equal("no LSOA values", refusal.Title);
    }
}
