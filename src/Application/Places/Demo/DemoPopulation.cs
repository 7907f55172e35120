using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Residents of the demo's LSOAs: each district's real mid-2019 total on its 2011 LSOAs, and its real Census 2021
/// total on its 2021 LSOAs, by age band with the district's real age mix.
/// </summary>
internal static class DemoPopulation
{
    /// <summary>How each age band's share moves with a neighbourhood's "age tilt" (positive = older).</summary>
    private static readonly double[] AgeTilt = [-0.55, -0.35, -0.7, -0.15, 0.3, 1.0];

    /// <summary>ONS's limits on an LSOA's population, which the 2021 LSOAs keep (ours keep them in mid-2019 too).</summary>
    private const long Smallest = 1_000, Largest = 3_000;

    /// <summary>Shares out the district's real mid-2019 total: LSOAs hold about 1,000 to 3,000 people, as real ones do.</summary>
    public static void SpreadMid2019(IReadOnlyList<DemoLsoa> lsoas2011, long districtTotal, Random rng)
    {
        var counts = Spread(districtTotal, lsoas2011.Select(_ => Math.Clamp(Math.Exp(0.2 * DemoDataset.Normal(rng)), 0.65, 1.6)).ToArray());
        for (var i = 0; i < lsoas2011.Count; i++) lsoas2011[i].Residents2019 = counts[i];
    }

    /// <summary>
    /// Shares out the district's real Census 2021 total over its 2021 LSOAs: an unchanged LSOA in proportion to its mid-2019
    /// residents give or take a little; a split one had grown by a third or so (why it was split), its people shared
    /// between its two parts.
    /// </summary>
    public static void SpreadCensus2021(IReadOnlyList<DemoLsoa> lsoas2011, long districtTotal, Random rng)
    {
        var lsoas2021 = new List<DemoLsoa>();
        var weights = new List<double>();
        foreach (var lsoa in lsoas2011)
        {
            if (lsoa.Parts.Count == 0)
            {
                lsoas2021.Add(lsoa);
                weights.Add(lsoa.Residents2019 * Math.Clamp(1 + 0.015 * DemoDataset.Normal(rng), 0.97, 1.04));
                continue;
            }

            var grown = lsoa.Residents2019 * Math.Clamp(1.35 + 0.08 * DemoDataset.Normal(rng), 1.25, 1.5);
            var share = Math.Clamp(0.5 + 0.05 * DemoDataset.Normal(rng), 0.42, 0.58);
            lsoas2021.AddRange(lsoa.Parts);
            weights.AddRange([grown * share, grown * (1 - share)]);
        }

        var counts = Spread(districtTotal, weights);
        for (var i = 0; i < lsoas2021.Count; i++) lsoas2021[i].Census2021 = counts[i];
    }

    /// <summary>
    /// Census 2021 residents by age band: the district's real age mix tilted older or younger per LSOA (a little older
    /// where less deprived than the district as a whole), so that coastal Castle Point, Rochford and Maldon come out
    /// older and Basildon and Thurrock younger, as they are.
    /// </summary>
    public static long[] CensusBands(DemoLsoa lsoa, double[] districtShares, double districtMeanImdRank, Random rng)
    {
        const double spread = 0.3;
        var lessDeprived = (lsoa.Iod2025!.ImdRank!.Value - districtMeanImdRank) / IodVintage.Iod2025.LsoaCount();
        var tilt = spread * DemoDataset.Normal(rng) + spread * lessDeprived;
        // exp(βt) averages exp(β²σ²/2) over the tilts, so each band is scaled back by that for the district's mix to hold.
        var shares = districtShares
            .Select((share, b) => share * Math.Exp(AgeTilt[b] * tilt + 0.05 * DemoDataset.Normal(rng) - AgeTilt[b] * AgeTilt[b] * spread * spread / 2))
            .ToArray();
        return Apportionment.LargestRemainder(lsoa.Census2021, shares);
    }

    /// <summary>
    /// Apportions the total by the weights, then keeps every LSOA within ONS's limits: one below the smallest size takes
    /// people from the largest, one above the largest gives them to the smallest. The total is kept exactly.
    /// </summary>
    private static long[] Spread(long total, IReadOnlyList<double> weights)
    {
        var counts = Apportionment.LargestRemainder(total, weights);
        if (total < Smallest * counts.Length || total > Largest * counts.Length)
            throw new InvalidOperationException($"{total:N0} people cannot fill {counts.Length} LSOAs of {Smallest:N0} to {Largest:N0}");
        for (var i = 0; i < counts.Length; i++)
        {
            while (counts[i] < Smallest)
            {
                var from = Array.IndexOf(counts, counts.Max());
                var moved = Math.Min(Smallest - counts[i], counts[from] - Smallest);
                counts[from] -= moved;
                counts[i] += moved;
            }

            while (counts[i] > Largest)
            {
                var to = Array.IndexOf(counts, counts.Min());
                var moved = Math.Min(counts[i] - Largest, Largest - counts[to]);
                counts[to] += moved;
                counts[i] -= moved;
            }
        }

        return counts;
    }
}
