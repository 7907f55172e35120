using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Application.Tests.Indicators.Import.IndicatorFiles;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>What an import infers of an indicator the catalogue does not know, says it inferred, and what the options change.</summary>
public sealed class IndicatorInferenceTests : IAsyncLifetime
{
    // A crude rate per 1,000 with Byar's limits: England 13.0 (260 of 20,000), one area better (lower) and one worse (higher).
    private static readonly string[] RatePer1000 =
    [
        "20401,\"Under 18s conception rate / 1,000\",,,E92000001,England,England,Female,<18 yrs,,,2017,13,11.4676495,14.68006219,,,260,20000,,,Not compared,,20170000,,",
        "20401,\"Under 18s conception rate / 1,000\",E92000001,England,E07000066,Basildon,District,Female,<18 yrs,,,2017,9,7.23686208,11.06264633,,,90,10000,,,Better,,20170000,,",
        "20401,\"Under 18s conception rate / 1,000\",E92000001,England,E06000034,Thurrock,UA,Female,<18 yrs,,,2017,12.5,10.57955613,14.66817986,,,150,12000,,,Similar,,20170000,,",
    ];

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_crude_rate_per_1000_is_inferred_from_its_counts_and_limits_and_the_polarity_from_its_comparisons()
    {
        var outcome = await IndicatorImporting.FileAsync(database, Download("conceptions.csv", RatePer1000));

        var decision = Assert.Single(outcome.Indicators).Decision;
        Assert.Equal((IndicatorValueType.CrudeRate, 1000d, "per 1,000", Polarity.LowIsGood), (decision.Indicator.ValueType, decision.Indicator.Multiplier, decision.Indicator.Unit, decision.Indicator.Polarity));
        Assert.Equal(
        [
            "value type crude-rate: inferred: value ÷ count × denominator is 1,000 on 3 of 3 rows; Byar's/exact Poisson limits reproduce the published limits of 3 of 3 rows",
            "multiplier 1,000: inferred: value ÷ count × denominator",
            "unit 'per 1,000'",
            "polarity low-is-good: inferred: 'Better' rows lie below England's value and 'Worse' rows above (1 of 1 rows)",
            "frequency annual (from its periods)",
        ], decision.Said);
        Assert.Equal("created", decision.Action);
        Assert.Empty(outcome.Disagreements);
    }

    [Fact]
    public async Task Published_limits_the_method_does_not_reproduce_are_kept_as_published_and_reported_with_their_line()
    {
        var moved = RatePer1000[2].Replace("10.57955613", "10.4", StringComparison.Ordinal);

        var outcome = await IndicatorImporting.FileAsync(database, Download("conceptions.csv", RatePer1000[0], RatePer1000[1], moved));

        Assert.Equal("line 4: E06000034 2017 Female <18 yrs: published lower 95 % limit 10.4, Byar's/exact Poisson gives 10.6 (kept as published)", Assert.Single(outcome.Disagreements));
        await using var db = database.CreateContext();
        var thurrock = await db.IndicatorValues.SingleAsync(v => v.Area == Core.Places.AreaCode.Parse("E06000034"));
        Assert.Equal((10.4, ValueSource.Published), (thurrock.Lower95!.Value, thurrock.Source));
        Assert.Equal(2, await db.IndicatorValues.CountAsync(v => v.Source == ValueSource.Computed));
    }

    [Fact]
    public async Task An_indirectly_standardised_ratio_is_told_from_a_rate_by_its_name()
    {
        var outcome = await IndicatorImporting.FileAsync(database, Download("smr.csv",
            "93253,\"Deaths from all cancer, all ages, standardised mortality ratio\",,,E07000066,Basildon,District,Persons,All ages,,,2013 - 17,104.0,99.9,108.2,,,2600,2500,,,,,20130000,,"));

        Assert.Equal((IndicatorValueType.Isr, 100d), (outcome.Indicators[0].Decision.Indicator.ValueType, outcome.Indicators[0].Decision.Indicator.Multiplier));
    }

