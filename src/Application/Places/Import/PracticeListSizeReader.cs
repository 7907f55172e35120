using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>NHS Digital "Patients registered at a GP practice" (gp-reg-pat-prac-all): list size per practice at the extract date.</summary>
public sealed class PracticeListSizeReader : CsvReaderBase
{
    public override string Kind => "nhs-list-sizes";

    public override string Description => "NHS Digital: patients registered at each GP practice";

    public override string FolderPattern => "primary-care/gp-reg-pat-prac-all_*.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } =
        ["PUBLICATION", "EXTRACT_DATE", "TYPE", "CCG_CODE", "ONS_CCG_CODE", "CODE", "POSTCODE", "SEX", "AGE", "NUMBER_OF_PATIENTS"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var period = NhsDates.Extract(row, 1);
        if (row.Text(2) != "GP") throw row.Reject(2, $"'{row.Text(2)}' is not a practice row (TYPE GP)");
        var practice = row.Code(5, scheme: AreaCodeScheme.OdsPractice);
        if (row.Text(7) != "ALL") throw row.Reject(7, "only all-persons rows (SEX = ALL) are read from this file");
        if (row.Text(8) != "ALL") throw row.Reject(8, "only all-ages rows (AGE = ALL) are read from this file");
        context.Unique(row, 5, practice.Value);
        var count = row.Whole(9, NumberStyle.Plain);
        if (count < 0) throw row.Reject(9, "a list size cannot be negative");
        context.Batch.Populations.Add(new PopulationCount(practice, PopulationKind.Registered, period, Sex.Persons, AgeBand.All, count));
    }
}
