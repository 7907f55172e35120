using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Tests.Targeting;

/// <summary>The synthetic population generator on a small hand-made frame: determinism, exact margins, households and registration.</summary>
public sealed class PopulationGeneratorTests
{
    private static readonly AgeBand[] Bands = [AgeBand.Range(0, 15), AgeBand.Range(16, 64), AgeBand.Range(65, null)];

    /// <summary>Four LSOAs in two districts and two pools, three practices, smoking calibrated per district and COPD per practice.</summary>
    internal static PopulationFrame Frame(double smokingA = 0.2, double smokingB = 0.1)
    {
        double[] Z(double imd) => [imd, imd, imd, 0, imd, 0, 0, -imd];
        int?[] Deciles(int imd) => [imd, imd, imd, 5, imd, 5, 5, 5];
        var lsoas = new[]
        {
            new FrameLsoa(AreaCode.Parse("E01000001"), 0, 0, [300, 1000, 250], Z(1.2), [0.3, 0.3, 0.2, null, null, null, null, null], Deciles(1)),
            new FrameLsoa(AreaCode.Parse("E01000002"), 0, 0, [250, 1100, 300], Z(0.2), [0.15, 0.15, 0.1, null, null, null, null, null], Deciles(4)),
            new FrameLsoa(AreaCode.Parse("E01000003"), 1, 1, [200, 900, 400], Z(-0.5), [0.08, 0.08, 0.06, null, null, null, null, null], Deciles(8)),
            new FrameLsoa(AreaCode.Parse("E01000004"), 1, 1, [280, 950, 350], Z(-0.9), [0.05, 0.05, 0.04, null, null, null, null, null], Deciles(10)),
        };
        var shape = new[] { Enumerable.Range(0, 101).Select(a => a < 70 ? 1.0 : Math.Exp(-(a - 70) / 8.0)).ToArray(), Enumerable.Range(0, 101).Select(a => a < 70 ? 1.0 : Math.Exp(-(a - 70) / 10.0)).ToArray() };
        var practices = new[] { new FramePractice(AreaCode.Parse("F81001"), 0, 6000), new FramePractice(AreaCode.Parse("F81002"), 0, 2000), new FramePractice(AreaCode.Parse("F81003"), 1, 9000) };
        var targets = new[]
        {
            new TraitTarget(Trait.Smoker, TargetLevel.District, new Dictionary<int, double> { [0] = smokingA, [1] = smokingB }, 0.15, 15, 100, "test"),
            new TraitTarget(Trait.Copd, TargetLevel.Practice, new Dictionary<int, double> { [0] = 0.03, [1] = 0.02, [2] = 0.01 }, 0.02, 0, 100, "test"),
            new TraitTarget(Trait.LowIncome, TargetLevel.Lsoa, new Dictionary<int, double> { [0] = 0.3, [1] = 0.15, [2] = 0.08, [3] = 0.05 }, 0.1, 0, 100, "test"),
        };
        return new PopulationFrame(lsoas, Bands, shape, [AreaCode.Parse("E07000001"), AreaCode.Parse("E07000002")], practices, 2, targets);
    }

    private static readonly SyntheticPopulation Made = PopulationGenerator.Generate(Frame(), 7);

    [Fact]
    public void The_same_seed_gives_the_same_people_and_hash_and_another_seed_does_not()
    {
        var again = PopulationGenerator.Generate(Frame(), 7);
        var other = PopulationGenerator.Generate(Frame(), 8);
        Assert.Equal(PopulationFormat.Hash(Made), PopulationFormat.Hash(again));
        Assert.Equal(Made.Traits, again.Traits);
        Assert.Equal(Made.Deficits, again.Deficits);
        Assert.NotEqual(PopulationFormat.Hash(Made), PopulationFormat.Hash(other));
        Assert.Matches("^[0-9a-f]{64}$", PopulationFormat.Hash(Made));
    }

