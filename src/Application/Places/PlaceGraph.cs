using System.Collections.Concurrent;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <summary>
/// The places as at one date, on one vintage of LSOAs: which places existed, what lay in what, and the people in them.
/// Administrative and NHS places (districts, wards, practices, PCNs, ICBs, the ICS) are those in force on the date;
/// LSOAs are those of one Census (2011 or 2021: the vintage of the deprivation shown), each placed in its parents as
/// they were on the nearest day it existed. Resident populations come from one reference date on those LSOAs, so no
/// total mixes two vintages. Cheap to ask for: what it works out is kept for every date between the same two changes.
/// </summary>
public sealed class PlaceGraph
{
    private readonly PlaceTimeline timeline;
    private readonly Shared shared;

    internal PlaceGraph(PlaceTimeline timeline, DateOnly asAt, DateOnly lsoaRelease, DateOnly? residentsPeriod)
        : this(timeline, asAt, new Shared(lsoaRelease, residentsPeriod))
    {
    }

    private PlaceGraph(PlaceTimeline timeline, DateOnly asAt, Shared shared)
    {
        this.timeline = timeline;
        this.shared = shared;
        AsAt = asAt;
    }

    public long Version => timeline.Version;

    public DatasetKind Dataset => timeline.Dataset;

    public PlaceTimeline Timeline => timeline;

    /// <summary>The date the places are answered for.</summary>
    public DateOnly AsAt { get; }

    /// <summary>The Census whose LSOAs this view uses: 27 March 2011 or 21 March 2021.</summary>
    public DateOnly LsoaRelease => shared.LsoaRelease;

    /// <summary>"LSOA 2011" or "LSOA 2021".</summary>
    public string LsoaLabel => "LSOA " + LsoaRelease.Year;

    /// <summary>The edition of the Indices of Deprivation on these LSOAs (IoD2019 on 2011's, IoD2025 on 2021's).</summary>
    public IodVintage? Vintage => IodVintages.ForLsoaRelease(LsoaRelease);

    /// <summary>Whether that edition is loaded.</summary>
    public bool HasDeprivation => Vintage is { } v && timeline.IodVintagesLoaded.Contains(v);

    /// <summary>The reference date of the resident populations used (mid-2019, Census day 2021, …), if any are loaded.</summary>
    public DateOnly? ResidentsPeriod => shared.ResidentsPeriod;

    internal PlaceGraph WithDate(DateOnly asAt) => asAt == AsAt ? this : new PlaceGraph(timeline, asAt, shared);

    /// <summary>The place with this code, or known by it as its other code (ODS) on the view's date.</summary>
    public Area? Find(AreaCode code) => timeline.Find(code, AsAt) is { } area ? Named(area) : null;

    /// <summary>The place under its name on the view's date (for an LSOA, in its Census).</summary>
    public Area Named(Area area) =>
        timeline.IsRenamed(area.Code) ? shared.Named.GetOrAdd(area.Code, _ => area with { Name = timeline.NameOn(area, DayFor(area)) }) : area;

    /// <summary>Whether the place is in this view: in force on the date, or (an LSOA) of this view's Census.</summary>
    public bool Includes(Area area) =>
        area.Type.IsStatistical() ? area.Validity.Contains(LsoaRelease) : area.Validity.Contains(AsAt);

    public IEnumerable<Area> OfType(AreaType type) => timeline.Areas.Where(a => a.Type == type && Includes(a)).Select(Named);

    public IReadOnlyList<Area> Children(AreaCode code) =>
        shared.Children.GetOrAdd(code, c =>
        {
            var moved = Successors;
            return timeline.ChildPeriods(c)
                .Where(p => timeline.Find(p.Child) is { } child && Includes(child) && p.Validity.Contains(DayFor(child)))
                .Where(p => !(moved.Moves.TryGetValue(p.Child, out var to) && to.ContainsKey(c)))
                .Select(p => timeline.Find(p.Child)!)
                .Concat(moved.Adopted[c].Select(l => timeline.Find(l)!))
                .Select(Named)
                .DistinctBy(a => a.Code)
                .ToList();
        });

