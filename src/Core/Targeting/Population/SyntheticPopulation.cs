using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// A person-level population held in columns (ADR 0007): person i lives in LSOA <see cref="LsoaOf"/>(i), is
/// <see cref="Ages"/>[i] years old, of <see cref="Sexes"/>[i] (1 male, 2 female), in household <see cref="Households"/>[i]
/// (numbered within the LSOA), registered at practice <see cref="Practices"/>[i] (an index into <see cref="PracticeCodes"/>,
/// −1 none), with traits and eFI deficits as bit sets. The people of LSOA l are [<see cref="Offsets"/>[l], Offsets[l+1]).
/// </summary>
public sealed class SyntheticPopulation
{
    public const int OldestAge = 100;

    public SyntheticPopulation(IReadOnlyList<PopulationLsoa> lsoas, IReadOnlyList<AreaCode> practiceCodes, IReadOnlyList<AreaCode> districts, int people)
    {
        Lsoas = lsoas;
        PracticeCodes = practiceCodes;
        Districts = districts;
        Offsets = new int[lsoas.Count + 1];
        Ages = new byte[people];
        Sexes = new byte[people];
        Households = new int[people];
        Practices = new short[people];
        Traits = new ulong[people];
        Deficits = new ulong[people];
    }

    public IReadOnlyList<PopulationLsoa> Lsoas { get; }

    public IReadOnlyList<AreaCode> PracticeCodes { get; }

    public IReadOnlyList<AreaCode> Districts { get; }

    public int[] Offsets { get; }

    public byte[] Ages { get; }

    public byte[] Sexes { get; }

    public int[] Households { get; }

    public short[] Practices { get; }

    public ulong[] Traits { get; }

    public ulong[] Deficits { get; }

    public int Count => Ages.Length;

    /// <summary>An imported extract's pseudonymised person identifiers (null for a synthetic population, whose people are named by place).</summary>
    public string[]? PersonIds { get; set; }

    /// <summary>An imported extract's pseudonymised household identifier of each person (null for a synthetic population).</summary>
    public string[]? HouseholdIds { get; set; }

    /// <summary>The LSOA (index into <see cref="Lsoas"/>) of each person, filled from the offsets on first use.</summary>
    public int[] LsoaOf
    {
        get
        {
            if (lsoaOf is not null) return lsoaOf;
            var of = new int[Count];
            for (var l = 0; l < Lsoas.Count; l++) Array.Fill(of, l, Offsets[l], Offsets[l + 1] - Offsets[l]);
            return lsoaOf = of;
        }
    }

    private int[]? lsoaOf;

    public Sex SexOf(int person) => (Sex)Sexes[person];

    /// <summary>The number of people in each household of an LSOA (index = household number).</summary>
    public int[] HouseholdSizes(int lsoa)
    {
        var most = -1;
        for (var i = Offsets[lsoa]; i < Offsets[lsoa + 1]; i++) most = Math.Max(most, Households[i]);
        var sizes = new int[most + 1];
        for (var i = Offsets[lsoa]; i < Offsets[lsoa + 1]; i++) sizes[Households[i]]++;
        return sizes;
    }
}

/// <summary>An LSOA of a population (a copy of it when the population is scaled), with its district and deprivation facts.</summary>
/// <param name="DomainZ">The LSOA's score on each deprivation domain (by its number) as a z-score among the ICS's LSOAs.</param>
/// <param name="DomainDecile">The LSOA's national decile on each deprivation domain (null when unknown).</param>
public sealed record PopulationLsoa(AreaCode Code, int Copy, int District, int Pool, double[] DomainZ, int?[] DomainDecile)
{
    /// <summary>In the most deprived 20 % nationally (IMD deciles 1–2).</summary>
    public bool Core20 => DomainDecile[(int)DeprivationDomain.Imd] is <= 2;
}
