using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// NHS Digital "GP practice to PCN map" (gp-reg-pat-prac-map): every practice in England with its PCN, CCG
/// (sub-ICB), STP (ICB) and commissioning region at the extract date. PCN code "U" means not in a PCN.
/// </summary>
public sealed class PracticeMapReader : CsvReaderBase
{
    public override string Kind => "nhs-practice-map";

    public override string Description => "NHS Digital: GP practice to PCN, CCG, ICB and region map";

    public override string FolderPattern => "primary-care/gp-reg-pat-prac-map_*.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } =
    [
        "PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
        "ONS_CCG_CODE", "CCG_CODE", "CCG_NAME", "ONS_STP_CODE", "STP_CODE", "STP_NAME", "ONS_COMM_REGION_CODE",
        "COMM_REGION_CODE", "COMM_REGION_NAME",
    ];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var from = NhsDates.Extract(row, 1);
        var practice = row.Code(2, scheme: AreaCodeScheme.OdsPractice);
        context.Unique(row, 2, practice.Value);
        context.Area(practice, row.Text(3), AreaType.Practice);
        var subIcb = OnsColumns.SubIcb(row, 7, 8, context, row.Text(9));
        var icb = row.Code(11, scheme: AreaCodeScheme.OdsIcb);
        context.Area(icb, row.Text(12), AreaType.Icb, row.Code(10, "E54").Value, ifMissing: true);
        var region = row.Code(13, "E40");
        context.Area(region, row.Text(15), AreaType.Region, row.Text(14));

        context.Member(practice, AreaType.Practice, subIcb, AreaType.SubIcb, from);
        context.Member(subIcb, AreaType.SubIcb, icb, AreaType.Icb, from);
        context.Member(icb, AreaType.Icb, region, AreaType.Region, from);

        if (row.Text(5) == "U")
        {
            context.Skipped++;
            return;
        }

        var pcn = row.Code(5, scheme: AreaCodeScheme.OdsPcn);
        context.Area(pcn, row.Text(6), AreaType.Pcn);
        context.Member(practice, AreaType.Practice, pcn, AreaType.Pcn, from);
        context.Member(pcn, AreaType.Pcn, subIcb, AreaType.SubIcb, from);
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} practices are not in a PCN (PCN code U, \"Unallocated\")");
    }
}
