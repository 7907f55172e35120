using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The key columns Commonweal's own formats share: indicator_id and/or indicator_name, area_code, area_name,
/// area_type (the product's AreaType names or a publisher's label; else the code says), period, sex, category_type,
/// category.
/// </summary>
public sealed class GenericColumns
{
    private readonly IndicatorBatch batch;
    private readonly int id;
    private readonly int name;
    private readonly int code;
    private readonly int areaName;
    private readonly int areaType;
    private readonly int period;
    private readonly int sex;
    private readonly int categoryType;
    private readonly int category;

    private GenericColumns(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        this.batch = batch;
        id = table.OptionalColumn("indicator_id");
        name = table.OptionalColumn("indicator_name");
        if (id < 0 && name < 0) throw batch.Reject(table.HeaderLine, null, "the required column 'indicator_id' or 'indicator_name' is missing (one of them names the indicator)");
        code = columns["area_code"];
        period = columns["period"];
        areaName = table.OptionalColumn("area_name");
        areaType = table.OptionalColumn("area_type");
        sex = table.OptionalColumn("sex");
        categoryType = table.OptionalColumn("category_type");
        category = table.OptionalColumn("category");
        batch.Reads(id, name, code, period, areaType, categoryType, category);
        FingertipsExportReader.MapColumns(batch, (StagedField.AreaName, areaName), (StagedField.Sex, sex));
    }

    public static GenericColumns Find(Table table, ColumnMap columns, IndicatorBatch batch) => new(table, columns, batch);

    /// <summary>The row's key: its indicator, area (code, type, name), period, sex and category.</summary>
    public (IndicatorDescription Indicator, AreaCode Area, AreaType AreaType, string AreaName, IndicatorPeriod Period, Sex Sex, string CategoryType, string Category) Read(TableRow row)
    {
        var number = row.IndicatorNumber(id);
        var indicatorName = name >= 0 ? row.Text(name, required: false) : string.Empty;
        if (number is null && string.IsNullOrWhiteSpace(indicatorName))
            throw row.Reject(id >= 0 ? id : name, "a row needs an indicator_id or an indicator_name");
        var area = row.AreaCode(code, batch);
        AreaType type;
        if (areaType >= 0 && AreaTypeNames.TryParse(row.Text(areaType, required: false), out var named))
            type = named;
        else
            type = row.AreaType(area, areaType, code);
        return (batch.Indicator(number, indicatorName), area, type, row.Words(areaName) ?? area.Value, row.Period(period), row.Sex(sex, batch),
            row.Words(categoryType) ?? string.Empty, row.Words(category) ?? string.Empty);
    }
}