    public IReadOnlyList<Area> Parents(AreaCode code)
    {
        if (timeline.Find(code) is not { } area) return [];
        return shared.Parents.GetOrAdd(code, _ =>
        {
            var moved = Successors.Moves.GetValueOrDefault(code);
            return [.. ParentsOn(area, DayFor(area))
                .Select(p => moved is not null && moved.TryGetValue(p.Code, out var successor) ? timeline.Find(successor)! : p)
                .Select(Named)
                .DistinctBy(a => a.Code)];
        });
    }

    /// <summary>The places an area lay in on a day, as the sources give them.</summary>
    private IEnumerable<Area> ParentsOn(Area area, DateOnly day) =>
        timeline.ParentPeriods(area.Code).Where(p => p.Validity.Contains(day)).Select(p => timeline.Find(p.Parent)!);

    /// <summary>
    /// An LSOA of the view's Census that did not exist on the date (one of 2011 split in 2021, shown as at 2026) lies in its
    /// parents of the nearest day it existed; where such a parent had itself ceased by the date (Allerdale, become
    /// Cumberland in 2023), it lies instead where the LSOA(s) it became (or came from) lay on the date, if they all agree.
    /// Worked out once per view: LSOA → (parent ceased → parent in force).
    /// </summary>
    private SuccessorParents Successors => shared.Successors ??= FindSuccessors();

    private SuccessorParents FindSuccessors()
    {
        var found = new Dictionary<AreaCode, Dictionary<AreaCode, AreaCode>>();
        foreach (var lsoa in timeline.Shortlived)
        {
            if (!Includes(lsoa) || lsoa.Validity.Contains(AsAt)) continue;
            var others = (lsoa.Validity.To < AsAt ? timeline.ExactLinksFrom2011[lsoa.Code].Select(l => l.Lsoa2021) : timeline.ExactLinksTo2021[lsoa.Code].Select(l => l.Lsoa2011))
                .Where(o => o != lsoa.Code).Select(timeline.Find).OfType<Area>().Where(o => o.Validity.Contains(AsAt)).ToList();
            if (others.Count == 0) continue;
            foreach (var ceased in ParentsOn(lsoa, DayFor(lsoa)).Where(p => !p.Type.IsStatistical() && !p.Validity.Contains(AsAt)))
            {
                var there = others.Select(o => ParentsOn(o, AsAt).FirstOrDefault(p => p.Type == ceased.Type)?.Code).Distinct().ToList();
                if (there is [{ } successor])
                {
                    if (!found.TryGetValue(lsoa.Code, out var moves)) found[lsoa.Code] = moves = [];
                    moves[ceased.Code] = successor;
                }
            }
        }

        return new SuccessorParents(found, found.SelectMany(m => m.Value.Values.Select(parent => (Parent: parent, Lsoa: m.Key))).ToLookup(x => x.Parent, x => x.Lsoa));
    }

    /// <summary>The ICB a place lay in on the date, through any of its parents (a practice through its sub-ICB location).</summary>
    public Area? IcbOf(AreaCode code) => Ancestors(code).FirstOrDefault(a => a.Type == AreaType.Icb);

