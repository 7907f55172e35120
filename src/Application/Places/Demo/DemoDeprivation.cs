using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Both editions of the Indices of Deprivation for the demo's LSOAs: IoD2019 on those of 2011 and IoD2025 on those of
/// 2021, each with every district's real count of LSOAs per national IMD decile, national ranks no two LSOAs share, the
/// seven domains correlated with the IMD as in the real indices, and scores read off the real score at each national rank.
/// </summary>
internal static class DemoDeprivation
{
    /// <summary>
    /// How closely an LSOA's national IMD position in IoD2025 follows its IoD2019 one (on the logit scale). Of the 690
    /// LSOAs of Mid and South Essex unchanged in 2021, the real positions correlate at 0.96: half keep their decile and
    /// nine in ten move at most one; so do the demo's.
    /// </summary>
    private const double ImdPersistence = 0.98;

    /// <summary>How much of a domain's departure from the IMD an LSOA keeps from one edition to the next.</summary>
    private const double DomainPersistence = 0.8;

    /// <summary>How strongly each domain's rank follows the IMD rank. Income and employment make up 45 % of the IMD and
    /// track it closely; barriers to housing and services is high in rural areas that are otherwise not deprived.</summary>
    private static readonly (DeprivationDomain Domain, double Correlation)[] DomainCorrelations =
    [
        (DeprivationDomain.Income, 0.95), (DeprivationDomain.Employment, 0.92), (DeprivationDomain.Education, 0.85),
        (DeprivationDomain.Health, 0.88), (DeprivationDomain.Crime, 0.6), (DeprivationDomain.Barriers, 0.2),
        (DeprivationDomain.LivingEnvironment, 0.45),
    ];

    /// <summary>
    /// The real score at some national ranks, from the most deprived LSOA (Jaywick, Tendring 018A: IMD 92.735 in 2019,
    /// 94.223 in 2025) to the least, for each edition and domain; income and employment are rates (0.268 = 26.8 %).
    /// Scores between them are interpolated, so a score falls as the rank rises, steeply among the most deprived, as the
    /// real ones do. IoD2019's scores of the five other domains are not at hand: they take IoD2025's at the same
    /// national position.
    /// </summary>
    private static readonly Dictionary<(IodVintage, DeprivationDomain), (int Rank, double Score)[]> ScoreAtRank = ScoreTables();

    /// <summary>
    /// IoD2019's IMD for a district's 2011 LSOAs, clustered: the LSOAs nearest one to three "pockets" in the district
    /// (more pockets where there are more Core20 LSOAs) take the lowest ranks, so the most deprived areas form contiguous
    /// estates rather than a scatter.
    /// </summary>
    public static void RankIod2019(IReadOnlyList<DemoLsoa> lsoas, int[] decileCounts, HashSet<int> usedRanks, Random rng)
    {
        var pockets = Enumerable.Range(0, 1 + (decileCounts[0] + decileCounts[1]) / 10).Select(_ => lsoas[rng.Next(lsoas.Count)].Cell).ToList();
        var deprivation = lsoas.Select(l => -pockets.Min(p => p.DistanceTo(l.Cell)) + 1.2 * DemoDataset.Normal(rng)).ToArray();
        RankImd(lsoas, deprivation, decileCounts, IodVintage.Iod2019, usedRanks, rng);
    }

    /// <summary>
    /// IoD2025's IMD for a district's 2021 LSOAs: each keeps most of its IoD2019 position (a part, its parent's), and the
    /// district's real IoD2025 decile counts are then dealt out in that order, so most LSOAs keep a similar decile.
    /// </summary>
    public static void RankIod2025(IReadOnlyList<DemoLsoa> lsoas, int[] decileCounts, HashSet<int> usedRanks, Random rng)
    {
        var n2019 = IodVintage.Iod2019.LsoaCount();
        var noise = Math.Sqrt(1 - ImdPersistence * ImdPersistence);
        var deprivation = lsoas
            .Select(l => -(ImdPersistence * Logit(((l.Parent ?? l).Iod2019!.ImdRank!.Value - 0.5) / n2019) + noise * LogisticDraw(rng)))
            .ToArray();
        RankImd(lsoas, deprivation, decileCounts, IodVintage.Iod2025, usedRanks, rng);
    }

