using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// OHID Fingertips' export of indicator values, in both its layouts: the download/API export (26 columns, "Area Name",
/// "Compared to Region value or percentiles") and the UI tab export (27 columns, "AreaName", "Compared to parent …",
/// "Time period range", a byte-order mark, CRLF and every field quoted), with the trailing columns renamed or added
/// ("Column not used", "New data", "Compared to goal"). Counts may carry thousands separators or be written as
/// Fingertips' "no data" HTML; denominators may be fractional; a name may hold a line break; the value note may hold HTML.
/// </summary>
public sealed class FingertipsExportReader : IndicatorFileReader
{
    public override string Kind => "fingertips-export";

    public override string Description => "OHID Fingertips export of indicator values (download, API or Compare areas/Map tab)";

    public override string Publisher => "OHID Fingertips";

    protected override TableLayout Layout { get; } = new("Fingertips export",
    [
        "Indicator ID", "Indicator Name", "Area Code", "Area Name|AreaName", "Area Type", "Sex", "Age", "Category Type", "Category",
        "Time period", "Value", "Count", "Denominator",
    ])
    { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var (id, name, code, areaName, areaType) = (columns["Indicator ID"], columns["Indicator Name"], columns["Area Code"], columns["Area Name"], columns["Area Type"]);
        var (sex, age, categoryType, category, period) = (columns["Sex"], columns["Age"], columns["Category Type"], columns["Category"], columns["Time period"]);
        var (value, count, denominator) = (columns["Value"], columns["Count"], columns["Denominator"]);
        var lower95 = table.OptionalColumn("Lower CI 95.0 limit", "Lower CI 95 limit");
        var upper95 = table.OptionalColumn("Upper CI 95.0 limit", "Upper CI 95 limit");
        var lower998 = table.OptionalColumn("Lower CI 99.8 limit");
        var upper998 = table.OptionalColumn("Upper CI 99.8 limit");
        var note = table.OptionalColumn("Value note");
        var trend = table.OptionalColumn("Recent Trend");
        var compared = table.OptionalColumn("Compared to England value or percentiles", "Compared to England");
        batch.Reads(id, name, code, areaType, categoryType, category, period);
        MapColumns(batch, (StagedField.Value, value), (StagedField.Count, count), (StagedField.Denominator, denominator), (StagedField.Lower95, lower95),
            (StagedField.Upper95, upper95), (StagedField.Lower998, lower998), (StagedField.Upper998, upper998), (StagedField.ValueNote, note),
            (StagedField.Comparison, compared), (StagedField.Trend, trend), (StagedField.AreaName, areaName), (StagedField.Age, age), (StagedField.Sex, sex));

        return row =>
        {
            var indicatorId = row.IndicatorNumber(id);
            var indicatorName = row.Text(name, required: false);
            if (indicatorId is null && string.IsNullOrWhiteSpace(indicatorName))
                throw row.Reject(id, "a row needs an indicator id or an indicator name");
            var indicator = batch.Indicator(indicatorId, indicatorName);
            var area = row.AreaCode(code, batch);
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = indicator.Key,
                Area = area,
                AreaType = row.AreaType(area, areaType, code),
                AreaName = row.Words(areaName) ?? area.Value,
                Period = row.Period(period),
                Sex = row.Sex(sex, batch),
                Age = row.Words(age, max: 48) ?? string.Empty,
                CategoryType = row.Words(categoryType) ?? string.Empty,
                Category = row.Words(category) ?? string.Empty,
                Value = row.Figure(value, batch, "Value"),
                Lower95 = row.Figure(lower95, batch, "lower 95 % limit"),
                Upper95 = row.Figure(upper95, batch, "upper 95 % limit"),
                Lower998 = row.Figure(lower998, batch, "lower 99.8 % limit"),
                Upper998 = row.Figure(upper998, batch, "upper 99.8 % limit"),
                Count = row.Count(count, batch, "Count"),
                Denominator = row.Count(denominator, batch, "Denominator"),
                ValueNote = row.Note(note, batch),
                Comparison = row.Words(compared, max: 64),
                Trend = row.Words(trend),
            });
        };
    }

    internal static void MapColumns(IndicatorBatch batch, params (StagedField Field, int Index)[] columns)
    {
        foreach (var (field, index) in columns) batch.MapColumn(field, index);
    }
}

/// <summary>Indicator numbers as files write them.</summary>
public static class IndicatorNumbers
{
    /// <summary>The indicator's number, or null when the field is empty; anything else that is not a positive whole number is refused.</summary>
    public static int? IndicatorNumber(this TableRow row, int index)
    {
        if (index < 0) return null;
        var text = row.Span(index).Trim();
        if (text.IsEmpty) return null;
        return IndicatorId.TryParse(text.ToString(), out var id) ? id.Value : throw row.Reject(index, $"'{text}' is not an indicator id (a positive whole number, e.g. 91547)");
    }
}