    /// <summary>Every place a place lay in on the date, through every hierarchy, nearest first (each once).</summary>
    public IEnumerable<Area> Ancestors(AreaCode code)
    {
        var seen = new HashSet<AreaCode> { code };
        var queue = new Queue<AreaCode>([code]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var parent in Parents(next))
            {
                if (!seen.Add(parent.Code)) continue;
                yield return parent;
                queue.Enqueue(parent.Code);
            }
        }
    }

    /// <summary>The LSOAs (of this view's Census) in an area, through any hierarchy; the area itself when it is one.</summary>
    public IReadOnlyList<AreaCode> LsoasIn(AreaCode code) => shared.Lsoas.GetOrAdd(code, Collect);

    /// <summary>
    /// Places of a type anywhere within an area, in code order: through any hierarchy, and for districts and wards (which
    /// NHS places do not list) also each one whose LSOAs of the view all lie in the area: the districts of an ICB.
    /// </summary>
    public IReadOnlyList<Area> Within(AreaCode code, AreaType type)
    {
        var found = Descendants(code, type);
        if (type is AreaType.District or AreaType.Ward && timeline.Find(code) is { } area && area.Type != type && !area.Type.IsStatistical())
        {
            var lsoas = LsoasIn(code);
            var inside = lsoas.ToHashSet();
            foreach (var candidate in lsoas.SelectMany(Parents).Where(p => p.Type == type).DistinctBy(p => p.Code))
            {
                if (!found.ContainsKey(candidate.Code) && LsoasIn(candidate.Code).All(inside.Contains)) found.Add(candidate.Code, candidate);
            }
        }

        return [.. found.Values.OrderBy(a => a.Code)];
    }

    private Dictionary<AreaCode, Area> Descendants(AreaCode code, AreaType type)
    {
        var found = new Dictionary<AreaCode, Area>();
        var seen = new HashSet<AreaCode>();
        var stack = new Stack<AreaCode>([code]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next)) continue;
            foreach (var child in Children(next))
            {
                if (child.Type == type) found.TryAdd(child.Code, child);
                if (child.Type != AreaType.Lsoa) stack.Push(child.Code);
            }
        }

        return found;
    }

    public long? Residents(AreaCode lsoa) => timeline.Residents(ResidentsPeriod, lsoa);

    /// <summary>The LSOA's deprivation in this view's edition of the Indices.</summary>
    public LsoaDeprivation? Deprivation(AreaCode lsoa) => Vintage is { } v ? timeline.Deprivation(v, lsoa) : null;

    /// <summary>
    /// Registered patients of an area on its latest list on or before the date: its own figure, else (a PCN or a
    /// neighbourhood) the sum of its practices' lists of one date.
    /// </summary>
    public (long Count, DateOnly Period)? Registered(AreaCode code)
    {
        if (timeline.Registered(code, AsAt) is { } own) return own;
        var practices = Children(code).Where(c => c.Type == AreaType.Practice)
            .Select(p => timeline.Registered(p.Code, AsAt)).OfType<(long Count, DateOnly Period)>().ToList();
        if (practices.Count == 0) return null;
        var latest = practices.Max(p => p.Period);
        return (practices.Where(p => p.Period == latest).Sum(p => p.Count), latest);
    }

    /// <summary>
    /// Anything derived only from this view (an overview, a rendered map), computed once and kept until the next import
    /// replaces the timeline.
    /// </summary>
    public T Memo<T>(object key, Func<T> create)
        where T : class => (T)shared.Memo.GetOrAdd(key, _ => create());

    /// <summary>Drops a kept result, e.g. a load that failed, so the next request tries again.</summary>
    public void Forget(object key) => shared.Memo.TryRemove(key, out _);

    /// <summary>Residents, LSOA count, Core20 share and registered patients of an area (computed once per area).</summary>
    public PlaceSummary Summarise(Area area) => shared.Summaries.GetOrAdd(area.Code, _ => Compute(Named(area)));

    /// <summary>The day on which a place's memberships are read: the date, or for an LSOA the nearest day it existed.</summary>
    private DateOnly DayFor(Area area) => area.Type.IsStatistical() ? area.Validity.Clamp(AsAt) : AsAt;

    private List<AreaCode> Collect(AreaCode code)
    {
        var found = new HashSet<AreaCode>();
        var seen = new HashSet<AreaCode>();
        var stack = new Stack<AreaCode>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next)) continue;
            if (timeline.Find(next) is { Type: AreaType.Lsoa } lsoa)
            {
                if (Includes(lsoa)) found.Add(next);
                continue;
            }

            foreach (var child in Children(next)) stack.Push(child.Code);
        }

        return [.. found.Order()];
    }

    private PlaceSummary Compute(Area area)
    {
        var lsoas = LsoasIn(area.Code);
        long population = 0, core20Population = 0;
        var core20 = 0;
        var withPopulation = 0;
        foreach (var lsoa in lsoas)
        {
            var people = Residents(lsoa);
            if (people is not null) withPopulation++;
            population += people ?? 0;
            if (Deprivation(lsoa)?.IsCore20 == true)
            {
                core20++;
                core20Population += people ?? 0;
            }
        }

        return new PlaceSummary(area, lsoas.Count, population, core20, core20Population, withPopulation, Registered(area.Code));
    }

    private sealed class Shared(DateOnly lsoaRelease, DateOnly? residentsPeriod)
    {
        public DateOnly LsoaRelease { get; } = lsoaRelease;

        public DateOnly? ResidentsPeriod { get; } = residentsPeriod;

        public ConcurrentDictionary<AreaCode, IReadOnlyList<Area>> Children { get; } = new();

        public ConcurrentDictionary<AreaCode, IReadOnlyList<Area>> Parents { get; } = new();

        public ConcurrentDictionary<AreaCode, IReadOnlyList<AreaCode>> Lsoas { get; } = new();

        public ConcurrentDictionary<AreaCode, PlaceSummary> Summaries { get; } = new();

        public ConcurrentDictionary<AreaCode, Area> Named { get; } = new();

        public SuccessorParents? Successors { get; set; }

        public ConcurrentDictionary<object, object> Memo { get; } = new();
    }

    /// <param name="Moves">LSOA → (parent ceased by the date → parent in force).</param>
    /// <param name="Adopted">Parent in force → the LSOAs moved into it.</param>
    private sealed record SuccessorParents(Dictionary<AreaCode, Dictionary<AreaCode, AreaCode>> Moves, ILookup<AreaCode, AreaCode> Adopted);
}

