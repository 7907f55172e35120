using Commonweal.Core.Statistics;

namespace Commonweal.Core.Places;

/// <summary>
/// IoD2019 for one LSOA: national rank (1 = most deprived of 32,844) and decile (1 = most deprived 10 %) of the
/// IMD and of each of its seven domains, plus the IMD score. Each IoD file fills its own part, so any part may be
/// missing (null).
/// </summary>
public sealed class LsoaDeprivation
{
    public const int EnglishLsoaCount = 32_844;

    public required AreaCode Lsoa { get; init; }

    public int? ImdRank { get; set; }
    public int? ImdDecile { get; set; }
    public double? ImdScore { get; set; }
    public int? IncomeRank { get; set; }
    public int? IncomeDecile { get; set; }
    public int? EmploymentRank { get; set; }
    public int? EmploymentDecile { get; set; }
    public int? EducationRank { get; set; }
    public int? EducationDecile { get; set; }
    public int? HealthRank { get; set; }
    public int? HealthDecile { get; set; }
    public int? CrimeRank { get; set; }
    public int? CrimeDecile { get; set; }
    public int? BarriersRank { get; set; }
    public int? BarriersDecile { get; set; }
    public int? LivingEnvironmentRank { get; set; }
    public int? LivingEnvironmentDecile { get; set; }

    /// <summary>Core20: in the most deprived 20 % of LSOAs nationally (IMD deciles 1–2).</summary>
    public bool IsCore20 => ImdDecile is 1 or 2;

    public int? Rank(DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Imd => ImdRank,
        DeprivationDomain.Income => IncomeRank,
        DeprivationDomain.Employment => EmploymentRank,
        DeprivationDomain.Education => EducationRank,
        DeprivationDomain.Health => HealthRank,
        DeprivationDomain.Crime => CrimeRank,
        DeprivationDomain.Barriers => BarriersRank,
        DeprivationDomain.LivingEnvironment => LivingEnvironmentRank,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public int? Decile(DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Imd => ImdDecile,
        DeprivationDomain.Income => IncomeDecile,
        DeprivationDomain.Employment => EmploymentDecile,
        DeprivationDomain.Education => EducationDecile,
        DeprivationDomain.Health => HealthDecile,
        DeprivationDomain.Crime => CrimeDecile,
        DeprivationDomain.Barriers => BarriersDecile,
        DeprivationDomain.LivingEnvironment => LivingEnvironmentDecile,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public void Set(DeprivationDomain domain, int rank, int decile)
    {
        switch (domain)
        {
            case DeprivationDomain.Imd: ImdRank = rank; ImdDecile = decile; break;
            case DeprivationDomain.Income: IncomeRank = rank; IncomeDecile = decile; break;
            case DeprivationDomain.Employment: EmploymentRank = rank; EmploymentDecile = decile; break;
            case DeprivationDomain.Education: EducationRank = rank; EducationDecile = decile; break;
            case DeprivationDomain.Health: HealthRank = rank; HealthDecile = decile; break;
            case DeprivationDomain.Crime: CrimeRank = rank; CrimeDecile = decile; break;
            case DeprivationDomain.Barriers: BarriersRank = rank; BarriersDecile = decile; break;
            case DeprivationDomain.LivingEnvironment: LivingEnvironmentRank = rank; LivingEnvironmentDecile = decile; break;
            default: throw new ArgumentOutOfRangeException(nameof(domain));
        }
    }

    /// <summary>National decile of a rank among <paramref name="count"/> LSOAs as MHCLG cuts them (decile 1 = ranks 1–3,284 of 32,844).</summary>
    public static int DecileOfRank(int rank, int count = EnglishLsoaCount) => Quantiles.OfRank(rank, count, 10);
}
