using System.Collections.Concurrent;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <summary>
/// Every place through time: each area with its validity, each membership with the period it held (from the dated
/// sources and the ICS description), resident populations by LSOA for each reference date, registered list sizes,
/// and each edition of the Indices of Deprivation. Built once per data version and shared by all requests; a
/// <see cref="PlaceGraph"/> is its view as at one date, on one vintage of LSOAs.
/// </summary>
public sealed class PlaceTimeline
{

    private readonly Dictionary<AreaCode, Area> areas;
    private readonly Dictionary<AreaCode, Area[]> byAlternate;
    private readonly Dictionary<AreaCode, NameFrom[]> names;
    private readonly Dictionary<AreaCode, List<MembershipPeriod>> childrenOf = [];
    private readonly Dictionary<AreaCode, List<MembershipPeriod>> parentsOf = [];
    private readonly SortedDictionary<DateOnly, Dictionary<AreaCode, long>> residents;
    private readonly Dictionary<AreaCode, SortedList<DateOnly, long>> registered;
    private readonly Dictionary<IodVintage, Dictionary<AreaCode, LsoaDeprivation>> deprivation;
    private readonly DateOnly[] changes;
    private readonly ConcurrentDictionary<(DateOnly Epoch, DateOnly LsoaRelease), KeptView> views = new();
    private long uses;

    public PlaceTimeline(
        long version,
        DatasetKind dataset,
        IcsDefinition ics,
        IEnumerable<Area> storedAreas,
        IEnumerable<AreaMembership> observations,
        IEnumerable<ReleasedArea> spellings,
        IEnumerable<(AreaCode Lsoa, DateOnly Period, long Count)> residentCounts,
        IEnumerable<(AreaCode Area, DateOnly Period, long Count)> registeredCounts,
        IEnumerable<LsoaDeprivation> deprivationRows,
        IReadOnlyList<LsoaLink> lsoaLinks)
    {
        Version = version;
        Dataset = dataset;
        Ics = ics;
        areas = storedAreas.ToDictionary(a => a.Code);
        names = Names(spellings);
        Validity ValidityOf(AreaCode c) => areas.TryGetValue(c, out var a) ? a.Validity : Validity.Always;
        var periods = MembershipTimeline.Periods(observations, ValidityOf)
            .Where(p => areas.ContainsKey(p.Child) && areas.ContainsKey(p.Parent))
            .ToList();
        periods.AddRange(LsoaInheritance.Periods(periods, lsoaLinks, ValidityOf));
        byAlternate = Alternates(areas.Values);
        var (icsAreas, icsPeriods) = IcsStructure.Build(ics, c => areas.GetValueOrDefault(c) ?? byAlternate.GetValueOrDefault(c)?[^1], periods);
        foreach (var area in icsAreas) areas[area.Code] = area;
        byAlternate = Alternates(areas.Values);
        foreach (var period in periods.Concat(icsPeriods).Where(p => areas.ContainsKey(p.Child) && areas.ContainsKey(p.Parent)))
        {
            Add(childrenOf, period.Parent, period);
            Add(parentsOf, period.Child, period);
        }

        residents = new SortedDictionary<DateOnly, Dictionary<AreaCode, long>>();
        foreach (var (lsoa, period, count) in residentCounts)
        {
            if (!residents.TryGetValue(period, out var byLsoa)) residents[period] = byLsoa = [];
            byLsoa[lsoa] = count;
        }

        registered = [];
        foreach (var (area, period, count) in registeredCounts)
        {
            if (!registered.TryGetValue(area, out var byDate)) registered[area] = byDate = [];
            byDate[period] = count;
        }

        deprivation = deprivationRows.GroupBy(d => d.Vintage).ToDictionary(g => g.Key, g => g.ToDictionary(d => d.Lsoa));
        LsoaLinks = lsoaLinks;
        ExactLinksTo2021 = lsoaLinks.Where(l => l.Change is not null).ToLookup(l => l.Lsoa2021);
        ExactLinksFrom2011 = lsoaLinks.Where(l => l.Change is not null).ToLookup(l => l.Lsoa2011);
        Shortlived = [.. areas.Values.Where(a => a.Type.IsStatistical() && a.Validity != Validity.Always)];
        changes = [.. areas.Values.SelectMany(a => Boundaries(a.Validity))
            .Concat(childrenOf.Values.SelectMany(l => l).SelectMany(p => Boundaries(p.Validity)))
            .Concat(residents.Keys)
            .Concat(registered.Values.SelectMany(r => r.Keys))
            .Distinct().Order()];
    }