/// <param name="Core20Lsoas">LSOAs in national IMD deciles 1–2 of the view's edition.</param>
/// <param name="LsoasWithPopulation">LSOAs with a resident population loaded for the view's reference date.</param>
/// <param name="Registered">Registered patients on the latest list on or before the date, with its date.</param>
public sealed record PlaceSummary(
    Area Area,
    int Lsoas,
    long Population,
    int Core20Lsoas,
    long Core20Population,
    int LsoasWithPopulation = 0,
    (long Count, DateOnly Period)? Registered = null)
{
    /// <summary>
    /// Residents of the area's LSOAs on the view's reference date: null unless every one of them has a figure (a total
    /// with LSOAs missing would pass for the whole place).
    /// </summary>
    public long? Residents => Lsoas > 0 && LsoasWithPopulation == Lsoas ? Population : null;

    /// <summary>Why there is no total of residents though some are loaded: "2 of 112 LSOAs have no figure"; else null.</summary>
    public string? ResidentsGap
    {
        get
        {
            var missing = Lsoas - LsoasWithPopulation;
            if (missing == 0 || LsoasWithPopulation == 0 && Lsoas == 1) return null;
            return $"{missing:N0} of {AreaType.Lsoa.Counted(Lsoas)} {(missing == 1 ? "has" : "have")} no figure";
        }
    }

    /// <summary>Residents of Core20 LSOAs as a share of all residents, when every LSOA has a figure.</summary>
    public double? Core20Share => Residents is > 0 and var all ? (double)Core20Population / all : null;

    /// <summary>
    /// How many people the place serves, by one rule: residents where it is made of LSOAs (as <see cref="Residents"/>);
    /// registered patients for a practice, a PCN or a neighbourhood of practices; else none.
    /// </summary>
    public long? Headcount => Lsoas > 0 ? Residents
        : Area.Type is AreaType.Practice or AreaType.Pcn or AreaType.Neighbourhood ? Registered?.Count : null;
}
