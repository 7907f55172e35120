using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>IoD2019 File 2 (MHCLG): rank and decile of the IMD and of its seven domains for every English LSOA. Plain numbers.</summary>
public sealed class IodDomainsReader : CsvReaderBase
{
    private static readonly DeprivationDomain[] Order =
    [
        DeprivationDomain.Imd, DeprivationDomain.Income, DeprivationDomain.Employment, DeprivationDomain.Education,
        DeprivationDomain.Health, DeprivationDomain.Crime, DeprivationDomain.Barriers, DeprivationDomain.LivingEnvironment,
    ];

    public override string Kind => "iod-domains";

    public override string Description => "IoD2019 File 2: ranks and deciles of the IMD and its seven domains by LSOA (MHCLG)";

    public override string FolderPattern => "deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Present;

    protected override IReadOnlyList<string> Header { get; } =
    [
        "LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)",
        "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)", "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)",
        "Income Rank (where 1 is most deprived)", "Income Decile (where 1 is most deprived 10% of LSOAs)",
        "Employment Rank (where 1 is most deprived)", "Employment Decile (where 1 is most deprived 10% of LSOAs)",
        "Education, Skills and Training Rank (where 1 is most deprived)", "Education, Skills and Training Decile (where 1 is most deprived 10% of LSOAs)",
        "Health Deprivation and Disability Rank (where 1 is most deprived)", "Health Deprivation and Disability Decile (where 1 is most deprived 10% of LSOAs)",
        "Crime Rank (where 1 is most deprived)", "Crime Decile (where 1 is most deprived 10% of LSOAs)",
        "Barriers to Housing and Services Rank (where 1 is most deprived)", "Barriers to Housing and Services Decile (where 1 is most deprived 10% of LSOAs)",
        "Living Environment Rank (where 1 is most deprived)", "Living Environment Decile (where 1 is most deprived 10% of LSOAs)",
    ];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var deprivation = new LsoaDeprivation { Lsoa = IodColumns.LsoaAndDistrict(row, context) };
        for (var i = 0; i < Order.Length; i++)
        {
            var rank = row.Integer(4 + (2 * i), NumberStyle.Plain, 1, LsoaDeprivation.EnglishLsoaCount);
            deprivation.Set(Order[i], rank, IodColumns.Decile(row, 5 + (2 * i), rank));
        }

        context.Batch.Deprivation.Add(deprivation);
    }

    protected override void Finish(ReaderContext context) =>
        context.Batch.DeprivationColumns.AddRange(typeof(LsoaDeprivation).GetProperties()
            .Where(p => p.Name.EndsWith("Rank", StringComparison.Ordinal) || p.Name.EndsWith("Decile", StringComparison.Ordinal))
            .Select(p => p.Name));
}