    public long Version { get; }

    /// <summary>How many views (dates between two changes, on one Census's LSOAs) are kept at once.</summary>
    internal int MaxViews { get; init; } = 32;

    public DatasetKind Dataset { get; }

    public IcsDefinition Ics { get; }

    /// <summary>The editions of the Indices of Deprivation loaded, oldest first.</summary>
    public IReadOnlyList<IodVintage> IodVintagesLoaded => [.. deprivation.Keys.Order()];

    /// <summary>Every link between the LSOAs of 2011 and 2021 (ONS exact and best-fit lookups).</summary>
    public IReadOnlyList<LsoaLink> LsoaLinks { get; }

    /// <summary>The exact lookup's links of each LSOA of 2021 to the LSOA(s) of 2011 it came from.</summary>
    public ILookup<AreaCode, LsoaLink> ExactLinksTo2021 { get; }

    /// <summary>The exact lookup's links of each LSOA of 2011 to the LSOA(s) of 2021 it became.</summary>
    public ILookup<AreaCode, LsoaLink> ExactLinksFrom2011 { get; }

    /// <summary>The LSOAs and MSOAs of one Census only (split, merged or redrawn at the other).</summary>
    internal IReadOnlyList<Area> Shortlived { get; }

    /// <summary>The dates on which something changes, in order: two dates between the same two changes give the same view.</summary>
    public IReadOnlyList<DateOnly> Changes => changes;

    public Area? Find(AreaCode code) => areas.GetValueOrDefault(code);

    /// <summary>
    /// The place with this code, or else the one known by it as its other code (an ODS code such as 06Q or QH8)
    /// that was in force on the date: 92A, for one, named three sub-ICB locations in turn. Failing that, the latest.
    /// </summary>
    public Area? Find(AreaCode code, DateOnly date) =>
        areas.GetValueOrDefault(code)
        ?? (byAlternate.TryGetValue(code, out var known) ? known.LastOrDefault(a => a.Validity.Contains(date)) ?? known[^1] : null);

    public IEnumerable<Area> Areas => areas.Values;

    /// <summary>Whether the place has gone by more than one name (its name then depends on the date).</summary>
    internal bool IsRenamed(AreaCode code) => names.ContainsKey(code);

    /// <summary>
    /// The place's name on a date, as the releases spell it: each new spelling taken to start on the latest
    /// reorganisation of its type since the release before (an ICB's sub-ICB locations took its name on 1 July 2022 and
    /// again on 1 April 2026), else on the release's own date; before the first release, the first spelling.
    /// </summary>
    internal string NameOn(Area area, DateOnly date)
    {
        if (!names.TryGetValue(area.Code, out var spelt)) return area.Name;
        var name = spelt[0].Name;
        foreach (var (from, spelling) in spelt)
        {
            if (from > date) break;
            name = spelling;
        }

        return name;
    }

    /// <summary>The places <paramref name="code"/> lay in, each with its period (history, not one date).</summary>
    public IReadOnlyList<MembershipPeriod> ParentPeriods(AreaCode code) => parentsOf.TryGetValue(code, out var l) ? l : [];

    internal IReadOnlyList<MembershipPeriod> ChildPeriods(AreaCode code) => childrenOf.TryGetValue(code, out var l) ? l : [];

    internal LsoaDeprivation? Deprivation(IodVintage vintage, AreaCode lsoa) =>
        deprivation.TryGetValue(vintage, out var byLsoa) ? byLsoa.GetValueOrDefault(lsoa) : null;

    internal IReadOnlyDictionary<AreaCode, LsoaDeprivation> Deprivation(IodVintage vintage) =>
        deprivation.TryGetValue(vintage, out var byLsoa) ? byLsoa : new Dictionary<AreaCode, LsoaDeprivation>();