    [Fact]
    public void An_lsoa_is_generated_the_same_whatever_else_is_generated_with_it()
    {
        var frame = Frame();
        var alone = PopulationGenerator.Generate(frame with { Lsoas = [frame.Lsoas[2]] }, 7);
        var start = Made.Offsets[2];
        Assert.Equal(Made.Ages.AsSpan(start, alone.Count).ToArray(), alone.Ages);
        Assert.Equal(Made.Sexes.AsSpan(start, alone.Count).ToArray(), alone.Sexes);
        Assert.Equal(Made.Households.AsSpan(start, alone.Count).ToArray(), alone.Households);
    }

    [Fact]
    public void Residents_by_lsoa_and_band_are_exactly_the_frames()
    {
        var frame = Frame();
        for (var l = 0; l < frame.Lsoas.Count; l++)
        {
            for (var b = 0; b < Bands.Length; b++)
            {
                var count = Enumerable.Range(Made.Offsets[l], Made.Offsets[l + 1] - Made.Offsets[l])
                    .Count(i => Made.Ages[i] >= Bands[b].From && Made.Ages[i] <= (Bands[b].To ?? 200));
                Assert.Equal(frame.Lsoas[l].BandCounts[b], count);
            }
        }
    }

    [Fact]
    public void Each_district_has_its_published_smoking_rate_among_people_15_and_over_and_the_more_deprived_smoke_more()
    {
        foreach (var (district, rate) in new[] { (0, 0.2), (1, 0.1) })
        {
            var adults = Enumerable.Range(0, Made.Count).Where(i => Made.Lsoas[Made.LsoaOf[i]].District == district && Made.Ages[i] >= 15).ToList();
            var smokers = adults.Count(i => Made.Traits[i].Has(Trait.Smoker));
            Assert.Equal(Math.Round(rate * adults.Count, MidpointRounding.AwayFromZero), smokers);
        }

        double Rate(int lsoa) => Enumerable.Range(Made.Offsets[lsoa], Made.Offsets[lsoa + 1] - Made.Offsets[lsoa]).Where(i => Made.Ages[i] >= 15).Average(i => Made.Traits[i].Has(Trait.Smoker) ? 1.0 : 0);
        Assert.True(Rate(0) > Rate(1), $"the more deprived LSOA smokes at {Rate(0):P1}, the less at {Rate(1):P1}");
        Assert.DoesNotContain(Enumerable.Range(0, Made.Count), i => Made.Ages[i] < 15 && Made.Traits[i].Has(Trait.Smoker));
    }

    [Fact]
    public void Practice_and_lsoa_targets_are_met_exactly()
    {
        foreach (var (practice, rate) in new[] { (0, 0.03), (1, 0.02), (2, 0.01) })
        {
            var patients = Enumerable.Range(0, Made.Count).Where(i => Made.Practices[i] == practice).ToList();
            Assert.Equal(Math.Round(rate * patients.Count, MidpointRounding.AwayFromZero), patients.Count(i => Made.Traits[i].Has(Trait.Copd)));
        }

        foreach (var (lsoa, rate) in new[] { (0, 0.3), (3, 0.05) })
        {
            var people = Made.Offsets[lsoa + 1] - Made.Offsets[lsoa];
            var poor = Enumerable.Range(Made.Offsets[lsoa], people).Count(i => Made.Traits[i].Has(Trait.LowIncome));
            Assert.Equal(Math.Round(rate * people, MidpointRounding.AwayFromZero), poor);
        }
    }

    [Fact]
    public void Everyone_registers_in_their_pool_in_proportion_to_list_sizes_and_a_household_registers_together()
    {
        var pool0 = Enumerable.Range(0, Made.Offsets[2]).ToList();
        Assert.All(pool0, i => Assert.InRange(Made.Practices[i], (short)0, (short)1));
        Assert.All(Enumerable.Range(Made.Offsets[2], Made.Count - Made.Offsets[2]), i => Assert.Equal(2, Made.Practices[i]));
        var first = pool0.Count(i => Made.Practices[i] == 0);
        Assert.InRange(first - 0.75 * pool0.Count, -8, 8); // 6,000 of 8,000 listed: within one household of three quarters
        foreach (var household in Enumerable.Range(0, Made.Count).GroupBy(i => (Made.LsoaOf[i], Made.Households[i])))
            Assert.Single(household.Select(i => Made.Practices[i]).Distinct());
    }

