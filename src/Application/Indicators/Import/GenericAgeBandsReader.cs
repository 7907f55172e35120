using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Commonweal's own format of age-specific counts (docs/indicator-formats.md): the events and population of each
/// age band of an area, period, sex and category, from which a directly standardised rate (the European Standard
/// Population's five-year bands) or a life expectancy (the life table's bands 0, 1-4, …, 90+) is worked out, and
/// which are kept so that rates can be added up across areas. Columns by name: the key columns of
/// <see cref="GenericColumns"/>, age_band, count, population.
/// </summary>
public sealed class GenericAgeBandsReader : IndicatorFileReader
{
    public override string Kind => "commonweal-age-bands";

    public override string Description => "Commonweal's age-band format (indicator, area, period, sex, category, age_band, count, population; docs/indicator-formats.md)";

    public override string Publisher => "Local data (Commonweal age-band format)";

    public override string Licence => string.Empty;

    protected override TableLayout Layout { get; } = new("Commonweal age bands", ["area_code", "period", "age_band", "count", "population"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var key = GenericColumns.Find(table, columns, batch);
        var (band, count, population) = (columns["age_band"], columns["count"], columns["population"]);
        FingertipsExportReader.MapColumns(batch, (StagedField.Age, band), (StagedField.Count, count), (StagedField.Denominator, population));
        return row =>
        {
            var (indicator, area, areaType, areaName, period, sex, categoryType, category) = key.Read(row);
            batch.AgeCounts.Add(new StagedAgeCount
            {
                Line = row.Line,
                IndicatorKey = indicator.Key,
                Area = area,
                AreaType = areaType,
                AreaName = areaName,
                Period = period,
                Sex = sex,
                CategoryType = categoryType,
                Category = category,
                AgeBand = Band(row, band),
                Count = row.Count(count, batch, "count") ?? throw row.Reject(count, "a value is required (the events in the band)"),
                Population = row.Count(population, batch, "population") is { Value: > 0 } people ? people : throw row.Reject(population, "a population greater than zero is required"),
            });
        };
    }

    protected override void Finish(IndicatorBatch batch)
    {
        foreach (var group in batch.AgeCounts.GroupBy(c => (c.IndicatorKey, c.Area, c.Period.Label, c.Sex, c.CategoryType, c.Category)))
        {
            var bands = group.Select(c => c.AgeBand).ToList();
            if (AgeBandValues.Problem(bands) is { } problem)
                throw batch.Reject(group.First().Line, StagedField.Age, $"the age bands of {group.Key.Area} {group.Key.Label} {group.Key.Sex} ({string.Join(", ", bands.Select(b => b.Code))}): {problem}");
        }
    }

    /// <summary>"0-4", "90+", "0" (under one), "&lt;1", "1-4", with or without " yrs".</summary>
    private static AgeBand Band(TableRow row, int index)
    {
        var text = row.Text(index).Trim();
        var bare = text.EndsWith(" yrs", StringComparison.OrdinalIgnoreCase) ? text[..^4] : text;
        if (bare is "0" or "<1") return AgeBand.Range(0, 0);
        return AgeBand.TryParse(bare, out var band) && band != AgeBand.All && band != AgeBand.WorkingAge
            ? band
            : throw row.Reject(index, $"'{text}' is not an age band (e.g. 0-4, 85-89, 90+, or 0 for under one)");
    }
}