    /// <summary>
    /// The view as at <paramref name="asAt"/> on the LSOAs of the Census of <paramref name="lsoaRelease"/> (2011 or
    /// 2021). Dates between the same two changes share one view, so whatever it has worked out is reused.
    /// </summary>
    public PlaceGraph At(DateOnly asAt, DateOnly lsoaRelease)
    {
        var key = (Epoch(asAt), lsoaRelease);
        if (!views.TryGetValue(key, out var kept))
        {
            // The least recently used view makes way: a page's own dates (today, the ICB change) stay warm.
            if (views.Count >= MaxViews && views.MinBy(v => v.Value.LastUsed) is { Key: var oldest }) views.TryRemove(oldest, out _);
            kept = views.GetOrAdd(key, _ => new KeptView(new PlaceGraph(this, asAt, lsoaRelease, ResidentsPeriod(asAt, lsoaRelease))));
        }

        kept.LastUsed = Interlocked.Increment(ref uses);
        return kept.View.WithDate(asAt);
    }

    /// <summary>The Census whose LSOAs were in force on <paramref name="date"/> (2011 before 21 March 2021).</summary>
    public static DateOnly LsoaReleaseOn(DateOnly date) => date >= Reorganisations.Census[1] ? Reorganisations.Census[1] : Reorganisations.Census[0];

    /// <summary>The latest resident population on these LSOAs dated on or before the date, else their earliest.</summary>
    private DateOnly? ResidentsPeriod(DateOnly asAt, DateOnly lsoaRelease)
    {
        var window = LsoaWindow(lsoaRelease);
        DateOnly? chosen = null;
        foreach (var period in residents.Keys)
        {
            if (!window.Contains(period)) continue;
            if (period <= asAt || chosen is null) chosen = period;
            if (period > asAt) break;
        }

        return chosen;
    }

    /// <summary>The days on which the LSOAs of a Census were the ones in force: from its day to the next Census's eve.</summary>
    public static Validity LsoaWindow(DateOnly lsoaRelease)
    {
        var next = Reorganisations.Census.Where(c => c > lsoaRelease).Cast<DateOnly?>().FirstOrDefault();
        return new Validity(lsoaRelease, next?.AddDays(-1));
    }

    internal long? Residents(DateOnly? period, AreaCode lsoa) =>
        period is { } p && residents.TryGetValue(p, out var byLsoa) && byLsoa.TryGetValue(lsoa, out var n) ? n : null;

    /// <summary>An area's latest registered list on or before the date, with its date.</summary>
    internal (long Count, DateOnly Period)? Registered(AreaCode area, DateOnly asAt)
    {
        if (!registered.TryGetValue(area, out var byDate)) return null;
        (long, DateOnly)? found = null;
        foreach (var (period, count) in byDate)
        {
            if (period > asAt) break;
            found = (count, period);
        }

        return found;
    }

    private DateOnly Epoch(DateOnly date)
    {
        var index = Array.BinarySearch(changes, date);
        if (index >= 0) return changes[index];
        index = ~index;
        return index == 0 ? DateOnly.MinValue : changes[index - 1];
    }

    private sealed class KeptView(PlaceGraph view)
    {
        public PlaceGraph View { get; } = view;

        public long LastUsed { get; set; }
    }

    private readonly record struct NameFrom(DateOnly From, string Name);

    private static Dictionary<AreaCode, NameFrom[]> Names(IEnumerable<ReleasedArea> spellings) =>
        spellings.Where(r => r.IsNamed).GroupBy(r => r.Area).Where(g => g.Select(r => r.Name).Distinct().Skip(1).Any()).ToDictionary(g => g.Key, g =>
        {
            var ordered = g.OrderBy(r => r.Release).ToList();
            var spelt = new List<NameFrom> { new(DateOnly.MinValue, ordered[0].Name) };
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Name == spelt[^1].Name) continue;
                spelt.Add(new NameFrom(Reorganisations.ChangeDate(ordered[i].Type, ordered[i - 1].Release, ordered[i].Release), ordered[i].Name));
            }

            return spelt.ToArray();
        });

    /// <summary>Areas by their other code, each list oldest first.</summary>
    private static Dictionary<AreaCode, Area[]> Alternates(IEnumerable<Area> all) =>
        all.Where(a => a.AlternateCode is not null && AreaCode.TryParse(a.AlternateCode, out _))
            .GroupBy(a => AreaCode.Parse(a.AlternateCode!))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Validity.From ?? DateOnly.MinValue).ThenBy(a => a.Code).ToArray());

    private static IEnumerable<DateOnly> Boundaries(Validity validity)
    {
        if (validity.From is { } from) yield return from;
        if (validity.To is { } to && to < DateOnly.MaxValue) yield return to.AddDays(1);
    }

    private static void Add(Dictionary<AreaCode, List<MembershipPeriod>> map, AreaCode key, MembershipPeriod value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
