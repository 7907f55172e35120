using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// One row of an indicator file as read and checked, before the indicator is known to the catalogue: its key, the
/// figures with the precision they were published to, and the line it came from (for problems and notes).
/// </summary>
public sealed class StagedValue
{
    /// <summary>The 1-based line the row starts on.</summary>
    public required int Line { get; init; }

    /// <summary>Which of the file's indicators (see <see cref="IndicatorBatch.Indicators"/>) the row belongs to.</summary>
    public required string IndicatorKey { get; set; }

    public required AreaCode Area { get; init; }

    public required AreaType AreaType { get; init; }

    public required string AreaName { get; init; }

    public required IndicatorPeriod Period { get; init; }

    public Sex Sex { get; set; } = Sex.Persons;

    /// <summary>The age group as published ("15+ yrs"); empty when the file does not say.</summary>
    public string Age { get; set; } = string.Empty;

    public string CategoryType { get; init; } = string.Empty;

    public string Category { get; init; } = string.Empty;

    public Figure? Count { get; init; }

    public Figure? Denominator { get; init; }

    public Figure? Value { get; init; }

    public Figure? Lower95 { get; init; }

    public Figure? Upper95 { get; init; }

    public Figure? Lower998 { get; init; }

    public Figure? Upper998 { get; init; }

    public string? ValueNote { get; init; }

    /// <summary>The publisher's comparison with England, as written ("Better", "Higher 99.8", "Highest quintile").</summary>
    public string? Comparison { get; init; }

    public string? Trend { get; init; }

    /// <summary>Whether two rows give the same figures and words (everything but the key, the area's name and the line).</summary>
    public bool SameFiguresAs(StagedValue other) => FirstDifference(other) is null;

    /// <summary>The first field in which two rows' figures or words differ (the area's name aside), or null when they do not.</summary>
    public StagedField? FirstDifference(StagedValue other)
    {
        if (Value != other.Value) return StagedField.Value;
        if (Lower95 != other.Lower95) return StagedField.Lower95;
        if (Upper95 != other.Upper95) return StagedField.Upper95;
        if (Lower998 != other.Lower998) return StagedField.Lower998;
        if (Upper998 != other.Upper998) return StagedField.Upper998;
        if (Count != other.Count) return StagedField.Count;
        if (Denominator != other.Denominator) return StagedField.Denominator;
        if (!string.Equals(ValueNote, other.ValueNote, StringComparison.Ordinal)) return StagedField.ValueNote;
        if (!string.Equals(Comparison, other.Comparison, StringComparison.Ordinal)) return StagedField.Comparison;
        if (!string.Equals(Trend, other.Trend, StringComparison.Ordinal)) return StagedField.Trend;
        return null;
    }

    /// <summary>The figure of a field, for messages.</summary>
    public string Shown(StagedField field) => field switch
    {
        StagedField.Value => Show(Value),
        StagedField.Lower95 => Show(Lower95),
        StagedField.Upper95 => Show(Upper95),
        StagedField.Lower998 => Show(Lower998),
        StagedField.Upper998 => Show(Upper998),
        StagedField.Count => Show(Count),
        StagedField.Denominator => Show(Denominator),
        StagedField.ValueNote => ValueNote ?? "(empty)",
        StagedField.Comparison => Comparison ?? "(empty)",
        StagedField.Trend => Trend ?? "(empty)",
        StagedField.AreaName => AreaName,
        _ => string.Empty,
    };

    /// <summary>The row's key in words: "E07000066 2015/16 Persons 15+ yrs".</summary>
    public string Describe() =>
        string.Join(' ', new[] { Area.Value, Period.Label, Sex.ToString(), Age, CategoryType, Category }.Where(s => s.Length > 0));

    private static string Show(Figure? figure) => figure?.ToString() ?? "(empty)";
}

/// <summary>The fields of a row that hold figures or words (not the key), in the order they are compared.</summary>
public enum StagedField
{
    Value,
    Lower95,
    Upper95,
    Lower998,
    Upper998,
    Count,
    Denominator,
    ValueNote,
    Comparison,
    Trend,
    AreaName,
    Age,
    Sex,
}
