using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Application.Indicators;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Tests.Places.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Indicators;

/// <summary>
/// The engine on the real files: the reference places imported whole (<see cref="ReferenceFolderFixture"/>), then
/// Fingertips' indicator 91547 (QOF smoking prevalence). Practice rows alone must add up to the ICB and sub-ICB rows
/// Fingertips publishes, and the engine's comparison with England and recent trend must be Fingertips' own on every row
/// that has one. The tests of a class run one after another; each states the indicator's values it needs first.
/// </summary>
public abstract class ReferenceEngineTests(ReferenceFolderFixture places)
{
    private const string File = "indicators/fingertips_91547_smoking_prevalence_qof.csv";
    private const string Year = "2022/23";
    private const string ComparedColumn = "Compared to England value or percentiles";
    private static readonly IndicatorId Smoking = new(91547);
    private static readonly Breakdown Adults = Breakdown.Persons with { Age = "15+ yrs" };

    [Fact]
    public async Task Practice_rows_alone_add_up_to_the_ICB_and_its_five_sub_ICB_locations_exactly_as_Fingertips_publishes_them()
    {
        var database = places.Require();
        var published = Published().GroupBy(r => (r.Code, r.Period)).ToDictionary(g => g.Key, g => g.First());
        await ClearAsync(database);
        var practices = PracticeRowsOnly();
        var outcome = await IndicatorImporting.FileAsync(database, practices);
        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        var table = await TableAsync(database);

        Assert.All(table.Data.Values, v => Assert.Equal(AreaType.Practice, v.AreaType));
        var icb = table.Find(AreaCode.Parse("QH8"), Year, Adults)!;
        Assert.Equal((ValueSource.Aggregated, 149_173d, 1_042_153d), (icb.Source, icb.Value.Count, icb.Value.Denominator));
        AssertAsPublished(published[("E54000026", Year)], icb);

        var graph = table.Graph(table.Period(Year)!);
        var subIcbs = Aggregation.Members(graph, icb.Area, AreaType.SubIcb);
        Assert.Equal(5, subIcbs.Count);
        foreach (var code in subIcbs)
        {
            var row = table.Find(code, Year, Adults)!;
            Assert.Equal(ValueSource.Aggregated, row.Source);
            AssertAsPublished(published[(code.Value, Year)], row);
        }
    }

