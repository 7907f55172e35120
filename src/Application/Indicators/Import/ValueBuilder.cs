using System.Globalization;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Turns the rows read into the values stored. A row with a count and denominator of an indicator whose values are
/// worked out from them is recomputed with the engine: when every published figure is reproduced to its precision the
/// row is stored as computed (the published figures kept, the missing ones — limits Fingertips left out — filled in
/// with the computed ones); when one is not, the published figures are kept as they are, the row is labelled
/// published and the disagreement reported with its line. Rows without counts are stored as published.
/// </summary>
public static class ValueBuilder
{
    public static IndicatorValue Build(StagedValue row, Indicator indicator, RecomputeTally tally, List<string> disagreements)
    {
        tally.Rows++;
        var type = indicator.ValueType;
        if (!Recompute.FromCounts(type) || row.Count is null || (type != IndicatorValueType.Count && row.Denominator is null))
        {
            if (row.Count is not null && row.Denominator is not null && !Recompute.FromCounts(type))
                tally.NotRecomputed($"a {type.Label()} is not worked out from a count and denominator alone");
            return Published(row, indicator.Id);
        }

        var count = row.Count.Value.Value;
        if (Recompute.Problem(type, count, row.Denominator?.Value) is { } problem)
        {
            tally.NotRecomputed($"not recomputed: {problem}");
            return Published(row, indicator.Id);
        }

        var computed = Recompute.Compute(type, indicator.Multiplier, count, row.Denominator?.Value);
        var found = PublishedPrecision.Check(row, type, indicator.Multiplier, computed);
        Count(tally, row, found);
        if (found.Count > 0)
        {
            tally.Disagreed++;
            disagreements.Add($"line {row.Line}: {row.Describe()}: "
                + string.Join("; ", found.Select(d => $"published {Label(d.Field)} {d.Published}, {Recompute.Method(type)} gives {Show(d.Computed, d.Published.Decimals)}"))
                + " (kept as published)");
            return Published(row, indicator.Id);
        }

        tally.Agreed++;
        if (row.Value is null || row.Lower95 is null || row.Lower998 is null) tally.Filled++;
        return Make(row, indicator.Id,
            row.Value?.Value ?? computed.Value,
            row.Lower95?.Value ?? Defined(computed.Limits95.Lower),
            row.Upper95?.Value ?? Defined(computed.Limits95.Upper),
            row.Lower998?.Value ?? Defined(computed.Limits998.Lower),
            row.Upper998?.Value ?? Defined(computed.Limits998.Upper),
            ValueSource.Computed);
    }

    /// <summary>A value worked out from an area's age bands (always computed; not calculated below the method's thresholds, with its note).</summary>
    public static IndicatorValue FromAgeBands(IReadOnlyList<StagedAgeCount> bands, Indicator indicator, RecomputeTally tally)
    {
        tally.Rows++;
        tally.FromAgeBands++;
        var first = bands[0];
        var (figures, count, population, note) = AgeBandValues.Compute(indicator.ValueType, indicator.Multiplier, bands);
        return new IndicatorValue(indicator.Id, first.Area, first.AreaType, first.AreaName, first.Period.Label, first.Period.Start, first.Period.End,
            first.Sex, AgeBandValues.AgeLabel([.. bands.Select(b => b.AgeBand)]), first.CategoryType, first.Category, count, population,
            Defined(figures.Value), Defined(figures.Limits95.Lower), Defined(figures.Limits95.Upper), Defined(figures.Limits998.Lower), Defined(figures.Limits998.Upper),
            note, null, null, ValueSource.Computed);
    }

    public static IndicatorAgeCount AgeCount(StagedAgeCount band, IndicatorId indicator) =>
        new(indicator, band.Area, band.Period.Label, band.Sex, band.CategoryType, band.Category, band.AgeBand, band.Count.Value, band.Population.Value);

    private static void Count(RecomputeTally tally, StagedValue row, List<Disagreement> found)
    {
        if (row.Value is not null)
        {
            tally.ValuePublished++;
            if (!found.Exists(d => d.Field == StagedField.Value)) tally.ValueAgrees++;
        }

        if (row.Lower95 is not null || row.Upper95 is not null)
        {
            tally.Limits95Published++;
            if (!found.Exists(d => d.Field is StagedField.Lower95 or StagedField.Upper95)) tally.Limits95Agree++;
        }

        if (row.Lower998 is not null || row.Upper998 is not null)
        {
            tally.Limits998Published++;
            if (!found.Exists(d => d.Field is StagedField.Lower998 or StagedField.Upper998)) tally.Limits998Agree++;
        }
    }

    private static IndicatorValue Published(StagedValue row, IndicatorId indicator) =>
        Make(row, indicator, row.Value?.Value, row.Lower95?.Value, row.Upper95?.Value, row.Lower998?.Value, row.Upper998?.Value, ValueSource.Published);

    private static IndicatorValue Make(StagedValue row, IndicatorId indicator, double? value, double? lower95, double? upper95, double? lower998, double? upper998, ValueSource source) =>
        new(indicator, row.Area, row.AreaType, row.AreaName, row.Period.Label, row.Period.Start, row.Period.End, row.Sex, row.Age, row.CategoryType, row.Category,
            row.Count?.Value, row.Denominator?.Value, value, lower95, upper95, lower998, upper998, row.ValueNote, row.Comparison, row.Trend, source);

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;

    private static string Show(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + Math.Clamp(decimals, 0, 12).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "nothing (not calculated)";

    private static string Label(StagedField field) => field switch
    {
        StagedField.Value => "value",
        StagedField.Lower95 => "lower 95 % limit",
        StagedField.Upper95 => "upper 95 % limit",
        StagedField.Lower998 => "lower 99.8 % limit",
        StagedField.Upper998 => "upper 99.8 % limit",
        _ => field.ToString(),
    };
}
