using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// ONS Explore Local Statistics' indicator files: areacd, areanm, geography, indicator, period, observation, measure,
/// unit, lci_95, uci_95, status, notes. Periods are ISO 8601 intervals (2013-01-01/P3Y), relabelled as Fingertips
/// labels them where they span whole calendar or financial years (2013 - 15); an indicator named for one sex ("Male
/// healthy life expectancy") is the indicator ("Healthy life expectancy") for that sex. The status and notes are the
/// value's note.
/// </summary>
public sealed class ExploreLocalStatisticsReader : IndicatorFileReader
{
    public override string Kind => "ons-explore-local-statistics";

    public override string Description => "ONS Explore Local Statistics indicator file (areacd, areanm, geography, indicator, period, observation …)";

    public override string Publisher => "ONS Explore Local Statistics";

    protected override TableLayout Layout { get; } = new("ONS Explore Local Statistics",
        ["areacd", "areanm", "geography", "indicator", "period", "observation", "measure", "unit"]) { Exact = false };

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var (code, name, geography, indicator, period, observation, measure, unit) = (columns["areacd"], columns["areanm"], columns["geography"],
            columns["indicator"], columns["period"], columns["observation"], columns["measure"], columns["unit"]);
        var lower = table.OptionalColumn("lci_95");
        var upper = table.OptionalColumn("uci_95");
        var status = table.OptionalColumn("status");
        var notes = table.OptionalColumn("notes");
        batch.Reads(code, geography, indicator, period, measure, unit, status, notes);
        FingertipsExportReader.MapColumns(batch, (StagedField.Value, observation), (StagedField.Lower95, lower), (StagedField.Upper95, upper), (StagedField.AreaName, name));
        var relabelled = 0;
        return row =>
        {
            var (sex, named) = SexOfName(IndicatorBatch.Clean(row.Text(indicator)));
            var described = batch.Indicator(null, named, row.Words(measure, na: true), row.Words(unit, na: true));
            var area = row.AreaCode(code, batch);
            var published = row.Period(period);
            var label = PeriodLabels.AsFingertips(published);
            if (!ReferenceEquals(label, published) && relabelled++ == 0)
                batch.Notes.Add($"periods written as ISO 8601 intervals are labelled as Fingertips labels them where they span whole years (e.g. {published.Label} as {label.Label})");
            var state = row.Words(status, na: true);
            var note = row.Note(notes, batch);
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = described.Key,
                Area = area,
                AreaType = row.AreaType(area, geography, code),
                AreaName = row.Words(name) ?? area.Value,
                Period = label,
                Sex = sex,
                Value = row.Figure(observation, batch, "observation"),
                Lower95 = row.Figure(lower, batch, "lower 95 % limit"),
                Upper95 = row.Figure(upper, batch, "upper 95 % limit"),
                ValueNote = state is null ? note : note is null ? $"status {state}" : $"status {state}; {note}",
            });
        };
    }

    /// <summary>"Male healthy life expectancy" → (Male, "Healthy life expectancy"); other names are of persons.</summary>
    private static (Sex Sex, string Name) SexOfName(string name)
    {
        foreach (var (word, sex) in new[] { ("Male ", Sex.Male), ("Female ", Sex.Female), ("Males ", Sex.Male), ("Females ", Sex.Female) })
        {
            if (name.StartsWith(word, StringComparison.OrdinalIgnoreCase) && name.Length > word.Length)
                return (sex, char.ToUpperInvariant(name[word.Length]) + name[(word.Length + 1)..]);
        }

        return (Sex.Persons, name);
    }
}
