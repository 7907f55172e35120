using System.Numerics;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Tests.Targeting;

/// <summary>Person rules over a caseload, counts by unit with small-number control, and the First 5,000 Families ranking.</summary>
public sealed class CaseloadCohortTests
{
    private static readonly SyntheticPopulation People = PopulationGenerator.Generate(PopulationGeneratorTests.Frame(), 5);
    private static readonly Caseload Caseload = new(People, RiskStratification.Run(People, RiskModel.Default));

    private static CohortRule<CaseloadPerson> Rule(string text)
    {
        var (rule, problems) = CohortRule.Parse(text, PersonFields.All);
        Assert.True(rule is not null, string.Join("; ", problems));
        return rule;
    }

    private static int Where(Func<int, bool> test) => Enumerable.Range(0, People.Count).Count(test);

    [Fact]
    public void Person_fields_read_the_columns_they_name()
    {
        var risk = Caseload.Risk;
        Assert.Equal(Where(i => People.Ages[i] >= 65 && People.Sexes[i] == 2), CohortCounting.Select(Caseload, Rule("age >= 65 and sex = Female")).Count);
        Assert.Equal(Where(i => People.Traits[i].Has(Trait.Smoker) && !People.Traits[i].Has(Trait.Copd)), CohortCounting.Select(Caseload, Rule("smoker and not copd")).Count);
        Assert.Equal(Where(i => BitOperations.PopCount(People.Traits[i] & MultimorbidityTest.Conditions) >= 2), CohortCounting.Select(Caseload, Rule("multimorbidity")).Count);
        Assert.Equal(Where(i => risk.Tiers[i] == 3), CohortCounting.Select(Caseload, Rule("tier = very_high")).Count);
        Assert.Equal(Where(i => risk.Segments[i] == (byte)Segment.Frailty), CohortCounting.Select(Caseload, Rule("segment = frailty")).Count);
        Assert.Equal(Where(i => People.Lsoas[People.LsoaOf[i]].Core20), CohortCounting.Select(Caseload, Rule("core20")).Count);
        Assert.Equal(Where(i => People.LsoaOf[i] == 2), CohortCounting.Select(Caseload, Rule("lsoa = E01000003")).Count);
        Assert.Equal(Where(i => People.Lsoas[People.LsoaOf[i]].District == 1), CohortCounting.Select(Caseload, Rule("district = e07000002")).Count);
        Assert.Equal(Where(i => People.Practices[i] == 2), CohortCounting.Select(Caseload, Rule("practice = F81003")).Count);
        Assert.Equal(Where(i => risk.Scores[i] >= 6), CohortCounting.Select(Caseload, Rule("risk_score >= 6")).Count);
        Assert.True(Where(i => People.Ages[i] >= 65) > 0);
    }

    [Fact]
    public void The_efi_fields_are_unknown_under_65_so_no_comparison_selects_a_younger_person()
    {
        var any = CohortCounting.Select(Caseload, Rule("efi_deficits >= 0"));
        Assert.Equal(Where(i => People.Ages[i] >= 65), any.Count);
        Assert.All(CohortCounting.Select(Caseload, Rule("efi_category = severe")), i => Assert.True(People.Ages[i] >= 65 && Efi.Count(People.Deficits[i]) >= 13));
        Assert.Equal(Where(i => People.Ages[i] < 65), CohortCounting.Select(Caseload, Rule("not efi_deficits >= 0")).Count);
    }

    [Fact]
    public void Household_fields_count_the_members_of_each_household()
    {
        for (var i = 0; i < People.Count; i += 97)
        {
            var l = People.LsoaOf[i];
            var members = Enumerable.Range(People.Offsets[l], People.Offsets[l + 1] - People.Offsets[l]).Where(j => People.Households[j] == People.Households[i]).ToList();
            var h = Caseload.HouseholdOf[i];
            Assert.Equal(members.Count, Caseload.HouseholdSize[h]);
            Assert.Equal(members.Count(j => People.Ages[j] < 18), Caseload.HouseholdChildren[h]);
            Assert.Equal(l, Caseload.LsoaOfHousehold(h));
            Assert.Equal(Caseload.IsFamily(h), Rule("family").Matches(new CaseloadPerson(Caseload, i)));
        }

        Assert.Matches("^E0100000[1-4]-[0-9]+$", Caseload.HouseholdId(Caseload.HouseholdOf[People.Count - 1]));
        Assert.Matches("^E01000001-[0-9]+-[0-9]+$", Caseload.PersonId(0));
    }

