using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Indicators.Import;

/// <summary>
/// The real indicator files of the reference data (indicators/, indicators/more/, indicators/district-profiles/),
/// each imported as published: row counts, the facts SOURCES.md states, what was inferred, and what recomputing the
/// values with the engine reproduces.
/// </summary>
public abstract class ReferenceIndicatorFileTests(ReferenceIndicatorsFixture fixture)
{
    private static readonly AreaCode England = AreaCode.Parse("E92000001");

    private static readonly string[] Mse = ["E07000066", "E07000067", "E07000068", "E07000069", "E07000070", "E07000074", "E07000075", "E06000033", "E06000034"];

    [Fact]
    public void Every_indicator_file_of_the_reference_data_is_recognised_by_its_header_and_imported()
    {
        fixture.Require();
        var first = fixture.First!;

        Assert.All(first.Outcomes, o => Assert.True(o.Succeeded, o.Problem?.ToString()));
        Assert.Equal(35, first.Outcomes.Count);
        Assert.Equal(
            ["commonweal-age-bands", "commonweal-counts", "fingertips-derived-series", "fingertips-export", "fingertips-practice-values", "fingertips-r-extract",
             "ons-explore-local-statistics", "qof-prevalence-lad"],
            IndicatorReaders.All.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["fingertips-derived-series", "fingertips-export", "fingertips-practice-values", "fingertips-r-extract", "ons-explore-local-statistics", "qof-prevalence-lad"],
            first.Outcomes.Select(o => o.Format!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("more/SOURCES.md", Assert.Single(first.Skipped).File.Replace('\\', '/'));
    }

    [Fact]
    public void Importing_every_file_again_changes_only_the_values_two_files_give_different_figures()
    {
        fixture.Require();
        var again = fixture.Again!.Outcomes;

        Assert.All(again, o => Assert.True(o.Succeeded, o.Problem?.ToString()));
        Assert.All(again.SelectMany(o => o.Indicators), i => Assert.Equal("unchanged", i.Decision.Action));
        // The 2019 Local Tobacco Control Profiles give 13 UTLA values of 91547 for 2019/20 that the later 91547 export revised:
        // each file, imported again, puts its own figures back, and says so.
        Assert.Equal(["fingertips_91547_smoking_prevalence_qof.csv", "fingertips_local_tobacco_control_profiles_east_of_england_2019.csv"],
            again.Where(o => o.ChangedRows > 0).Select(o => o.FileName).Order(StringComparer.Ordinal));
        Assert.All(again.Where(o => o.ChangedRows > 0), o => Assert.Contains(o.Notes, n => n == $"{o.ChangedRows} values were stored before with other figures (from another file, or another edition of this one): replaced by this file's"));
    }

    [Fact]
    public async Task Indicator_91547_keeps_England_2013_14_as_published_and_collapses_the_repeated_rows()
    {
        var outcome = fixture.Outcome("fingertips_91547_smoking_prevalence_qof.csv");
        await using var db = fixture.Require().CreateContext();

        Assert.Equal((17_627, 17_106), (outcome.Rows, outcome.Values));
        Assert.Equal(17_106, await db.IndicatorValues.CountAsync(v => v.Indicator == new IndicatorId(91547)));
        var england = await db.IndicatorValues.SingleAsync(v => v.Indicator == new IndicatorId(91547) && v.Area == England && v.Period == "2013/14" && v.CategoryType == "");
        Assert.Equal(19.17076526, england.Value);
        Assert.Equal((19.15946674, 19.18206886), (england.Lower95, england.Upper95));
        Assert.Equal((8_935_216, 46_608_551.5), (england.Count, england.Denominator));
        Assert.Equal(("15+ yrs", ValueSource.Computed), (england.Age, england.Source));
        // Fingertips gives no 99.8 % limits for 2013/14: the engine's Wilson limits fill them in.
        Assert.Equal(19.15295344, england.Lower998!.Value, 8);
        Assert.Contains(outcome.Notes, n => n.StartsWith("414 rows of 2015/16 with the age 'Not applicable' repeat the figures", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.StartsWith("107 rows repeat the figures of an earlier row of the same area code", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.StartsWith("297 rows give the area code with Fingertips' 'n' prefix", StringComparison.Ordinal));
        Assert.Contains(outcome.Notes, n => n.StartsWith("6,267 rows give no indicator number: read as 91547", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indicator_91547_is_inferred_a_proportion_per_100_low_is_good_and_Wilson_reproduces_all_but_37_rows_95_percent_limits()
    {
        var outcome = fixture.Outcome("fingertips_91547_smoking_prevalence_qof.csv");
        await using var db = fixture.Require().CreateContext();

        var indicator = await db.Indicators.SingleAsync(i => i.Id == new IndicatorId(91547));
        Assert.Equal((IndicatorValueType.Proportion, 100d, "%", Polarity.LowIsGood, ReportingFrequency.Annual), (indicator.ValueType, indicator.Multiplier, indicator.Unit, indicator.Polarity, indicator.Frequency));
        var imported = Assert.Single(outcome.Indicators);
        Assert.Contains(imported.Decision.Said, s => s.StartsWith("value type proportion: inferred:", StringComparison.Ordinal) && s.Contains("Wilson score reproduces the published limits of 10,796 of 10,833 rows", StringComparison.Ordinal));
        Assert.Contains(imported.Decision.Said, s => s.StartsWith("polarity low-is-good: inferred: 'Better' rows lie below England's value", StringComparison.Ordinal));
        Assert.Contains("95 % limits on 10,796 of 10,833, 99.8 % limits on 6,856 of 6,856", imported.Recomputed, StringComparison.Ordinal);
        Assert.Equal(37, outcome.Disagreements.Count);
        // The merged districts' limits (Bournemouth, Christchurch and Poole; Dorset; the Suffolk districts …) are Fingertips' own: kept and reported.
        Assert.Contains(outcome.Disagreements, d => d.StartsWith("line 98: E06000058 2013/14 Persons 15+ yrs: published lower 95 % limit 19.03786286, Wilson score gives 19.05204931", StringComparison.Ordinal));
        var merged = await db.IndicatorValues.SingleAsync(v => v.Indicator == new IndicatorId(91547) && v.Area == AreaCode.Parse("E06000058") && v.Period == "2013/14");
        Assert.Equal((19.03786286, ValueSource.Published), (merged.Lower95!.Value, merged.Source));
        Assert.Equal(17_063, await db.IndicatorValues.CountAsync(v => v.Indicator == new IndicatorId(91547) && v.Source == ValueSource.Computed));
    }

    [Fact]
    public async Task The_CHD_admissions_DSR_reads_80_counts_with_thousands_separators_and_the_Frimley_areas_with_99_8_percent_limits_only()
    {
        var outcome = fixture.Outcome("dsr_chd_admissions_utla_2022-23.csv");
        await using var db = fixture.Require().CreateContext();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator == new IndicatorId(90988) && v.Period == "2022/23" && v.Sex == Sex.Persons && v.Age == "All ages").ToListAsync();

        Assert.Equal(154, outcome.Values);
        Assert.Equal(80, values.Count(v => v.Count >= 1000));
        var england = values.Single(v => v.Area == England);
        Assert.Equal((387.11308, 214_022d, 57_106_398d, 384.5286, 389.70971), (england.Value!.Value, england.Count!.Value, england.Denominator!.Value, england.Lower998!.Value, england.Upper998!.Value));
        var frimley = values.Where(v => v.Value is null && v.Lower998 is not null).Select(v => v.Area.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["E06000036", "E06000039", "E06000040", "E06000060", "E10000030"], frimley);
        Assert.All(values.Where(v => frimley.Contains(v.Area.Value)), v => Assert.Null(v.Lower95));
        Assert.All(values, v => Assert.Equal(ValueSource.Published, v.Source));
        Assert.Contains(values, v => v.ValueNote is { } n && n.StartsWith("* Not presented due to Frimley Health Foundation Trust", StringComparison.Ordinal));
        Assert.Equal(IndicatorValueType.Dsr, (await db.Indicators.SingleAsync(i => i.Id == new IndicatorId(90988))).ValueType);
    }

    [Fact]
    public async Task Campylobacter_crude_rates_are_reproduced_by_Byar_and_exact_limits_and_given_99_8_percent_limits()
    {
        var outcome = fixture.Outcome("crude_campylobacter_countyua_2015-17.csv");
        await using var db = fixture.Require().CreateContext();

        var imported = Assert.Single(outcome.Indicators);
        Assert.Equal((IndicatorValueType.CrudeRate, 100_000d, "Campylobacter incidence rate/100,000"), (imported.Decision.Indicator.ValueType, imported.Decision.Indicator.Multiplier, imported.Decision.Indicator.Name));
        Assert.Contains("95 % limits on 755 of 755", imported.Recomputed, StringComparison.Ordinal);
        Assert.Empty(outcome.Disagreements);
        Assert.Equal(60, await db.IndicatorValues.CountAsync(v => v.Indicator == new IndicatorId(93356) && v.CategoryType != ""));
        Assert.Equal(842, await db.IndicatorValues.CountAsync(v => v.Indicator == new IndicatorId(93356) && v.Source == ValueSource.Computed && v.Lower998 != null));
    }

    [Fact]
    public async Task Indicators_named_but_not_numbered_get_Fingertips_numbers_where_known_and_local_numbers_found_again_by_name()
    {
        await using var db = fixture.Require().CreateContext();
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync();

        Assert.Contains(catalogue, i => i.Id == new IndicatorId(90366) && i.ValueType == IndicatorValueType.LifeExpectancy && i.Polarity == Polarity.HighIsGood);
        Assert.Contains(catalogue, i => i.Id == new IndicatorId(93722) && i.ValueType == IndicatorValueType.Dsr);
        var qof = catalogue.Where(i => i.Name.StartsWith("QOF prevalence: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, qof.Count);
        Assert.All(qof, i => Assert.True(i.Id.IsLocal, i.Name));
        Assert.All(qof, i => Assert.Equal((IndicatorValueType.Proportion, 1d), (i.ValueType, i.Multiplier)));
        Assert.Equal(catalogue.Count(i => i.Id.IsLocal), catalogue.Where(i => i.Id.IsLocal).Select(i => i.Id).Distinct().Count());
        Assert.Equal(0, fixture.Again!.Outcomes.Single(o => o.Format == "qof-prevalence-lad").ChangedRows);
    }

    [Fact]
    public async Task The_published_series_for_the_MSE_districts_have_their_periods()
    {
        await using var db = fixture.Require().CreateContext();

        async Task<int> Periods(int indicator, string area) =>
            await db.IndicatorValues.Where(v => v.Indicator == new IndicatorId(indicator) && v.Area == AreaCode.Parse(area)).Select(v => v.Period).Distinct().CountAsync();

        foreach (var district in Mse)
        {
            Assert.Equal(22, await Periods(93722, district));
            Assert.Equal(10, await Periods(93671, district));
            Assert.Equal(9, await Periods(90366, district));
        }

        Assert.Equal(15, await Periods(1203, "E06000034"));
        Assert.True(await db.IndicatorValues.AnyAsync(v => v.Indicator == new IndicatorId(93722) && v.Period == "2001 - 03" && v.PeriodStart == new DateOnly(2001, 1, 1)));
        var mse = Mse.Select(AreaCode.Parse).ToList();
        Assert.Equal(162, await db.IndicatorValues.CountAsync(v => v.Indicator == new IndicatorId(90366) && mse.Contains(v.Area) && v.Sex != Sex.Persons));
    }

    [Fact]
    public async Task The_practice_IMD_scores_are_kept_for_practices_no_longer_current()
    {
        var outcome = fixture.Outcome("fingertips_93553_practice_imd_score.csv");
        await using var db = fixture.Require().CreateContext();

        Assert.Equal(23_080, outcome.Values);
        Assert.Contains(outcome.Notes, n => n.StartsWith("3,907 rows are of areas Fingertips marks as no longer current", StringComparison.Ordinal));
        var densham = await db.IndicatorValues.SingleAsync(v => v.Indicator == new IndicatorId(93553) && v.Area == AreaCode.Parse("A81001") && v.Period == "2019");
        Assert.Equal((32.36093926, AreaType.Practice, "The Densham Surgery"), (densham.Value!.Value, densham.AreaType, densham.AreaName));
    }

    [Fact]
    public async Task Every_import_and_catalogue_entry_is_audited()
    {
        await using var db = fixture.Require().CreateContext();
        var audit = await db.Audit.AsNoTracking().ToListAsync();
        var indicators = await db.Indicators.CountAsync();

        Assert.Equal(indicators, audit.Count(a => a.Action == "indicator.create"));
        Assert.Equal(70, audit.Count(a => a.Action == "import" && a.EntityType == "IndicatorFile"));
        Assert.Equal(70, await db.Imports.CountAsync(i => i.Kind.StartsWith("indicators:")));
    }
}

public sealed class SqliteReferenceIndicatorFileTests(SqliteReferenceIndicators fixture) : ReferenceIndicatorFileTests(fixture), IClassFixture<SqliteReferenceIndicators>;

public sealed class PostgresReferenceIndicatorFileTests(PostgresReferenceIndicators fixture) : ReferenceIndicatorFileTests(fixture), IClassFixture<PostgresReferenceIndicators>;
