using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>IoD2019 File 1 (MHCLG): IMD rank and decile of every English LSOA. Ranks are quoted with thousands separators.</summary>
public sealed class IodImdReader : CsvReaderBase
{
    public static readonly DateOnly LadVintage = new(2019, 4, 1);

    public override string Kind => "iod-imd";

    public override string Description => "IoD2019 File 1: IMD rank and decile by LSOA (MHCLG)";

    public override string FolderPattern => "deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Present;

    protected override IReadOnlyList<string> Header { get; } =
    [
        "LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)",
        "Index of Multiple Deprivation (IMD) Rank", "Index of Multiple Deprivation (IMD) Decile",
    ];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var lsoa = IodColumns.LsoaAndDistrict(row, context);
        var rank = row.Integer(4, NumberStyle.Grouped, 1, LsoaDeprivation.EnglishLsoaCount);
        var decile = IodColumns.Decile(row, 5, rank);
        var deprivation = new LsoaDeprivation { Lsoa = lsoa };
        deprivation.Set(DeprivationDomain.Imd, rank, decile);
        context.Batch.Deprivation.Add(deprivation);
    }

    protected override void Finish(ReaderContext context) =>
        context.Batch.DeprivationColumns.AddRange([nameof(LsoaDeprivation.ImdRank), nameof(LsoaDeprivation.ImdDecile)]);
}

/// <summary>Columns the IoD2019 files share: LSOA and district in the first four, deciles that must agree with ranks.</summary>
internal static class IodColumns
{
    public static AreaCode LsoaAndDistrict(CsvRow row, ReaderContext context)
    {
        var lsoa = row.Code(0, "E01");
        context.Unique(row, 0, lsoa.Value);
        var lsoaName = row.Text(1);
        var district = row.Code(2);
        if (district.GssEntity is not ("E06" or "E07" or "E08" or "E09"))
            throw row.Reject(2, $"unknown area code '{district}': expected a district or unitary authority code (E06–E09)");
        context.Area(lsoa, lsoaName, AreaType.Lsoa);
        context.Area(district, row.Text(3), AreaType.District);
        context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, IodImdReader.LadVintage);
        return lsoa;
    }

    public static int Decile(CsvRow row, int column, int rank)
    {
        var decile = row.Integer(column, NumberStyle.Plain, 1, 10);
        var expected = LsoaDeprivation.DecileOfRank(rank);
        if (decile != expected)
            throw row.Reject(column, $"decile {decile} does not match rank {rank} (national decile {expected})");
        return decile;
    }
}
