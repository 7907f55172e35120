using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>ONS lookup CCG (2020) → STP (2020, the footprints that became ICBs). The ICB is keyed by its ODS code (QH8).</summary>
public sealed class OnsCcgStpLookupReader : CsvReaderBase
{
    public override string Kind => "ons-ccg-stp";

    public override string Description => "ONS lookup: CCG (2020) to STP/ICB (2020)";

    public override string FolderPattern => "geography/CCG20_STP20_EN_LU.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } = ["FID", "CCG20CD", "CCG20CDH", "CCG20NM", "STP20CD", "STP20CDH", "STP20NM"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        row.Integer(0, NumberStyle.Plain, 1);
        var subIcb = OnsColumns.SubIcb(row, 1, 2, context, row.Text(3));
        context.Unique(row, 1, subIcb.Value);
        var stp = row.Code(4, "E54");
        var icb = row.Code(5, scheme: AreaCodeScheme.OdsIcb);
        context.Area(icb, row.Text(6), AreaType.Icb, stp.Value, ifMissing: true);
        context.Member(subIcb, AreaType.SubIcb, icb, AreaType.Icb, OnsCcgLookupReader.CcgVintage);
    }
}
