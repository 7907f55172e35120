namespace Commonweal.Core.Places;

/// <summary>
/// The parents an LSOA of 2021 takes from the LSOA(s) of 2011 it came from, where no source places it itself: most
/// lookups to wards are of 2011 LSOAs, so a 2021 LSOA made by splitting one lies in that one's ward, and one made by
/// merging (or redrawing) several lies in their ward when they all lay in the same one. Unchanged LSOAs keep their code,
/// so need nothing. Statistical parents (MSOAs of 2011) are not passed on: they belong to the other Census.
/// </summary>
public static class LsoaInheritance
{
    /// <param name="periods">Every membership period from the dated sources.</param>
    /// <param name="exactLinks">ONS's exact lookup links (those with a change code).</param>
    /// <param name="validity">When each place existed.</param>
    /// <returns>The periods the 2021 LSOAs inherit: from the 2021 LSOA's start, for as long as the parent existed.</returns>
    public static IEnumerable<MembershipPeriod> Periods(
        IReadOnlyList<MembershipPeriod> periods, IEnumerable<LsoaLink> exactLinks, Func<AreaCode, Validity> validity)
    {
        var byChild = periods.ToLookup(p => p.Child);
        foreach (var links in exactLinks.Where(l => l.Change is { } c && c != LsoaChange.Unchanged).GroupBy(l => l.Lsoa2021))
        {
            var lsoa = links.Key;
            var held = byChild[lsoa].Select(p => p.ParentType).ToHashSet();
            var predecessors = links.Select(l => l.Lsoa2011).Distinct().Order().ToList();
            var types = predecessors.SelectMany(p => byChild[p]).Select(p => p.ParentType)
                .Where(t => !t.IsStatistical() && !held.Contains(t)).Distinct();
            foreach (var type in types)
            {
                // Each predecessor's latest parent of the type; passed on only when they all agree.
                var parents = predecessors
                    .Select(p => byChild[p].Where(x => x.ParentType == type).MaxBy(x => x.Validity.From ?? DateOnly.MinValue))
                    .ToList();
                if (parents.Any(p => p is null) || parents.Select(p => p!.Parent).Distinct().Count() != 1) continue;
                var first = parents[0]!;
                var period = validity(lsoa).Intersect(validity(first.Parent));
                if (period.IsEmpty) continue;
                yield return new MembershipPeriod(lsoa, AreaType.Lsoa, first.Parent, type, period,
                    $"from {string.Join(", ", predecessors)} (ONS exact lookup, {links.First().Change!.Value.ToString().ToLowerInvariant()})");
            }
        }
    }
}
