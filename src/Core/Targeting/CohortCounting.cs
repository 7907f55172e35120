using Commonweal.Core.Statistics;

namespace Commonweal.Core.Targeting;

/// <summary>
/// Where people are counted: by where they live (each LSOA of the population in a unit, or −1 in none) or by where they are
/// registered (each practice in a unit, or −1).
/// </summary>
public sealed record PersonUnits(int Count, int[]? UnitOfLsoa, int[]? UnitOfPractice)
{
    public static PersonUnits ByResidence(int units, int[] unitOfLsoa) => new(units, unitOfLsoa, null);

    public static PersonUnits ByRegistration(int units, int[] unitOfPractice) => new(units, null, unitOfPractice);

    public bool ByRegistered => UnitOfPractice is not null;
}

/// <summary>People matching a rule, and everyone, in each unit: one pass over the caseload, in parallel by LSOA.</summary>
public static class CohortCounting
{
    public static (long[] Count, long[] Population) Count(Caseload caseload, CohortRule<CaseloadPerson> rule, PersonUnits units)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(units);
        var count = new long[units.Count];
        var population = new long[units.Count];
        var people = caseload.People;
        var gate = new object();
        Parallel.For(0, people.Lsoas.Count, () => (new long[units.Count], new long[units.Count]), (l, _, local) =>
        {
            var residence = units.UnitOfLsoa?[l] ?? -1;
            for (var i = people.Offsets[l]; i < people.Offsets[l + 1]; i++)
            {
                var unit = units.UnitOfPractice is { } ofPractice ? (people.Practices[i] is >= 0 and var k ? ofPractice[k] : -1) : residence;
                if (unit < 0) continue;
                local.Item2[unit]++;
                if (rule.Matches(new CaseloadPerson(caseload, i))) local.Item1[unit]++;
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                for (var u = 0; u < units.Count; u++)
                {
                    count[u] += local.Item1[u];
                    population[u] += local.Item2[u];
                }
            }
        });
        return (count, population);
    }

    /// <summary>
    /// The people matching a rule, in canonical order (LSOA, copy, then as generated).
    /// </summary>
    public static IReadOnlyList<int> Select(Caseload caseload, CohortRule<CaseloadPerson> rule)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        ArgumentNullException.ThrowIfNull(rule);
        var selected = new List<int>();
        for (var i = 0; i < caseload.Count; i++)
            if (rule.Matches(new CaseloadPerson(caseload, i))) selected.Add(i);
        return selected;
    }

    /// <summary>
    /// Small-number control of the counts of areas that together make a whole (docs/methods/disclosure-control.md): counts and
    /// populations suppressed under the policy, and — so that a suppressed count cannot be worked out from the whole's —
    /// when exactly one count is suppressed, the next smallest shown one as well. Returns whether each count is shown.
    /// </summary>
    public static bool[] Disclose(IReadOnlyList<long> count, IReadOnlyList<long> population, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(population);
        var shown = count.Select((c, u) => DisclosureControl.Derived(0, c, population[u], policy).IsShown).ToArray();
        if (shown.Count(s => !s) == 1)
        {
            var next = Enumerable.Range(0, shown.Length).Where(u => shown[u]).OrderBy(u => count[u]).ThenBy(u => u).Cast<int?>().FirstOrDefault();
            if (next is { } u) shown[u] = false;
        }

        return shown;
    }
}
