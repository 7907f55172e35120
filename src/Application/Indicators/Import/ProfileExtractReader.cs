using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Fingertips data as the fingertipsR package gives it and analysts save it (the Essex County Council extract for
/// the Mid and South Essex STP): IndicatorID, IndicatorName, AreaCode, AreaName, Sex, Age, Timeperiod, Value, with
/// 95 % limits as Lower/Upper (or fingertipsR's own LowerCI95.0limit …), Count and Denominator; "NA" for missing. Rows
/// the extract repeats for another chart (plot_type "bar" and "trend") are the same values: collapsed.
/// </summary>
public sealed class ProfileExtractReader : IndicatorFileReader
{
    public override string Kind => "fingertips-r-extract";

    public override string Description => "Fingertips values as fingertipsR gives them (IndicatorID, IndicatorName, AreaCode, AreaName, Sex, Age, Timeperiod, Value …)";

    public override string Publisher => "OHID Fingertips (fingertipsR extract)";

    protected override TableLayout Layout { get; } = new("fingertipsR extract",
        ["IndicatorID", "IndicatorName", "AreaCode", "AreaName", "Sex", "Age", "Timeperiod", "Value"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var (id, name, code, areaName, sex, age, period, value) = (columns["IndicatorID"], columns["IndicatorName"], columns["AreaCode"], columns["AreaName"],
            columns["Sex"], columns["Age"], columns["Timeperiod"], columns["Value"]);
        var areaType = table.OptionalColumn("AreaType");
        var categoryType = table.OptionalColumn("CategoryType");
        var category = table.OptionalColumn("Category");
        var lower95 = table.OptionalColumn("Lower", "LowerCI95.0limit", "LowerCI95limit");
        var upper95 = table.OptionalColumn("Upper", "UpperCI95.0limit", "UpperCI95limit");
        var lower998 = table.OptionalColumn("LowerCI99.8limit");
        var upper998 = table.OptionalColumn("UpperCI99.8limit");
        var count = table.OptionalColumn("Count");
        var denominator = table.OptionalColumn("Denominator");
        var note = table.OptionalColumn("Valuenote", "Value note");
        var trend = table.OptionalColumn("RecentTrend", "Recent trend");
        var compared = table.OptionalColumn("ComparedtoEnglandvalueorpercentiles", "Compared to England value or percentiles");
        batch.Reads(id, name, code, areaType, categoryType, category, period);
        FingertipsExportReader.MapColumns(batch, (StagedField.Value, value), (StagedField.Count, count), (StagedField.Denominator, denominator),
            (StagedField.Lower95, lower95), (StagedField.Upper95, upper95), (StagedField.Lower998, lower998), (StagedField.Upper998, upper998),
            (StagedField.ValueNote, note), (StagedField.Trend, trend), (StagedField.Comparison, compared), (StagedField.AreaName, areaName),
            (StagedField.Age, age), (StagedField.Sex, sex));
        return row =>
        {
            var indicator = batch.Indicator(row.IndicatorNumber(id), row.Text(name, required: false));
            if (indicator.Id is null && indicator.Name.Length == 0) throw row.Reject(id, "a row needs an indicator id or an indicator name");
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
                Age = row.Words(age, na: true, max: 48) ?? string.Empty,
                CategoryType = row.Words(categoryType, na: true) ?? string.Empty,
                Category = row.Words(category, na: true) ?? string.Empty,
                Value = row.Figure(value, batch, "Value"),
                Lower95 = row.Figure(lower95, batch, "lower 95 % limit"),
                Upper95 = row.Figure(upper95, batch, "upper 95 % limit"),
                Lower998 = row.Figure(lower998, batch, "lower 99.8 % limit"),
                Upper998 = row.Figure(upper998, batch, "upper 99.8 % limit"),
                Count = row.Count(count, batch, "Count"),
                Denominator = row.Count(denominator, batch, "Denominator"),
                ValueNote = row.Note(note, batch),
                Trend = row.Words(trend, na: true),
                Comparison = row.Words(compared, na: true, max: 64),
            });
        };
    }
}
