using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>The column names MHCLG gives the Indices of Deprivation in every file of both editions.</summary>
public static class IodColumns
{
    public static string LsoaCode(IodVintage v) => $"LSOA code ({v.LsoaRelease().Year})";

    public static string LsoaName(IodVintage v) => $"LSOA name ({v.LsoaRelease().Year})";

    public static string DistrictCode(IodVintage v) => $"Local Authority District code ({v.DistrictRelease().Year})";

    public static string DistrictName(IodVintage v) => $"Local Authority District name ({v.DistrictRelease().Year})";

    public static IReadOnlyList<string> Identifiers(IodVintage v) => [LsoaCode(v), LsoaName(v), DistrictCode(v), DistrictName(v)];

    /// <summary>"Index of Multiple Deprivation (IMD)", "Income", "Education, Skills and Training", …</summary>
    public static string Title(DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Imd => "Index of Multiple Deprivation (IMD)",
        DeprivationDomain.Education => "Education, Skills and Training",
        DeprivationDomain.Health => "Health Deprivation and Disability",
        DeprivationDomain.Barriers => "Barriers to Housing and Services",
        DeprivationDomain.LivingEnvironment => "Living Environment",
        _ => domain.ToString(),
    };

    public static string Rank(DeprivationDomain d) => $"{Title(d)} Rank (where 1 is most deprived)";

    /// <summary>The decile's header, also as IoD2025's File 1 publishes it: cut off after "10% of LSOA".</summary>
    public static string Decile(DeprivationDomain d) =>
        $"{Title(d)} Decile (where 1 is most deprived 10% of LSOAs)|{Title(d)} Decile (where 1 is most deprived 10% of LSOA";

    public static string Score(DeprivationDomain d) =>
        $"{Title(d)} Score" + (d is DeprivationDomain.Income or DeprivationDomain.Employment ? " (rate)" : string.Empty);

    /// <summary>The IMD and its seven domains, in the files' order.</summary>
    public static readonly IReadOnlyList<DeprivationDomain> Measures = [DeprivationDomain.Imd, .. DeprivationDomains.Seven];

    /// <summary>
    /// Reads the four identifying columns of a row: the LSOA (unique in the file), its name, its district and the
    /// district's name; the file lists every LSOA and every district of its edition.
    /// </summary>
    public static AreaCode LsoaAndDistrict(TableRow row, ColumnMap columns, ReaderContext context, IodVintage vintage)
    {
        var lsoaColumn = columns[LsoaCode(vintage)];
        var lsoa = row.Code(lsoaColumn, "E01");
        context.Unique(row, lsoaColumn, lsoa.Value);
        var district = row.District(columns[DistrictCode(vintage)]);
        context.Release(AreaType.Lsoa, vintage.LsoaRelease());
        context.Release(AreaType.District, vintage.DistrictRelease());
        context.Listed(lsoa, AreaType.Lsoa, vintage.LsoaRelease(), row.Text(columns[LsoaName(vintage)]));
        context.Listed(district, AreaType.District, vintage.DistrictRelease(), row.Text(columns[DistrictName(vintage)]));
        context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, vintage.DistrictRelease());
        return lsoa;
    }

    /// <summary>A national rank and its decile, which must agree (decile 1 = the first tenth of the edition's LSOAs).</summary>
    public static (int Rank, int Decile) RankAndDecile(TableRow row, int rankColumn, int decileColumn, NumberStyle style, IodVintage vintage)
    {
        var rank = row.Integer(rankColumn, style, 1, vintage.LsoaCount());
        var decile = row.Integer(decileColumn, NumberStyle.Plain, 1, 10);
        var expected = LsoaDeprivation.DecileOfRank(rank, vintage);
        if (decile != expected)
            throw row.Reject(decileColumn, $"decile {decile} does not match rank {rank} (national decile {expected})");
        return (rank, decile);
    }
}
