using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Commonweal's own format of counts (docs/indicator-formats.md): one row per indicator, area, period, sex, age and
/// category with its count and (for proportions and rates) denominator, and optionally a published value and limits to check against. Columns by
/// name, in any order: indicator_id and/or indicator_name, area_code, area_name, area_type, period, sex, age,
/// category_type, category, count, denominator, value, lower_95, upper_95, lower_99_8, upper_99_8, value_note.
/// </summary>
public sealed class GenericCountsReader : IndicatorFileReader
{
    public override string Kind => "commonweal-counts";

    public override string Description => "Commonweal's counts format (indicator, area, period, sex, age, category, count, denominator …; docs/indicator-formats.md)";

    public override string Publisher => "Local data (Commonweal counts format)";

    public override string Licence => string.Empty;

    protected override TableLayout Layout { get; } = new("Commonweal counts", ["area_code", "period", "count"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var key = GenericColumns.Find(table, columns, batch);
        var count = columns["count"];
        // A count with no denominator (a backlog, a register's size) needs no denominator column.
        var denominator = table.OptionalColumn("denominator");
        var value = table.OptionalColumn("value");
        var lower95 = table.OptionalColumn("lower_95");
        var upper95 = table.OptionalColumn("upper_95");
        var lower998 = table.OptionalColumn("lower_99_8");
        var upper998 = table.OptionalColumn("upper_99_8");
        var note = table.OptionalColumn("value_note");
        var age = table.OptionalColumn("age");
        FingertipsExportReader.MapColumns(batch, (StagedField.Count, count), (StagedField.Denominator, denominator), (StagedField.Value, value),
            (StagedField.Lower95, lower95), (StagedField.Upper95, upper95), (StagedField.Lower998, lower998), (StagedField.Upper998, upper998),
            (StagedField.ValueNote, note), (StagedField.Age, age));
        return row =>
        {
            var (indicator, area, areaType, areaName, period, sex, categoryType, category) = key.Read(row);
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = indicator.Key,
                Area = area,
                AreaType = areaType,
                AreaName = areaName,
                Period = period,
                Sex = sex,
                Age = row.Words(age, max: 48) ?? string.Empty,
                CategoryType = categoryType,
                Category = category,
                Count = row.Count(count, batch, "count") ?? throw row.Reject(count, "a value is required (the count of events or people)"),
                Denominator = row.Count(denominator, batch, "denominator"),
                Value = row.Figure(value, batch, "value"),
                Lower95 = row.Figure(lower95, batch, "lower 95 % limit"),
                Upper95 = row.Figure(upper95, batch, "upper 95 % limit"),
                Lower998 = row.Figure(lower998, batch, "lower 99.8 % limit"),
                Upper998 = row.Figure(upper998, batch, "upper 99.8 % limit"),
                ValueNote = row.Note(note, batch),
            });
        };
    }
}
