using System.Globalization;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Targeting;

/// <summary>
/// A person-level population with its risk results, as person rules and family cohorts read it: besides each person's own
/// columns, their household's size, children (under 18) and pregnancies, worked out once. Households are numbered across
/// the whole population in canonical order (LSOA, copy, household number).
/// </summary>
public sealed class Caseload
{
    public const int ChildUnder = 18;

    /// <summary>Each person's place in their household (1 first), and each household's first member, in canonical order.</summary>
    private readonly int[] memberNumber;
    private readonly int[] firstMember;

    public Caseload(SyntheticPopulation people, RiskStratification risk)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.Scores.Length != people.Count) throw new ArgumentException("the risk results are not of this population", nameof(risk));
        People = people;
        Risk = risk;
        HouseholdOf = new int[people.Count];
        HouseholdStart = new int[people.Lsoas.Count + 1];
        for (var l = 0; l < people.Lsoas.Count; l++)
        {
            var start = HouseholdStart[l];
            var most = -1;
            for (var i = people.Offsets[l]; i < people.Offsets[l + 1]; i++)
            {
                HouseholdOf[i] = start + people.Households[i];
                most = Math.Max(most, people.Households[i]);
            }

            HouseholdStart[l + 1] = start + most + 1;
        }

        HouseholdSize = new int[HouseholdStart[^1]];
        HouseholdChildren = new int[HouseholdSize.Length];
        HouseholdPregnant = new bool[HouseholdSize.Length];
        memberNumber = new int[people.Count];
        firstMember = new int[HouseholdSize.Length];
        for (var i = 0; i < people.Count; i++)
        {
            var h = HouseholdOf[i];
            if (HouseholdSize[h] == 0) firstMember[h] = i;
            memberNumber[i] = ++HouseholdSize[h];
            if (people.Ages[i] < ChildUnder) HouseholdChildren[h]++;
            if (people.Traits[i].Has(Trait.Pregnant)) HouseholdPregnant[h] = true;
        }
    }

    public SyntheticPopulation People { get; }

    public RiskStratification Risk { get; }

    /// <summary>Each person's household, numbered across the population.</summary>
    public int[] HouseholdOf { get; }

    /// <summary>The first household number of each LSOA (and, last, the number of households).</summary>
    public int[] HouseholdStart { get; }

    public int[] HouseholdSize { get; }

    public int[] HouseholdChildren { get; }

    public bool[] HouseholdPregnant { get; }

    public int Count => People.Count;

    public int Households => HouseholdSize.Length;

    /// <summary>A household with a child under 18 or a pregnancy: the families of the First 5,000 Families.</summary>
    public bool IsFamily(int household) => HouseholdChildren[household] > 0 || HouseholdPregnant[household];

    /// <summary>The LSOA (index) of a household.</summary>
    public int LsoaOfHousehold(int household)
    {
        var at = Array.BinarySearch(HouseholdStart, household);
        if (at >= 0)
        {
            while (at + 1 < HouseholdStart.Length && HouseholdStart[at + 1] == household) at++;
            return at;
        }

        return ~at - 1;
    }

    /// <summary>
    /// A household's identifier, stable for the same population: an imported extract's own, else its LSOA's code, the copy when the population is scaled,
    /// and its number within the LSOA — <c>E01021230-17</c>, <c>E01021230c2-17</c>.
    /// </summary>
    public string HouseholdId(int household)
    {
        if (People.HouseholdIds is { } external) return external[firstMember[household]];
        var l = LsoaOfHousehold(household);
        return LsoaKey(l) + "-" + (household - HouseholdStart[l]).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A person's pseudonymous identifier: an imported extract's own, else their household's and their place in it by
    /// canonical order — <c>E01021230-17-2</c>.
    /// </summary>
    public string PersonId(int person)
    {
        if (People.PersonIds is { } external) return external[person];
        return HouseholdId(HouseholdOf[person]) + "-" + memberNumber[person].ToString(CultureInfo.InvariantCulture);
    }

    private string LsoaKey(int lsoa)
    {
        var l = People.Lsoas[lsoa];
        return l.Copy == 0 ? l.Code.Value : l.Code.Value + "c" + l.Copy.ToString(CultureInfo.InvariantCulture);
    }

    public AreaCode? DistrictOf(int lsoa) => People.Lsoas[lsoa].District is >= 0 and var d ? People.Districts[d] : null;

    /// <summary>The tier's name in rules and files: low, rising, high, very_high.</summary>
    public static string TierCode(RiskTier tier) => tier.Name.ToLowerInvariant().Replace(' ', '_');
}

/// <summary>One person of a caseload, as a person rule sees them.</summary>
public readonly record struct CaseloadPerson(Caseload Caseload, int Index)
{
    public int Lsoa => Caseload.People.LsoaOf[Index];

    public int Age => Caseload.People.Ages[Index];

    public ulong Traits => Caseload.People.Traits[Index];
}
