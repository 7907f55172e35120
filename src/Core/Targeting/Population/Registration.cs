using Commonweal.Core.Statistics;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Registers people with practices: a pool (the sub-ICB location the LSOA is in) shares its residents among its practices
/// in proportion to their published list sizes (Hamilton's method), and households, in draw order, fill the practices one
/// after another — a household registers together. An LSOA whose pool has no practice uses all the ICS's practices.
/// </summary>
internal static class Registration
{
    public static void Assign(SyntheticPopulation population, PopulationFrame frame, ulong seed)
    {
        Array.Fill(population.Practices, (short)-1);
        if (frame.Practices.Count == 0) return;
        if (frame.Practices.Count > short.MaxValue) throw new ArgumentException("a population holds at most 32,767 practices", nameof(frame));

        var poolsWithPractices = frame.Practices.Select(p => p.Pool).ToHashSet();
        var households = new List<(int Lsoa, int Household, int Size, ulong Key)>[frame.Pools + 1]; // the last is the ICS-wide pool
        for (var p = 0; p < households.Length; p++) households[p] = [];
        var practiceOf = new int[population.Lsoas.Count][];
        for (var l = 0; l < population.Lsoas.Count; l++)
        {
            var lsoa = population.Lsoas[l];
            var sizes = population.HouseholdSizes(l);
            var draws = Draws.ForLsoa(seed, lsoa.Code.Value, lsoa.Copy);
            var pool = lsoa.Pool >= 0 && poolsWithPractices.Contains(lsoa.Pool) ? lsoa.Pool : frame.Pools;
            for (var h = 0; h < sizes.Length; h++) households[pool].Add((l, h, sizes[h], draws.Bits(h, Streams.PracticeOrder)));
            practiceOf[l] = new int[sizes.Length];
        }

        for (var pool = 0; pool < households.Length; pool++)
        {
            var members = households[pool];
            if (members.Count == 0) continue;
            var practices = Enumerable.Range(0, frame.Practices.Count).Where(p => pool == frame.Pools || frame.Practices[p].Pool == pool).ToList();
            members.Sort((a, b) => a.Key.CompareTo(b.Key));
            var targets = Apportionment.LargestRemainder(members.Sum(m => (long)m.Size), [.. practices.Select(p => (double)Math.Max(1, frame.Practices[p].ListSize))]);
            var j = 0;
            var room = targets[0];
            foreach (var (lsoa, household, size, _) in members)
            {
                while (room <= 0 && j < practices.Count - 1) room += targets[++j];
                practiceOf[lsoa][household] = practices[j];
                room -= size;
            }
        }

        for (var l = 0; l < population.Lsoas.Count; l++)
            for (var i = population.Offsets[l]; i < population.Offsets[l + 1]; i++) population.Practices[i] = (short)practiceOf[l][population.Households[i]];
    }
}