    [Fact]
    public async Task Compared_to_England_is_Fingertips_own_comparison_on_every_row_that_has_one()
    {
        var database = places.Require();
        await IndicatorImporting.ReferenceFileAsync(database, File);
        var table = await TableAsync(database);

        var compared = 0;
        var mismatches = new List<string>();
        foreach (var row in Published().Where(r => r.Compared is "Better" or "Similar" or "Worse"))
        {
            compared++;
            var ours = table.Find(AreaCode.Parse(row.Code), row.Period, row.Breakdown);
            var label = IndicatorTables.Compared(ours?.ComparedToEngland);
            if (label != row.Compared) mismatches.Add($"{row.Code} {row.Period} {row.Breakdown}: Fingertips {row.Compared}, engine {label ?? "none"}");
        }

        Assert.Equal(11_343, compared);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count:N0} mismatches, e.g. {string.Join("; ", mismatches.Take(10))}");
    }

    [Fact]
    public async Task The_recent_trend_is_Fingertips_own_on_every_row_that_has_one_and_a_district_with_ten_years_is_decreasing_and_getting_better()
    {
        var database = places.Require();
        await IndicatorImporting.ReferenceFileAsync(database, File);
        var table = await TableAsync(database);

        var trended = Published().Where(r => r.Trend.Length > 0).ToList();
        var mismatches = trended
            .Select(r => (r, Ours: table.Find(AreaCode.Parse(r.Code), r.Period, r.Breakdown)?.Trend?.Label))
            .Where(x => x.Ours != x.r.Trend)
            .Select(x => $"{x.r.Code} {x.r.Period}: Fingertips {x.r.Trend}, engine {x.Ours ?? "none"}")
            .ToList();

        Assert.Equal(6_851, trended.Count);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count:N0} mismatches, e.g. {string.Join("; ", mismatches.Take(10))}");
        var basildon = table.Find(AreaCode.Parse("E07000066"), Year, Adults)!;
        Assert.Equal("Decreasing and getting better", basildon.Trend!.Label);
        // Earlier periods carry the trend of the five points ending at them (what Fingertips showed when each was the latest).
        Assert.Equal("Decreasing and getting better", table.Find(AreaCode.Parse("E07000066"), "2019/20", Adults)!.Trend!.Label);
        Assert.Equal(RecentTrend.CannotBeCalculated, table.Find(AreaCode.Parse("E07000066"), "2016/17", Adults)!.Trend!.Label);
    }

    private static void AssertAsPublished(PublishedRow published, IndicatorRow row)
    {
        Assert.Equal((published.Count, published.Denominator), (row.Value.Count, row.Value.Denominator));
        var figures = new (string Name, string Text, double? Ours)[]
        {
            ("value", published.Value, row.Value.Value), ("lower 95 %", published.Lower95, row.Value.Lower95), ("upper 95 %", published.Upper95, row.Value.Upper95),
            ("lower 99.8 %", published.Lower998, row.Value.Lower998), ("upper 99.8 %", published.Upper998, row.Value.Upper998),
        };
        foreach (var (name, text, ours) in figures)
        {
            Assert.True(Figure.TryParse(text, out var figure, out _), $"{published.Code}: {name} '{text}'");
            Assert.True(ours is { } x && PublishedPrecision.Agrees(figure, x), $"{published.Code} {name}: published {text}, engine {ours}");
        }
    }

    /// <summary>The indicator's table as every output reads it (a fresh cache).</summary>
    private static async Task<IndicatorTable> TableAsync(TestDatabase database)
    {
        await using var app = new ApplicationScope(database);
        var answer = await app.Get<IndicatorQueries>().TableAsync(Smoking);
        return answer.Value ?? throw new InvalidOperationException(answer.Refusal!.Detail);
    }

    /// <summary>Removes whatever another test of the class stored of the indicator (imports add to what is stored).</summary>
    private static async Task ClearAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await db.IndicatorValues.Where(v => v.Indicator == Smoking).ExecuteDeleteAsync();
        await db.IndicatorAgeCounts.Where(v => v.Indicator == Smoking).ExecuteDeleteAsync();
    }

    /// <summary>A copy of the file with its header and its practice rows (area type GPs) only.</summary>
    private static string PracticeRowsOnly()
    {
        var source = ReferenceData.File(File);
        using var table = Table.OpenCsv(source);
        var type = table.Column("Area Type");
        var lines = new List<string> { System.IO.File.ReadLines(source).First().TrimStart('\uFEFF') };
        lines.AddRange(table.Rows().Where(r => r.Text(type, required: false) == "GPs").Select(r => r.RawRecord));
        return Importing.TempFile("fingertips_91547_practices.csv", string.Join('\n', lines) + "\n");
    }

    private sealed record PublishedRow(
        string Code, string Period, Breakdown Breakdown, double? Count, double? Denominator, string Value, string Lower95, string Upper95, string Lower998, string Upper998, string Compared, string Trend);

    /// <summary>Every row of the file (repeats too), its area code without Fingertips' "n" before a sub-ICB or ICB code.</summary>
    private static List<PublishedRow> Published()
    {
        using var table = Table.OpenCsv(ReferenceData.File(File));
        var columns = new[] { "Area Code", "Time period", "Count", "Denominator", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit", ComparedColumn, "Recent Trend", "Sex", "Age", "Category Type", "Category" }
            .Select(c => table.Column(c)).ToArray();
        var rows = new List<PublishedRow>();
        foreach (var r in table.Rows())
        {
            var text = columns.Select(c => r.Text(c, required: false) ?? string.Empty).ToArray();
            var code = text[0].StartsWith('n') ? text[0][1..] : text[0];
            FieldReading.TryReadSex(text[11], out var sex);
            // Fingertips' 2015/16 repeats with the age "Not applicable" are stored as the row with the indicator's age they repeat.
            var breakdown = new Breakdown(sex, text[12] == BatchChecks.AgeNotApplicable ? Adults.Age : text[12], text[13], text[14]);
            rows.Add(new PublishedRow(code, text[1], breakdown, Number(text[2]), Number(text[3]), text[4], text[5], text[6], text[7], text[8], text[9], text[10]));
        }

        return rows;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var x) ? x : null;
}

public sealed class SqliteReferenceEngineTests(SqliteReferenceFolder places) : ReferenceEngineTests(places), IClassFixture<SqliteReferenceFolder>;

public sealed class PostgresReferenceEngineTests(PostgresReferenceFolder places) : ReferenceEngineTests(places), IClassFixture<PostgresReferenceFolder>;
