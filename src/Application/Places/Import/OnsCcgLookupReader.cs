using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>ONS lookup LSOA (2011) → CCG (2020, now sub-ICB locations) → LAD (2020), England.</summary>
public sealed class OnsCcgLookupReader : CsvReaderBase
{
    public static readonly DateOnly CcgVintage = new(2020, 4, 1);

    public override string Kind => "ons-lsoa-ccg-lad";

    public override string Description => "ONS lookup: LSOA (2011) to CCG (2020) to LAD (2020)";

    public override string FolderPattern => "geography/LSOA11_CCG20_LAD20_EN_LU.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } = ["FID", "LSOA11CD", "LSOA11NM", "CCG20CD", "CCG20CDH", "CCG20NM", "LAD20CD", "LAD20NM"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        row.Integer(0, NumberStyle.Plain, 1);
        var lsoa = row.Code(1, "E01");
        context.Unique(row, 1, lsoa.Value);
        var subIcb = OnsColumns.SubIcb(row, 3, 4, context, row.Text(5));
        var district = OnsColumns.District(row, 6);
        context.Area(lsoa, row.Text(2), AreaType.Lsoa);
        context.Area(district, row.Text(7), AreaType.District, ifMissing: true);
        context.Member(lsoa, AreaType.Lsoa, subIcb, AreaType.SubIcb, CcgVintage);
    }
}
