using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Fingertips values as the Trafford Data Lab's scripts (and the district profiles built with them) keep them: one
/// value per area, period and indicator with the indicator's name, measure and unit, and Fingertips' comparison with
/// England — area_code, area_name, [area_type,] period, value, indicator, measure, unit, and compared_to_England or
/// significance; the sex stands in whichever of unit, inequality or group holds it. "NA" is a missing value. These
/// files name their indicator without its number: it is found by name (<see cref="IndicatorIds"/>).
/// </summary>
public sealed class DistrictProfileReader : IndicatorFileReader
{
    public override string Kind => "fingertips-derived-series";

    public override string Description => "Fingertips values by area and period with the indicator's name, measure and unit (Trafford Data Lab layout; district profiles)";

    public override string Publisher => "OHID Fingertips (via the Trafford Data Lab's district profiles)";

    protected override TableLayout Layout { get; } = new("Fingertips-derived series",
        ["area_code", "area_name", "period", "value", "indicator", "measure", "unit"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var (code, name, period, value, indicator, measure, unit) = (columns["area_code"], columns["area_name"], columns["period"], columns["value"],
            columns["indicator"], columns["measure"], columns["unit"]);
        var areaType = table.OptionalColumn("area_type");
        var compared = table.OptionalColumn("compared_to_England", "significance");
        var inequality = table.OptionalColumn("inequality");
        var group = table.OptionalColumn("group");
        batch.Reads(code, period, indicator, measure, unit, areaType, inequality, group);
        FingertipsExportReader.MapColumns(batch, (StagedField.Value, value), (StagedField.Comparison, compared), (StagedField.AreaName, name));
        return row =>
        {
            // The sex is in the unit (Persons, Male, Female), else in inequality or group; a unit that is no sex is the unit.
            var unitText = row.Words(unit, na: true);
            var sex = Sex.Persons;
            var unitIsSex = unitText is not null && FieldReading.TryReadSex(unitText, out sex);
            var sexStated = unitIsSex || SexIn(row, inequality, ref sex) || SexIn(row, group, ref sex);
            var isUnit = unitText is not null && !unitIsSex;
            var described = batch.Indicator(null, row.Text(indicator), row.Words(measure, na: true), isUnit ? unitText : null);
            var area = row.AreaCode(code, batch);
            if (!sexStated) batch.Tally("{n} rows give no sex: read as Persons");
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = described.Key,
                Area = area,
                AreaType = row.AreaType(area, areaType, code, AreaType.District),
                AreaName = row.Words(name) ?? area.Value,
                Period = row.Period(period),
                Sex = sex,
                Value = row.Figure(value, batch, "value"),
                Comparison = row.Words(compared, na: true, max: 64),
            });
        };
    }

    private static bool SexIn(TableRow row, int index, ref Sex sex)
    {
        if (row.Words(index, na: true) is not { } text) return false;
        if (FieldReading.TryReadSex(text, out var found))
        {
            sex = found;
            return true;
        }

        throw row.Reject(index, $"'{text}' is not a sex (Persons, Male or Female)");
    }
}