    [Fact]
    public async Task Better_and_worse_rows_without_an_England_row_still_give_the_polarity()
    {
        var outcome = await IndicatorImporting.FileAsync(database, Download("fruit.csv",
            "93982,Five a day,E92000001,England,E07000040,East Devon,District,Persons,16+ yrs,,,2022/23,45.6,41.3,50.3,38.9,53.1,,463,,,Better,,20220000,,",
            "93982,Five a day,E92000001,England,E07000066,Basildon,District,Persons,16+ yrs,,,2022/23,25.1,21.3,29.3,19.9,31.1,,463,,,Worse,,20220000,,"));

        Assert.Equal(Polarity.HighIsGood, outcome.Indicators[0].Decision.Indicator.Polarity);
        Assert.Contains("polarity high-is-good: inferred: 'Better' rows lie above England's value and 'Worse' rows below (2 of 2 rows)", outcome.Indicators[0].Decision.Said);
    }

    [Fact]
    public async Task Comparisons_written_higher_and_lower_are_no_judgement()
    {
        var outcome = await IndicatorImporting.FileAsync(database, Download("larc.csv",
            "92254,\"LARC prescribing rate / 1,000\",E92000001,England,E07000066,Basildon,District,Female,15-44 yrs,,,2019,50,,,,,,,,,Higher,,20190000,,"));

        Assert.Equal(Polarity.NoJudgement, outcome.Indicators[0].Decision.Indicator.Polarity);
    }

    [Fact]
    public async Task Options_change_what_the_catalogue_holds_and_the_change_is_audited()
    {
        var path = Download("conceptions.csv", RatePer1000);
        await IndicatorImporting.FileAsync(database, path);

        var changed = await IndicatorImporting.FileAsync(database, path, new IndicatorImportOptions(Polarity: Polarity.NoJudgement));
        var again = await IndicatorImporting.FileAsync(database, path);

        var decision = Assert.Single(changed.Indicators).Decision;
        Assert.Equal(("updated", Polarity.NoJudgement), (decision.Action, decision.Indicator.Polarity));
        Assert.Equal(1, changed.ChangedRows);
        Assert.Equal(0, again.ChangedRows);
        Assert.Contains("the file's comparisons say low-is-good", string.Join('\n', again.Indicators[0].Decision.Said), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(Polarity.NoJudgement, (await db.Indicators.SingleAsync()).Polarity);
        var entries = await db.Audit.AsNoTracking().Where(a => a.EntityType == "Indicator").OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityKey, a.Detail }).ToListAsync();
        Assert.Equal([("indicator.create", "20401"), ("indicator.update", "20401")], entries.Select(e => (e.Action, e.EntityKey)));
        Assert.Contains("polarity no-judgement: given (--polarity)", entries[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_unnumbered_name_finds_the_same_local_number_on_every_import()
    {
        var first = await IndicatorImporting.FileAsync(database, Importing.TempFile("a.csv",
            "area_code,area_name,period,value,indicator,measure,unit,significance\nE07000066,Basildon,2017/18,249.2,Local indicator A,Percentage,Persons,Worse\n"));
        var second = await IndicatorImporting.FileAsync(database, Importing.TempFile("b.csv",
            "area_code,area_name,period,value,indicator,measure,unit,significance\nE07000067,Braintree,2017/18,200.1,Local indicator B,Percentage,Persons,Better\nE07000066,Basildon,2018/19,250,Local indicator A,Percentage,Persons,Worse\n"));

        Assert.Equal(IndicatorId.FirstLocal, first.Indicators[0].Decision.Indicator.Id.Value);
        Assert.Equal([IndicatorId.FirstLocal + 1, IndicatorId.FirstLocal], second.Indicators.Select(i => i.Decision.Indicator.Id.Value));
    }
}
