using Commonweal.Core.Statistics;

namespace Commonweal.Core.Places;

/// <summary>
/// One edition of the Indices of Deprivation for one LSOA: national rank (1 = most deprived), decile (1 = most
/// deprived 10 %) and score of the IMD and of each of its seven domains. Each IoD file fills its own part, so any
/// part may be missing (null). An LSOA unchanged between 2011 and 2021 has a row for each edition.
/// </summary>
public sealed class LsoaDeprivation
{
    public required AreaCode Lsoa { get; init; }

    public required IodVintage Vintage { get; init; }

    public int? ImdRank { get; set; }
    public int? ImdDecile { get; set; }
    public double? ImdScore { get; set; }
    public double? IncomeScore { get; set; }
    public double? EmploymentScore { get; set; }
    public double? EducationScore { get; set; }
    public double? HealthScore { get; set; }
    public double? CrimeScore { get; set; }
    public double? BarriersScore { get; set; }
    public double? LivingEnvironmentScore { get; set; }
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

    /// <summary>The domain's score: a rate for income and employment (0.75 = 75 %), an index for the others.</summary>
    public double? Score(DeprivationDomain domain) => domain switch
    {
        DeprivationDomain.Imd => ImdScore,
        DeprivationDomain.Income => IncomeScore,
        DeprivationDomain.Employment => EmploymentScore,
        DeprivationDomain.Education => EducationScore,
        DeprivationDomain.Health => HealthScore,
        DeprivationDomain.Crime => CrimeScore,
        DeprivationDomain.Barriers => BarriersScore,
        DeprivationDomain.LivingEnvironment => LivingEnvironmentScore,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public void SetScore(DeprivationDomain domain, double score)
    {
        switch (domain)
        {
            case DeprivationDomain.Imd: ImdScore = score; break;
            case DeprivationDomain.Income: IncomeScore = score; break;
            case DeprivationDomain.Employment: EmploymentScore = score; break;
            case DeprivationDomain.Education: EducationScore = score; break;
            case DeprivationDomain.Health: HealthScore = score; break;
            case DeprivationDomain.Crime: CrimeScore = score; break;
            case DeprivationDomain.Barriers: BarriersScore = score; break;
            case DeprivationDomain.LivingEnvironment: LivingEnvironmentScore = score; break;
            default: throw new ArgumentOutOfRangeException(nameof(domain));
        }
    }

    /// <summary>The property names of a domain's rank, decile and score, for writing only the columns a file fills.</summary>
    public static IEnumerable<string> Columns(DeprivationDomain domain, bool rankAndDecile = true, bool score = false)
    {
        var name = domain.ToString();
        if (rankAndDecile)
        {
            yield return name + "Rank";
            yield return name + "Decile";
        }

        if (score) yield return name + "Score";
    }

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

    /// <summary>
    /// National decile of a rank as MHCLG cuts them: decile 1 = ranks 1–3,284 of IoD2019's 32,844 LSOAs, and ranks
    /// 1–3,375 of IoD2025's 33,755.
    /// </summary>
    public static int DecileOfRank(int rank, IodVintage vintage) => Quantiles.OfRank(rank, vintage.LsoaCount(), 10);
}
