namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Puts the people of one LSOA into households (docs/methods/synthetic-population.md, "Households"). The reference data
/// has no household file, so the rules are simple and stated: children (under 18) in groups of 1–4 siblings (45 %, 38 %,
/// 13 %, 4 %) with a parent 18–45 years older than each child (when nobody of that age is free, the nearest free adult) — a couple in 72 % of families, otherwise a lone parent, a
/// mother in nine in ten — then a pregnant woman without a family of her own with a partner (70 %) or alone; then the
/// other adults live alone (15 % under 35, 18 % to 64, 33 % to 74, 50 % from 75), as a couple of similar ages (70 % of the
/// rest), or share with one to three adults of similar age.
/// </summary>
internal sealed class Households
{
    private const int ChildAge = 18;
    private readonly Stack<int>[,] unassigned; // [sex 0/1, age] adults not yet in a household, in draw order
    private readonly int[] household;
    private readonly byte[] ages;
    private readonly byte[] sexes;
    private readonly int offset;
    private readonly Draws draws;
    private int next;

    private Households(byte[] ages, byte[] sexes, int[] household, int offset, int count, Draws draws)
    {
        this.ages = ages;
        this.sexes = sexes;
        this.household = household;
        this.offset = offset;
        this.draws = draws;
        unassigned = new Stack<int>[2, SyntheticPopulation.OldestAge + 1];
        for (var s = 0; s < 2; s++)
            for (var a = 0; a <= SyntheticPopulation.OldestAge; a++) unassigned[s, a] = new Stack<int>();
        Array.Fill(household, -1, offset, count);
    }

    /// <summary>Fills <paramref name="household"/>[offset..offset+count) with household numbers 0, 1, … for the LSOA's people.</summary>
    public static void Form(byte[] ages, byte[] sexes, ulong[] traits, int[] household, int offset, int count, Draws draws)
    {
        var h = new Households(ages, sexes, household, offset, count, draws);
        var order = Enumerable.Range(0, count).OrderBy(i => draws.Bits(i, Streams.HouseholdOrder)).ToArray();
        // Stacks pop the last pushed first: push in reverse draw order so the first drawn is taken first.
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var i = order[k];
            if (ages[offset + i] >= ChildAge) h.unassigned[sexes[offset + i] - 1, ages[offset + i]].Push(i);
        }

        h.Families(order.Where(i => ages[offset + i] < ChildAge).ToList());
        foreach (var i in order)
        {
            if (h.household[offset + i] < 0 && traits[offset + i].Has(Trait.Pregnant)) h.PregnantWoman(i);
        }

        foreach (var i in order)
        {
            if (h.household[offset + i] < 0 && ages[offset + i] >= ChildAge) h.Adult(i);
        }
    }

    private void Families(List<int> children)
    {
        for (var pos = 0; pos < children.Count;)
        {
            var first = children[pos];
            var u = draws.Uniform(first, Streams.SiblingCount);
            var size = u < 0.45 ? 1 : u < 0.83 ? 2 : u < 0.96 ? 3 : 4;
            var group = children.GetRange(pos, Math.Min(size, children.Count - pos));
            pos += group.Count;
            var oldest = group.Max(c => ages[offset + c]);
            var youngest = group.Min(c => ages[offset + c]);
            var lo = oldest + 18;
            var hi = Math.Max(lo, youngest + 45);
            var target = Math.Clamp(youngest + 22 + (int)(draws.Uniform(first, Streams.ParentAge) * 16), lo, hi);
            var couple = draws.Uniform(first, Streams.Couple) < 0.72;
            var motherFirst = couple || draws.Uniform(first, Streams.LoneParentSex) < 0.9;
            var parent = Take(motherFirst ? 1 : 0, target, lo, hi) ?? Take(motherFirst ? 0 : 1, target, lo, hi) ?? Take(1, target, 18, SyntheticPopulation.OldestAge) ?? Take(0, target, 18, SyntheticPopulation.OldestAge);
            var number = next++;
            foreach (var c in group) household[offset + c] = number;
            if (parent is not { } p) continue;
            household[offset + p] = number;
            if (couple) Partner(p, number);
        }
    }

    private void PregnantWoman(int woman)
    {
        var number = next++;
        household[offset + woman] = number;
        if (draws.Uniform(woman, Streams.Couple) < 0.7) Partner(woman, number);
    }

    private void Adult(int person)
    {
        var age = ages[offset + person];
        var number = next++;
        household[offset + person] = number;
        var u = draws.Uniform(person, Streams.LivingArrangement);
        var alone = age < 35 ? 0.15 : age < 65 ? 0.18 : age < 75 ? 0.33 : 0.5;
        if (u < alone) return;
        if (u < alone + (1 - alone) * 0.7)
        {
            Partner(person, number);
            return;
        }

        var others = 1 + (int)(draws.Uniform(person, Streams.SharedCount) * 3);
        for (var k = 0; k < others; k++)
        {
            var sex = draws.Bits(4 * person + k, Streams.SharedSex) % 2 == 0 ? 0 : 1;
            if ((Take(sex, age, age - 10, age + 10) ?? Take(1 - sex, age, age - 10, age + 10)) is { } mate) household[offset + mate] = number;
        }
    }

    private void Partner(int person, int number)
    {
        var age = ages[offset + person];
        var otherSex = sexes[offset + person] == 1 ? 1 : 0; // sexes are 1 male, 2 female; stacks are 0 male, 1 female
        var target = Math.Max(18, age + (otherSex == 0 ? 2 : -2));
        if (Take(otherSex, target, target - 8, target + 8) is { } partner) household[offset + partner] = number;
    }

    /// <summary>The first unassigned adult of the sex nearest the target age within [lo, hi], or null.</summary>
    private int? Take(int sex, int target, int lo, int hi)
    {
        lo = Math.Max(lo, ChildAge);
        hi = Math.Min(hi, SyntheticPopulation.OldestAge);
        for (var step = 0; target - step >= lo || target + step <= hi; step++)
        {
            foreach (var age in step == 0 ? [target] : new[] { target - step, target + step })
            {
                if (age < lo || age > hi) continue;
                var stack = unassigned[sex, age];
                while (stack.Count > 0)
                {
                    var candidate = stack.Pop();
                    if (household[offset + candidate] < 0) return candidate;
                }
            }
        }

        return null;
    }
}
