namespace Commonweal.Core.Places;

/// <summary>
/// Turns dated observations of memberships into the periods in which each held. For one child and one parent type,
/// observations are taken in date order and runs of the same parent merged; each new parent holds from the date of
/// the change (<see cref="Reorganisations.ChangeDate"/> between the last observation of the old parent and the first
/// of the new), the first from the child's own start. Every period is cut to the days on which both the child and the
/// parent existed. So "06Q in QH8" (maps of January 2022 to January 2026) and "06Q in D7T5G" (August 2026) become
/// QH8 until 31 March 2026 and D7T5G from 1 April 2026, the date of the ICB mergers.
/// </summary>
public static class MembershipTimeline
{
    public const string Source = "dated sources";

    /// <param name="observations">Every observation, in any order.</param>
    /// <param name="validity">When each place existed (<see cref="Validity.Always"/> when unknown).</param>
    public static IEnumerable<MembershipPeriod> Periods(IEnumerable<AreaMembership> observations, Func<AreaCode, Validity> validity)
    {
        foreach (var group in observations.GroupBy(m => (m.Child, m.ParentType)))
        {
            var ordered = group.OrderBy(m => m.ObservedOn).ToList();
            var childValidity = validity(group.Key.Child);
            var runStart = 0;
            DateOnly? from = childValidity.From;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && ordered[i].Parent == ordered[runStart].Parent) continue;
                DateOnly? next = i < ordered.Count
                    ? Reorganisations.ChangeDate(group.Key.ParentType, ordered[i - 1].ObservedOn, ordered[i].ObservedOn)
                    : null;
                var run = ordered[runStart];
                var period = new Validity(from, next?.AddDays(-1)).Intersect(childValidity).Intersect(validity(run.Parent));
                if (!period.IsEmpty)
                    yield return new MembershipPeriod(run.Child, run.ChildType, run.Parent, run.ParentType, period, Source);
                from = next;
                runStart = i;
            }
        }
    }
}
