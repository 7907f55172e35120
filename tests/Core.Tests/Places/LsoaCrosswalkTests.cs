using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Places;

/// <summary>Figures carried between 2011 and 2021 LSOAs: unchanged, split, merged, best fit, both ways.</summary>
public class LsoaCrosswalkTests
{
    private static readonly AreaCode Same = AreaCode.Parse("E01000001");
    private static readonly AreaCode Whole = AreaCode.Parse("E01000010");
    private static readonly AreaCode PartA = AreaCode.Parse("E01040001");
    private static readonly AreaCode PartB = AreaCode.Parse("E01040002");
    private static readonly AreaCode MergedX = AreaCode.Parse("E01000020");
    private static readonly AreaCode MergedY = AreaCode.Parse("E01000021");
    private static readonly AreaCode Merger = AreaCode.Parse("E01040003");

    private static readonly LsoaLink[] Links =
    [
        new(Same, Same, LsoaChange.Unchanged, true),
        new(Whole, PartA, LsoaChange.Split, true),
        new(Whole, PartB, LsoaChange.Split, false),
        new(MergedX, Merger, LsoaChange.Merged, true),
        new(MergedY, Merger, LsoaChange.Merged, true),
    ];

    private static readonly Dictionary<AreaCode, double> Population = new()
    {
        [Same] = 1500, [Whole] = 3000, [PartA] = 1800, [PartB] = 1200, [MergedX] = 600, [MergedY] = 900, [Merger] = 1500,
    };

    private static double? Weight(AreaCode lsoa) => Population.TryGetValue(lsoa, out var w) ? w : null;

    [Fact]
    public void Counts_go_forward_shared_by_population_where_split_and_added_up_where_merged()
    {
        var counts = new Dictionary<AreaCode, double> { [Same] = 10, [Whole] = 30, [MergedX] = 4, [MergedY] = 6 };

        var carried = LsoaCrosswalk.Carry(counts, Links, [Same, PartA, PartB, Merger], to2021: true, CrosswalkMethod.Exact, FigureKind.Count, Weight);

        Assert.Equal([10, 18, 12, 10], carried.Select(c => c.Value!.Value));
        Assert.Equal("unchanged: E01000001", carried[0].Method);
        Assert.Equal("split, shared by population: 60.0 % of E01000010", carried[1].Method);
        Assert.Equal("merged, added up: E01000020 + E01000021", carried[3].Method);
        Assert.Equal(counts.Values.Sum(), carried.Sum(c => c.Value!.Value), 9);
    }

    [Fact]
    public void Rates_go_forward_inherited_where_split_and_as_a_population_weighted_mean_where_merged()
    {
        var rates = new Dictionary<AreaCode, double> { [Whole] = 12.5, [MergedX] = 10, [MergedY] = 20 };

        var carried = LsoaCrosswalk.Carry(rates, Links, [PartA, PartB, Merger, Same], to2021: true, CrosswalkMethod.Exact, FigureKind.Rate, Weight);

        Assert.Equal(12.5, carried[0].Value);
        Assert.Equal(12.5, carried[1].Value);
        Assert.Equal((10 * 600 + 20 * 900) / 1500.0, carried[2].Value!.Value, 12);
        Assert.Null(carried[3].Value);
        Assert.Equal("no value for E01000001", carried[3].Method);
    }

    [Fact]
    public void Counts_go_back_the_same_way_in_reverse()
    {
        var counts = new Dictionary<AreaCode, double> { [PartA] = 7, [PartB] = 5, [Merger] = 15 };

        var carried = LsoaCrosswalk.Carry(counts, Links, [Whole, MergedX, MergedY], to2021: false, CrosswalkMethod.Exact, FigureKind.Count, Weight);

        Assert.Equal([12, 6, 9], carried.Select(c => c.Value!.Value));
    }

    [Fact]
    public void Best_fit_puts_each_2011_LSOA_wholly_in_one_2021_LSOA_and_leaves_the_rest_without_a_value()
    {
        var counts = new Dictionary<AreaCode, double> { [Whole] = 30, [MergedX] = 4, [MergedY] = 6 };

        var carried = LsoaCrosswalk.Carry(counts, Links, [PartA, PartB, Merger], to2021: true, CrosswalkMethod.BestFit, FigureKind.Count, Weight);

        Assert.Equal(30, carried[0].Value);
        Assert.Null(carried[1].Value);
        Assert.Equal("no 2011 LSOA best-fits this one", carried[1].Method);
        Assert.Equal(10, carried[2].Value);
    }
}