    [Fact]
    public void Every_child_lives_with_an_adult_old_enough_to_be_a_parent()
    {
        foreach (var household in Enumerable.Range(0, Made.Count).GroupBy(i => (Made.LsoaOf[i], Made.Households[i])))
        {
            var children = household.Where(i => Made.Ages[i] < 18).ToList();
            if (children.Count == 0) continue;
            var adults = household.Where(i => Made.Ages[i] >= 18).ToList();
            Assert.NotEmpty(adults);
            Assert.True(adults.Max(i => Made.Ages[i]) >= children.Max(i => Made.Ages[i]) + 18);
        }
    }

    [Fact]
    public void Pregnancies_are_of_women_16_to_45_and_deficits_of_people_50_and_over_with_their_conditions()
    {
        var pregnant = Enumerable.Range(0, Made.Count).Where(i => Made.Traits[i].Has(Trait.Pregnant)).ToList();
        Assert.NotEmpty(pregnant);
        Assert.All(pregnant, i => Assert.True(Made.SexOf(i) == Sex.Female && Made.Ages[i] is >= 16 and <= 45));
        Assert.All(Enumerable.Range(0, Made.Count).Where(i => Made.Ages[i] < 50), i => Assert.Equal(0UL, Made.Deficits[i]));
        Assert.All(Enumerable.Range(0, Made.Count).Where(i => Made.Ages[i] >= 50 && Made.Traits[i].Has(Trait.Copd)),
            i => Assert.NotEqual(0UL, Made.Deficits[i] & EfiDeficit.RespiratoryDisease.Bit()));
        var older = Enumerable.Range(0, Made.Count).Where(i => Made.Ages[i] >= 65).Select(i => Efi.Category(Made.Deficits[i])).ToList();
        Assert.InRange(older.Count(c => c == FrailtyCategory.Fit) / (double)older.Count, 0.35, 0.65);
    }

    [Fact]
    public void A_stored_block_reads_back_to_the_same_people_and_a_damaged_one_is_refused()
    {
        var block = PopulationFormat.Encode(Made, 1);
        var copy = new SyntheticPopulation([Made.Lsoas[1]], Made.PracticeCodes, Made.Districts, PopulationFormat.PeopleIn(block));
        PopulationFormat.Decode(block, copy, 0);
        var start = Made.Offsets[1];
        Assert.Equal(Made.Traits.AsSpan(start, copy.Count).ToArray(), copy.Traits);
        Assert.Equal(Made.Practices.AsSpan(start, copy.Count).ToArray(), copy.Practices);
        Assert.Throws<FormatException>(() => PopulationFormat.PeopleIn(block.AsSpan(0, block.Length - 1)));
        var facts = PopulationFormat.DecodeFacts(PopulationFormat.EncodeFacts(Made.Lsoas[0]));
        Assert.Equal(Made.Lsoas[0].DomainZ, facts.DomainZ);
        Assert.Equal(Made.Lsoas[0].DomainDecile, facts.DomainDecile);
    }

    [Fact]
    public void A_scaled_population_repeats_each_lsoa_with_its_own_draws()
    {
        var scaled = PopulationGenerator.Generate(Frame(), 7, scale: 3);
        Assert.Equal(3 * Made.Count, scaled.Count);
        Assert.Equal([0, 1, 2], scaled.Lsoas.Where(l => l.Code.Value == "E01000001").Select(l => l.Copy));
        Assert.NotEqual(scaled.Ages.AsSpan(scaled.Offsets[0], 100).ToArray(), scaled.Ages.AsSpan(scaled.Offsets[1], 100).ToArray());
    }
}
