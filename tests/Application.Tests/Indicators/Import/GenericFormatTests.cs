using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>Commonweal's own formats (docs/indicator-formats.md): counts, and the age-specific counts behind a DSR or a life expectancy.</summary>
public sealed class GenericFormatTests : IAsyncLifetime
{
    private const string Counts = "indicator_id,indicator_name,area_code,area_name,area_type,period,sex,age,category_type,category,count,denominator\n";
    private const string Bands = "indicator_name,area_code,area_name,period,sex,age_band,count,population\n";

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Counts_of_an_indicator_the_catalogue_does_not_know_are_refused_until_its_value_type_is_given()
    {
        var path = Importing.TempFile("quitters.csv", Counts
            + ",Smokers who quit at 4 weeks,U12345,Basildon PCN,Pcn,2023/24,Persons,16+ yrs,,,120,400\n"
            + ",Smokers who quit at 4 weeks,F81001,Dr Khan,,2023/24,Persons,16+ yrs,,,30,90\n");

        var refused = await IndicatorImporting.FileAsync(database, path);
        var imported = await IndicatorImporting.FileAsync(database, path, new IndicatorImportOptions(IndicatorValueType.Proportion, null, Polarity.HighIsGood));

        Assert.Contains("give --value-type", refused.Problem!.Rule, StringComparison.Ordinal);
        Assert.True(imported.Succeeded, imported.Problem?.ToString());
        var decision = Assert.Single(imported.Indicators).Decision;
        Assert.Equal((new IndicatorId(IndicatorId.FirstLocal), 100d, Polarity.HighIsGood), (decision.Indicator.Id, decision.Indicator.Multiplier, decision.Indicator.Polarity));
        await using var db = database.CreateContext();
        var pcn = await db.IndicatorValues.SingleAsync(v => v.Area == AreaCode.Parse("U12345"));
        var wilson = Proportions.WilsonScore(120, 400, ConfidenceLevel.Percent95);
        Assert.Equal((30d, wilson.Lower * 100, wilson.Upper * 100, ValueSource.Computed, AreaType.Pcn), (pcn.Value!.Value, pcn.Lower95!.Value, pcn.Upper95!.Value, pcn.Source, pcn.AreaType));
        Assert.Equal(AreaType.Practice, (await db.IndicatorValues.SingleAsync(v => v.Area == AreaCode.Parse("F81001"))).AreaType);
    }

