using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>ONS lookup LSOA (2011) → electoral ward (2019) → local authority district (2019), England and Wales; England is loaded.</summary>
public sealed class OnsWardLookupReader : CsvReaderBase
{
    public static readonly DateOnly WardVintage = new(2019, 5, 2);

    public override string Kind => "ons-lsoa-ward-lad";

    public override string Description => "ONS lookup: LSOA (2011) to electoral ward (2019) to LAD (2019)";

    public override string FolderPattern => "geography/LSOA11_WD19_LAD19_EW_LU.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } = ["FID", "LSOA11CD", "LSOA11NM", "WD19CD", "WD19NM", "LAD19CD", "LAD19NM"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        row.Integer(0, NumberStyle.Plain, 1);
        if (row.Text(1).StartsWith('W'))
        {
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(1, "E01");
        context.Unique(row, 1, lsoa.Value);
        var ward = row.Code(3, "E05");
        var district = OnsColumns.District(row, 5);
        context.Area(lsoa, row.Text(2), AreaType.Lsoa);
        context.Area(ward, row.Text(4), AreaType.Ward);
        context.Area(district, row.Text(6), AreaType.District);
        context.Member(lsoa, AreaType.Lsoa, ward, AreaType.Ward, WardVintage);
        context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, IodImdReader.LadVintage);
        context.Member(ward, AreaType.Ward, district, AreaType.District, WardVintage);
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} Welsh LSOAs were not loaded (Commonweal covers England)");
    }
}

internal static class OnsColumns
{
    public static AreaCode District(CsvRow row, int column)
    {
        var district = row.Code(column);
        if (district.GssEntity is not ("E06" or "E07" or "E08" or "E09"))
            throw row.Reject(column, $"unknown area code '{district}': expected a district or unitary authority code (E06–E09)");
        return district;
    }

    public static AreaCode SubIcb(CsvRow row, int gssColumn, int odsColumn, ReaderContext context, string name)
    {
        var code = row.Code(gssColumn, "E38");
        var ods = row.Code(odsColumn, scheme: AreaCodeScheme.OdsSubIcb);
        context.Area(code, name, AreaType.SubIcb, ods.Value);
        return code;
    }
}
