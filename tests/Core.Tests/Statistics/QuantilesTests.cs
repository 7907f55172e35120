using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

public sealed class QuantilesTests
{
    // Expected quantiles from R 4.x running phe_quantile's formula (R/Quantiles.R, PHEindicatormethods 2.x):
    // rank(…, ties.method = "min", na.last = "keep"), floor((n + 1) − ceiling(((N + 1) − rank)/(N/n))), 0 → 1. Exact.
    private static readonly double[] Mixed = [5, 3, 3, 9, 1, 7, 7, 7, 2, double.NaN, 4, 8];

    [Fact]
    public void Quartiles_with_ties_and_a_missing_value_match_phe_quantile()
    {
        Assert.Equal([2, 1, 1, 4, 1, 3, 3, 3, 1, 0, 2, 4], Quantiles.Assign(Mixed, 4, invert: false));
        Assert.Equal([2, 3, 3, 1, 4, 1, 1, 1, 4, 0, 3, 1], Quantiles.Assign(Mixed, 4, invert: true));
    }

    [Fact]
    public void Uneven_groups_follow_the_ceiling_formula()
    {
        Assert.Equal([1, 1, 1, 2, 2, 3, 3], Quantiles.Assign([1, 2, 3, 4, 5, 6, 7], 3, invert: false));
        double[] values = [.. Enumerable.Range(1, 23).Select(i => (double)i)];
        Assert.Equal([10, 10, 9, 9, 8, 8, 7, 7, 7, 6, 6, 5, 5, 4, 4, 4, 3, 3, 2, 2, 1, 1, 1], Quantiles.Assign(values, 10, invert: true));
    }

    [Fact]
    public void All_tied_values_share_quantile_1()
    {
        Assert.Equal([1, 1, 1, 1, 1, 1], Quantiles.Assign([0.2, 0.2, 0.2, 0.2, 0.2, 0.2], 5, invert: false));
    }

    [Fact]
    public void Fewer_areas_than_quantiles_get_none()
    {
        Assert.Equal([0, 0, 0, 0], Quantiles.Assign([1, 2, 3, 4], 5, invert: true));
        Assert.Equal([0, 0, 0, 0, 0], Quantiles.Assign([1, 2, double.NaN, 4, 5], 5, invert: true));
    }

    [Fact]
    public void Deciles_of_a_national_rank_reproduce_the_IoD_cut_points()
    {
        // MHCLG IoD2019 File 1: decile 1 is ranks 1–3,284, decile 2 starts at 3,285, decile 10 ends at 32,844.
        Assert.Equal(1, Quantiles.OfRank(1, 32_844));
        Assert.Equal(1, Quantiles.OfRank(3_284, 32_844));
        Assert.Equal(2, Quantiles.OfRank(3_285, 32_844));
        Assert.Equal(10, Quantiles.OfRank(32_844, 32_844));
        Assert.Equal(1, Quantiles.OfRank(6_568, 32_844, 5));
        Assert.Equal(2, Quantiles.OfRank(6_569, 32_844, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfRank(0, 32_844));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfRank(32_845, 32_844));
    }

    [Fact]
    public void Of_rank_agrees_with_the_existing_lsoa_decile_rule() =>
        Gen.Int[1, 32_844].Sample(rank => Assert.Equal(Core.Places.LsoaDeprivation.DecileOfRank(rank, Core.Places.IodVintage.Iod2019), Quantiles.OfRank(rank, 32_844)));

    [Fact]
    public void Property_quantiles_are_in_range_and_monotone_in_the_value() =>
        Gen.Select(Gen.Int[0, 50].Array[10, 200], Gen.Int[2, 10], Gen.Bool).Sample((ints, n, invert) =>
        {
            var values = ints.Select(i => (double)i).ToArray();
            var q = Quantiles.Assign(values, n, invert);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.InRange(q[i], 1, n);
                for (var j = 0; j < values.Length; j++)
                {
                    if (values[i] < values[j]) Assert.True(invert ? q[i] >= q[j] : q[i] <= q[j]);
                    if (values[i] == values[j]) Assert.Equal(q[i], q[j]);
                }
            }
        });

    [Fact]
    public void Property_distinct_values_fill_quantiles_almost_evenly() =>
        Gen.Select(Gen.Int[10, 300], Gen.Int[2, 10]).Sample((count, n) =>
        {
            double[] values = [.. Enumerable.Range(0, count).Select(i => (double)i)];
            var sizes = Quantiles.Assign(values, n, invert: false).GroupBy(q => q).Select(g => g.Count()).ToArray();
            Assert.Equal(n, sizes.Length);
            Assert.True(sizes.Max() - sizes.Min() <= 1);
        });

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Assign([1, 2], 0, invert: false));
        Assert.Throws<ArgumentException>(() => Quantiles.Assign([1, 2, 3], 2, false, new int[2]));
    }
}
