using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Fingertips' values by GP practice in its short layout (indicator 93553, the IMD score of a practice's registered
/// population): IndicatorID, Year, AreaCode, AreaName, IsAreaCurrent, Value. Practices Fingertips marks as no longer
/// current (IsAreaCurrent 0) are kept, and counted in a note.
/// </summary>
public sealed class PracticeScoreReader : IndicatorFileReader
{
    public override string Kind => "fingertips-practice-values";

    public override string Description => "OHID Fingertips values by GP practice (IndicatorID, Year, AreaCode, AreaName, IsAreaCurrent, Value)";

    public override string Publisher => "OHID Fingertips";

    protected override TableLayout Layout { get; } = new("Fingertips practice values", ["IndicatorID", "Year", "AreaCode", "AreaName", "IsAreaCurrent", "Value"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var (id, year, code, name, current, value) = (columns["IndicatorID"], columns["Year"], columns["AreaCode"], columns["AreaName"], columns["IsAreaCurrent"], columns["Value"]);
        batch.Reads(id, year, code, current);
        FingertipsExportReader.MapColumns(batch, (StagedField.Value, value), (StagedField.AreaName, name));
        return row =>
        {
            var indicator = batch.Indicator(row.IndicatorNumber(id) ?? throw row.Reject(id, "a value is required"), string.Empty);
            var area = row.AreaCode(code, batch);
            var isCurrent = row.Span(current).Trim();
            if (isCurrent is "0") batch.Tally("{n} rows are of areas Fingertips marks as no longer current (IsAreaCurrent 0): kept, as areas of their own vintage");
            else if (isCurrent is not "1") throw row.Reject(current, $"'{isCurrent}' is not 1 or 0");
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = indicator.Key,
                Area = area,
                AreaType = row.AreaType(area, -1, code, AreaType.Practice),
                AreaName = row.Words(name) ?? area.Value,
                Period = row.Period(year),
                Value = row.Figure(value, batch, "Value"),
            });
        };
    }
}