    /// <summary>
    /// Each domain's national position is the IMD's, on the logit scale, blended with noise by the domain's correlation;
    /// the blend keeps the spread of a uniform rank. In IoD2025 the noise is mostly the LSOA's (or its parent's) noise of
    /// IoD2019, so a domain's departure from the IMD persists. Ranks taken by another LSOA move to the nearest free one.
    /// </summary>
    public static void RankDomains(IReadOnlyList<DemoLsoa> lsoas, IodVintage vintage, Random rng)
    {
        var n = vintage.LsoaCount();
        var fresh = Math.Sqrt(1 - DomainPersistence * DomainPersistence);
        for (var k = 0; k < DomainCorrelations.Length; k++)
        {
            var (domain, correlation) = DomainCorrelations[k];
            var used = new HashSet<int>();
            var spread = Math.Sqrt(1 - correlation * correlation);
            foreach (var lsoa in lsoas)
            {
                var deprivation = lsoa.Deprivation(vintage)!;
                var imd = Logit((deprivation.ImdRank!.Value - 0.5) / n);
                double noise;
                if (vintage == IodVintage.Iod2019)
                {
                    noise = LogisticDraw(rng);
                    lsoa.DomainNoise[k] = noise;
                }
                else
                {
                    noise = DomainPersistence * (lsoa.Parent ?? lsoa).DomainNoise[k] + fresh * LogisticDraw(rng);
                }

                var wanted = Math.Clamp((int)Math.Ceiling(n / (1 + Math.Exp(-(correlation * imd + spread * noise)))), 1, n);
                var rank = wanted;
                for (var step = 1; rank < 1 || rank > n || !used.Add(rank); step++)
                    rank = wanted + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2));
                deprivation.Set(domain, rank, LsoaDeprivation.DecileOfRank(rank, vintage));
                deprivation.SetScore(domain, ScoreOf(vintage, domain, rank));
            }
        }
    }

    /// <summary>The properties every demo deprivation row fills: rank, decile and score of the IMD and each domain.</summary>
    public static IEnumerable<string> Columns() =>
        DeprivationDomains.Seven.Prepend(DeprivationDomain.Imd).SelectMany(d => LsoaDeprivation.Columns(d, rankAndDecile: true, score: true));

    /// <summary>
    /// Gives the LSOAs national IMD ranks with the district's real count per decile, the most deprived (highest
    /// <paramref name="deprivation"/>) taking the lowest; no rank is given twice in the demo.
    /// </summary>
    private static void RankImd(IReadOnlyList<DemoLsoa> lsoas, double[] deprivation, int[] decileCounts, IodVintage vintage, HashSet<int> usedRanks, Random rng)
    {
        if (decileCounts.Sum() != lsoas.Count)
            throw new InvalidOperationException($"the demo profile has {decileCounts.Sum()} {vintage.Label()} ranks for {lsoas.Count} LSOAs");
        var n = vintage.LsoaCount();
        var ranks = new List<int>(lsoas.Count);
        for (var decile = 1; decile <= 10; decile++)
        {
            var first = (int)((long)(decile - 1) * n / 10) + 1;
            var last = (int)((long)decile * n / 10);
            for (var k = 0; k < decileCounts[decile - 1]; k++)
            {
                int rank;
                do rank = rng.Next(first, last + 1);
                while (!usedRanks.Add(rank));
                ranks.Add(rank);
            }
        }

        ranks.Sort();
        var mostDeprivedFirst = Enumerable.Range(0, lsoas.Count).OrderByDescending(i => deprivation[i]).ThenBy(i => i).ToList();
        for (var j = 0; j < lsoas.Count; j++)
        {
            var lsoa = lsoas[mostDeprivedFirst[j]];
            var row = new LsoaDeprivation { Lsoa = lsoa.Code, Vintage = vintage };
            row.Set(DeprivationDomain.Imd, ranks[j], LsoaDeprivation.DecileOfRank(ranks[j], vintage));
            row.SetScore(DeprivationDomain.Imd, ScoreOf(vintage, DeprivationDomain.Imd, ranks[j]));
            if (vintage == IodVintage.Iod2019) lsoa.Iod2019 = row;
            else lsoa.Iod2025 = row;
        }
    }

    private static double ScoreOf(IodVintage vintage, DeprivationDomain domain, int rank)
    {
        var anchors = ScoreAtRank[(vintage, domain)];
        var upper = 0;
        while (anchors[upper].Rank < rank) upper++;
        if (anchors[upper].Rank == rank) return anchors[upper].Score;
        var (r0, s0) = anchors[upper - 1];
        var (r1, s1) = anchors[upper];
        return Math.Round(s0 + (s1 - s0) * (rank - r0) / (r1 - r0), 3);
    }

    private static Dictionary<(IodVintage, DeprivationDomain), (int Rank, double Score)[]> ScoreTables()
    {
        // The scores of the LSOAs ranked 1, 10, 100, then at 3, 10, 20, 30, 50, 60, 75, 90 and 97 % of the way down, and last.
        int[] ranks2019 = [1, 10, 100, 985, 3_284, 6_569, 9_853, 16_422, 19_706, 24_633, 29_560, 31_859, 32_844];
        int[] ranks2025 = [1, 10, 100, 1_013, 3_376, 6_751, 10_127, 16_878, 20_253, 25_316, 30_380, 32_742, 33_755];
        var iod2025 = new Dictionary<DeprivationDomain, double[]>
        {
            [DeprivationDomain.Imd] = [94.223, 86.056, 76.733, 59.837, 44.912, 33.514, 26.605, 17.45, 14.14, 9.689, 5.462, 2.985, 0.165],
            [DeprivationDomain.Income] = [0.998, 0.852, 0.742, 0.59, 0.464, 0.362, 0.289, 0.184, 0.149, 0.105, 0.067, 0.041, 0.002],
            [DeprivationDomain.Employment] = [0.978, 0.555, 0.447, 0.336, 0.257, 0.199, 0.161, 0.11, 0.092, 0.071, 0.051, 0.036, 0.002],
            [DeprivationDomain.Education] = [99.613, 94.657, 82.777, 64.738, 49.272, 35.844, 27.497, 16.545, 12.567, 7.542, 3.178, 1.073, 0.004],
            [DeprivationDomain.Health] = [3.309, 3.072, 2.402, 1.69, 1.173, 0.768, 0.464, -0.03, -0.261, -0.618, -1.111, -1.602, -3.1],
            [DeprivationDomain.Crime] = [3.545, 2.831, 2.235, 1.579, 1.092, 0.722, 0.458, -0.007, -0.239, -0.602, -1.078, -1.506, -3.293],
            [DeprivationDomain.Barriers] = [63.502, 60.262, 53.453, 44.922, 36.244, 29.742, 25.735, 20.103, 17.728, 14.146, 9.759, 6.503, 1.49],
            [DeprivationDomain.LivingEnvironment] = [85.733, 82.602, 74.856, 58.498, 44.962, 35.371, 28.443, 17.849, 13.664, 8.61, 4.227, 1.943, 0.055],
        };
        var iod2019 = new Dictionary<DeprivationDomain, double[]>
        {
            [DeprivationDomain.Imd] = [92.735, 84.368, 75.035, 59.223, 43.859, 33.251, 26.575, 17.648, 14.238, 9.914, 5.908, 3.567, 0.541],
            [DeprivationDomain.Income] = [0.609, 0.543, 0.466, 0.353, 0.268, 0.202, 0.157, 0.099, 0.079, 0.056, 0.036, 0.023, 0.003],
            [DeprivationDomain.Employment] = [0.534, 0.449, 0.361, 0.264, 0.197, 0.15, 0.119, 0.08, 0.066, 0.05, 0.034, 0.023, 0.002],
        };

        var tables = new Dictionary<(IodVintage, DeprivationDomain), (int Rank, double Score)[]>();
        foreach (var (domain, scores) in iod2025)
        {
            tables[(IodVintage.Iod2025, domain)] = [.. ranks2025.Zip(scores)];
            tables[(IodVintage.Iod2019, domain)] = [.. ranks2019.Zip(iod2019.GetValueOrDefault(domain) ?? scores)];
        }

        return tables;
    }

    /// <summary>A draw from the logistic distribution: the logit of a uniform national position.</summary>
    private static double LogisticDraw(Random rng) => Logit(rng.NextDouble() * 0.9999 + 0.00005);

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