    [Theory]
    [InlineData("tier = severe_ish and age > 1", "age > 1")]
    [InlineData("diabtes", "did you mean diabetes")]
    [InlineData("age >= sixty", "column 8")]
    [InlineData("smoker = 1", "yes/no")]
    public void Unreadable_person_rules_are_refused_with_their_reason(string text, string reason)
    {
        var (rule, problems) = CohortRule.Parse(text, PersonFields.All);
        if (text.StartsWith("tier", StringComparison.Ordinal))
        {
            // A word no one has is a readable rule that selects nobody.
            Assert.NotNull(rule);
            Assert.Empty(CohortCounting.Select(Caseload, rule));
            return;
        }

        Assert.Null(rule);
        Assert.Contains(problems, p => p.ToString().Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_by_residence_and_by_registration_add_up_to_the_people_in_the_units()
    {
        var rule = Rule("smoker");
        var (count, population) = CohortCounting.Count(Caseload, rule, PersonUnits.ByResidence(2, [0, 0, 1, -1]));
        Assert.Equal(People.Offsets[2], population[0]);
        Assert.Equal(People.Offsets[3] - People.Offsets[2], population[1]);
        Assert.Equal(Where(i => People.LsoaOf[i] < 2 && People.Traits[i].Has(Trait.Smoker)), count[0]);

        var (byPractice, registered) = CohortCounting.Count(Caseload, rule, PersonUnits.ByRegistration(3, [0, 1, 2]));
        for (var k = 0; k < 3; k++)
        {
            var practice = k;
            Assert.Equal(Where(i => People.Practices[i] == practice), registered[k]);
            Assert.Equal(Where(i => People.Practices[i] == practice && People.Traits[i].Has(Trait.Smoker)), byPractice[k]);
        }
    }

    [Fact]
    public void Small_counts_are_suppressed_and_a_lone_suppressed_count_takes_the_next_smallest_nonzero_with_it()
    {
        var policy = DisclosurePolicy.Default;
        long[] thousand = [1000, 1000, 1000, 1000];
        Assert.Equal([true, false, false, true], CohortCounting.Disclose([100, 3, 40, 50], thousand, policy));
        Assert.Equal([true, false, false, true], CohortCounting.Disclose([100, 3, 4, 50], thousand, policy));
        Assert.Equal([true, false, false], CohortCounting.Disclose([0, 20, 12], [500, 500, 9], policy)); // a zero is passed over
        Assert.Equal([true, true, true], CohortCounting.Disclose([0, 5, 12], [500, 500, 500], policy));
        Assert.Equal([true, false, false], CohortCounting.Disclose([0, 5, 12], [500, 9, 500], policy));
    }

    [Fact]
    public void A_count_that_leaves_a_small_number_out_is_suppressed_so_the_opposite_rule_cannot_reveal_it()
    {
        Assert.False(CohortCounting.Primary(498, 500, DisclosurePolicy.Default));
        Assert.True(CohortCounting.Primary(500, 500, DisclosurePolicy.Default));
        Assert.True(CohortCounting.Primary(495, 500, DisclosurePolicy.Default));
        Assert.Equal([false, false], CohortCounting.Disclose([498, 100], [500, 1000], DisclosurePolicy.Default));
    }

    [Fact]
    public void Suppression_runs_over_every_group_whose_sum_is_known_until_none_has_one_hidden_cell()
    {
        long[] count = [10, 3, 20, 30];
        Assert.Equal([false, false, true, true], CohortCounting.Disclose(count, [100, 100, 100, 100], DisclosurePolicy.Default, [[0, 1], [2, 3]]));
        // Parents across the grain: each hidden cell makes another group's one hidden cell, and so on.
        Assert.Equal([false, false, false, false], CohortCounting.Disclose(count, [100, 100, 100, 100], DisclosurePolicy.Default, [[0, 2], [1, 3]]));
        var shown = new[] { true, false, true };
        CohortCounting.Protect([7, 2, 0], shown, [[0, 1, 2]]);
        Assert.Equal([false, false, true], shown);
    }

    [Fact]
    public void Families_are_ranked_by_need_with_reasons_that_add_up_to_the_score_and_the_same_each_time()
    {
        var ranked = Families.Rank(Caseload, 50);
        Assert.Equal(50, ranked.Count);
        Assert.Equal(Enumerable.Range(1, 50), ranked.Select(f => f.Rank));
        Assert.Equal(50, ranked.Select(f => f.Household).Distinct().Count());
        Assert.All(ranked, f => Assert.True(Caseload.IsFamily(f.Household)));
        Assert.All(ranked, f => Assert.Equal(f.Score, f.Reasons.Sum(r => r.Points), 4));
        for (var k = 1; k < ranked.Count; k++)
        {
            var (a, b) = (ranked[k - 1], ranked[k]);
            Assert.True(a.Score > b.Score || (a.Score == b.Score && a.Household < b.Household), $"rank {k} and {k + 1} out of order");
        }

        // Nobody outside the ranking has more need than the last in it.
        var scores = Families.Scores(Caseload);
        var last = ranked[^1];
        var chosen = ranked.Select(f => f.Household).ToHashSet();
        Assert.DoesNotContain(Enumerable.Range(0, Caseload.Households), h => Caseload.IsFamily(h) && !chosen.Contains(h)
            && (scores[h] > last.Score || (scores[h] == last.Score && h < last.Household)));
        Assert.Equal(ranked.Select(f => (f.Household, f.Score)), Families.Rank(Caseload, 50).Select(f => (f.Household, f.Score)));
    }

    [Fact]
    public void A_familys_score_is_its_members_risk_scores_plus_the_childrens_and_maternity_points()
    {
        var h = Families.Rank(Caseload, 1)[0].Household;
        var members = Enumerable.Range(0, People.Count).Where(i => Caseload.HouseholdOf[i] == h).ToList();
        var expected = members.Sum(i => Caseload.Risk.Scores[i] + Families.FamilyFactors.Where(f => People.Traits[i].Has(f.Trait)).Sum(f => f.Points));
        Assert.Equal(expected, Families.Scores(Caseload)[h], 4);
        Assert.True(Caseload.HouseholdChildren[h] > 0 || Caseload.HouseholdPregnant[h]);
    }

    [Fact]
    public void A_caseload_refuses_risk_results_of_another_population()
    {
        var other = PopulationGenerator.Generate(PopulationGeneratorTests.Frame() with { Lsoas = [PopulationGeneratorTests.Frame().Lsoas[0]] }, 5);
        Assert.Throws<ArgumentException>(() => new Caseload(People, RiskStratification.Run(other, RiskModel.Default)));
        Assert.Equal(AreaCode.Parse("E07000001"), Caseload.DistrictOf(0));
    }
}
