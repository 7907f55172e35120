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
    /// Whether a count of people out of a population may be shown (docs/methods/disclosure-control.md): not when it is a
    /// small number under the policy (1–4 by default), nor when the rest of the population is (so that asking for the
    /// opposite rule cannot reveal it), nor when the population is under the policy's smallest denominator.
    /// </summary>
    public static bool Primary(long count, long population, DisclosurePolicy policy) =>
        DisclosureControl.Derived(0, count, population, policy).IsShown && DisclosureControl.Count(population - count, policy).IsShown;

    /// <summary>
    /// Small-number control of the counts of areas (docs/methods/cohort-rules.md, "Counts by place"): each count under
    /// <see cref="Primary"/>, then complementary suppression over the groups of areas whose sum is shown elsewhere (the
    /// whole, and each parent's areas): see <see cref="Protect"/>. Returns whether each count is shown.
    /// </summary>
    public static bool[] Disclose(IReadOnlyList<long> count, IReadOnlyList<long> population, DisclosurePolicy policy, IEnumerable<IReadOnlyList<int>>? parents = null)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(population);
        var shown = count.Select((c, u) => Primary(c, population[u], policy)).ToArray();
        Protect(count, shown, [Enumerable.Range(0, count.Count).ToArray(), .. parents ?? []]);
        return shown;
    }

    /// <summary>
    /// Complementary suppression: in every group of cells whose sum is known (shown as a total, or the population of the
    /// row), a single hidden cell could be worked out by subtraction, so the smallest shown cell above zero of that group
    /// (or, when there is none, the smallest shown zero) is hidden with it — repeated until no group has exactly one
    /// hidden cell. A zero is passed over first because, when the other zeros stay visible, a hidden zero is guessable.
    /// </summary>
    public static void Protect(IReadOnlyList<long> count, bool[] shown, IReadOnlyList<IReadOnlyList<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(groups);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var group in groups)
            {
                if (group.Count < 2 || group.Count(c => !shown[c]) != 1) continue;
                var next = group.Where(c => shown[c]).OrderBy(c => count[c] > 0 ? 0 : 1).ThenBy(c => count[c]).ThenBy(c => c).Cast<int?>().FirstOrDefault();
                if (next is not { } hide) continue;
                shown[hide] = false;
                changed = true;
            }
        }
    }
}
