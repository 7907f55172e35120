using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Application.Indicators;

/// <summary>The tables of indicator values the command line prints and the web platform downloads, defined once so the two agree.</summary>
public static class IndicatorTables
{
    /// <summary>The columns of <c>indicators values</c>, exactly.</summary>
    public static readonly IReadOnlyList<string> ValueColumns =
    [
        "indicator_id", "area_code", "area_name", "area_type", "period", "sex", "age", "category", "count", "denominator", "value",
        "lower_95", "upper_95", "lower_99_8", "upper_99_8", "compared_to_england", "recent_trend", "source",
    ];

    /// <summary>
    /// One row per area, period and breakdown: area_type in the product's terms (Icb, SubIcb, District …), the period's
    /// published label, category empty for the whole population, compared_to_england Better/Similar/Worse (Higher/Lower
    /// with no judgement; a quintile's label for an indicator compared by quintiles), "Not compared", or empty when there
    /// is no England value to compare with; source published, computed or aggregated. Suppressed cells are empty.
    /// </summary>
    public static TextTable Values(ValueListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var id = listing.Table.Indicator.Id.ToString();
        return new TextTable(ValueColumns, listing.Rows.Select(r =>
        {
            var v = r.Row.Value;
            return (IReadOnlyList<string?>)
            [
                id, v.Area.Value, v.AreaName, v.AreaType.ToString(), v.Period, v.Sex.ToString(), v.Age, v.Category,
                Number(r.Count), Number(r.Denominator), Number(r.Value),
                Limit(r.Limits95.Lower), Limit(r.Limits95.Upper), Limit(r.Limits998.Lower), Limit(r.Limits998.Upper),
                Compared(r.ComparedToEngland), r.Trend?.Label, SourceName(v.Source),
            ];
        }));
    }

    /// <summary>"published", "computed" or "aggregated".</summary>
    public static string SourceName(ValueSource source) => source.ToString().ToLowerInvariant();

    /// <summary>
    /// The comparison as the values table writes it: Best and Worst (two levels) are written Better and Worse, the
    /// 99.8 % limits saying the rest.
    /// </summary>
    public static string? Compared(BenchmarkOutcome? outcome) => outcome switch
    {
        null => null,
        BenchmarkOutcome.Best => Benchmarking.Label(BenchmarkOutcome.Better),
        BenchmarkOutcome.Worst => Benchmarking.Label(BenchmarkOutcome.Worse),
        { } o => Benchmarking.Label(o),
    };

    /// <summary>The note an output carries when rows were suppressed or rounded, or null.</summary>
    public static string? DisclosureNote(IReadOnlyList<DisclosedRow> rows, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(policy);
        var suppressed = rows.Count(r => r.IsSuppressed);
        var complementary = rows.Count(r => r.IsSuppressed && r.Note == IndicatorDisclosure.Complementary);
        var rounded = rows.Count(r => r.Action == DisclosureAction.Rounded);
        if (suppressed == 0 && rounded == 0) return null;
        var parts = new List<string>();
        if (suppressed > 0)
        {
            var rule = $"counts from 1 to {Whole(policy.SmallestShownCount - 1)}{(policy.SuppressZero ? " and zeros" : string.Empty)} and denominators under {Whole(policy.SmallestShownDenominator)} are not shown, nor the values worked out from them";
            parts.Add($"{suppressed:N0} {(suppressed == 1 ? "row is" : "rows are")} suppressed to protect small numbers ({rule}"
                + (complementary > 0 ? $"; {complementary:N0} of them so that a small number cannot be worked out from a total)" : ")"));
        }

        if (rounded > 0) parts.Add($"{rounded:N0} {(rounded == 1 ? "row has its count" : "rows have their counts")} rounded to the nearest {Whole(policy.RoundingBase)}");
        return string.Join("; ", parts) + ".";
    }

    private static string Whole(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Limit(double x) => double.IsNaN(x) ? string.Empty : Number(x);
}