    [Fact]
    public async Task A_rate_from_counts_needs_its_multiplier()
    {
        var path = Importing.TempFile("falls.csv", Counts + ",Emergency admissions for falls,E07000066,Basildon,,2023/24,Persons,65+ yrs,,,350,32000\n");

        var refused = await IndicatorImporting.FileAsync(database, path, new IndicatorImportOptions(IndicatorValueType.CrudeRate));
        var imported = await IndicatorImporting.FileAsync(database, path, new IndicatorImportOptions(IndicatorValueType.CrudeRate, 100_000));

        Assert.Contains("give --multiplier", refused.Problem!.Rule, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var value = await db.IndicatorValues.SingleAsync();
        Assert.Equal(350d / 32000 * 100_000, value.Value!.Value, 9);
        Assert.True(imported.Succeeded);
    }

    [Fact]
    public async Task Age_specific_counts_in_the_bands_of_the_European_Standard_Population_give_a_Dobson_DSR_and_are_kept()
    {
        var counts = Enumerable.Range(0, 19).Select(i => (double)(5 + (i * 3))).ToArray();
        var populations = Enumerable.Range(0, 19).Select(i => 4000d - (i * 100)).ToArray();
        var rows = EuropeanStandardPopulation2013.Labels.Select((band, i) => $"Emergency admissions (DSR),E07000066,Basildon,2023/24,Persons,{band},{counts[i]},{populations[i]}\n");
        var path = Importing.TempFile("bands.csv", Bands + string.Concat(rows));

        var outcome = await IndicatorImporting.FileAsync(database, path);

        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        Assert.Equal((1, 19), (outcome.Values, outcome.AgeCounts));
        var decision = Assert.Single(outcome.Indicators).Decision;
        Assert.Equal((IndicatorValueType.Dsr, 100_000d), (decision.Indicator.ValueType, decision.Indicator.Multiplier));
        var expected = Dsr.Dobson(counts, populations, ConfidenceLevel.Standard);
        await using var db = database.CreateContext();
        var value = await db.IndicatorValues.SingleAsync();
        Assert.Equal((expected.Value, expected.Limits[0].Lower, expected.Limits[1].Upper), (value.Value!.Value, value.Lower95!.Value, value.Upper998!.Value));
        Assert.Equal((IndicatorValue.AllAges, ValueSource.Computed, counts.Sum()), (value.Age, value.Source, value.Count!.Value));
        Assert.Equal(19, await db.IndicatorAgeCounts.CountAsync(c => c.Area == AreaCode.Parse("E07000066") && c.Period == "2023/24"));
        Assert.Equal(AgeBand.Range(90, null), (await db.IndicatorAgeCounts.OrderByDescending(c => c.Count).FirstAsync()).AgeBand);
    }

    [Fact]
    public async Task An_under_75_rate_uses_the_bands_up_to_70_74_and_is_labelled_under_75()
    {
        var rows = EuropeanStandardPopulation2013.Labels.Take(15).Select(band => $"Under 75 mortality (DSR),E07000066,Basildon,2021 - 23,Persons,{band},12,5000\n");

        var outcome = await IndicatorImporting.FileAsync(database, Importing.TempFile("u75.csv", Bands + string.Concat(rows)));

        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        await using var db = database.CreateContext();
        var value = await db.IndicatorValues.SingleAsync();
        var expected = Dsr.Dobson(Enumerable.Repeat(12d, 15).ToArray(), Enumerable.Repeat(5000d, 15).ToArray(), EuropeanStandardPopulation2013.Weights[..15], ConfidenceLevel.Standard, 100_000);
        Assert.Equal(("<75 yrs", expected.Value), (value.Age, value.Value!.Value));
    }

    [Fact]
    public async Task Deaths_and_populations_in_the_life_table_bands_give_a_life_expectancy_at_birth()
    {
        string[] bands = ["0", "1-4", .. Enumerable.Range(1, 17).Select(i => $"{i * 5}-{(i * 5) + 4}"), "90+"];
        var deaths = Enumerable.Range(0, 20).Select(i => i == 0 ? 8d : Math.Round(0.4 * Math.Exp(i * 0.38), 0)).ToArray();
        var populations = Enumerable.Range(0, 20).Select(i => i == 0 ? 1500d : i == 1 ? 6000d : i == 19 ? 900d : 7000d).ToArray();
        var path = Importing.TempFile("le.csv", Bands + string.Concat(bands.Select((b, i) => $"Life expectancy at birth (local),E07000066,Basildon,2021 - 23,Female,{b},{deaths[i]},{populations[i]}\n")));

        var outcome = await IndicatorImporting.FileAsync(database, path);

        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        Assert.Equal(IndicatorValueType.LifeExpectancy, Assert.Single(outcome.Indicators).Decision.Indicator.ValueType);
        var expected = LifeExpectancy.Calculate(deaths, populations, ConfidenceLevel.Standard)[0];
        await using var db = database.CreateContext();
        var value = await db.IndicatorValues.SingleAsync();
        Assert.Equal((expected.Value, expected.Intervals[0].Lower, Sex.Female), (value.Value!.Value, value.Lower95!.Value, value.Sex));
    }

    [Fact]
    public void Age_bands_with_a_gap_are_refused_at_the_group_first_line()
    {
        var rows = EuropeanStandardPopulation2013.Labels.Where(b => b != "40-44").Select(band => $"DSR,E07000066,Basildon,2023/24,Persons,{band},12,5000\n");

        var problem = Refused(Importing.TempFile("gap.csv", Bands + string.Concat(rows)));

        Assert.Equal((2, 6), (problem.Line, problem.Column));
        Assert.Contains("the bands must run without a gap", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_age_band_that_is_not_one_is_refused()
    {
        var problem = Refused(Importing.TempFile("bad.csv", Bands + "DSR,E07000066,Basildon,2023/24,Persons,young,12,5000\n"));

        Assert.Equal((2, 6, "'young' is not an age band (e.g. 0-4, 85-89, 90+, or 0 for under one)"), (problem.Line, problem.Column, problem.Rule));
    }

    [Fact]
    public void The_two_generic_formats_and_the_Fingertips_derived_series_are_told_apart_by_their_headers()
    {
        Assert.Equal("commonweal-counts", Read(Importing.TempFile("a.csv", Counts + ",X,E07000066,Basildon,,2023,Persons,,,,1,2\n")).Format);
        Assert.Equal("commonweal-age-bands", Read(Importing.TempFile("b.csv", Bands + "X,E07000066,Basildon,2023,Persons,0-4,1,2\n")).Format);
        Assert.Equal("fingertips-derived-series", Read(Importing.TempFile("c.csv",
            "area_code,area_name,period,value,indicator,measure,unit,significance\nE07000066,Basildon,2017/18,249.2,Self-harm,\"Age standardised rate per 100,000\",Persons,Worse\n")).Format);
    }
}
