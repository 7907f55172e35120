using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// ONS mid-2019 population estimates, total per LSOA/data zone for the UK (<c>lsoa,pop</c>, counts quoted with
/// thousands separators, a final "Grand Total" row). English LSOAs are loaded; the rest are noted.
/// </summary>
public sealed class OnsPopulationReader : CsvReaderBase
{
    public static readonly DateOnly Period = new(2019, 6, 30);

    public override string Kind => "ons-population-mid2019";

    public override string Description => "ONS mid-2019 population estimates by LSOA";

    public override string FolderPattern => "population/lsoa_population_mid2019.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Present;

    protected override IReadOnlyList<string> Header { get; } = ["lsoa", "pop"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var text = row.Text(0);
        if (text == "Grand Total")
        {
            row.Whole(1, NumberStyle.Plain); // the publisher writes the total without separators
            return;
        }

        if (!text.StartsWith('E'))
        {
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(0, "E01");
        context.Unique(row, 0, lsoa.Value);
        var count = row.Whole(1, NumberStyle.Grouped);
        if (count < 0) throw row.Reject(1, "a population cannot be negative");
        context.Batch.Populations.Add(new PopulationCount(lsoa, PopulationKind.Resident, Period, Sex.Persons, AgeBand.All, count));
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} rows for Wales, Scotland and Northern Ireland were not loaded (Commonweal covers England)");
    }
}
