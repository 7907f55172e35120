using System.Diagnostics;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;
using Commonweal.Persistence;

namespace Commonweal.Application.Targeting;

/// <summary>Who is asking for people: the name the audit trail records and the roles that decide what they may see.</summary>
public sealed record Viewer(string Actor, IReadOnlyCollection<string> Roles)
{
    public bool MaySeePeople => Core.Access.Roles.MaySeePeople(Roles);
}

/// <summary>An area's people matching a rule (null when suppressed: a small number, or to protect one) and all its people (null when under the policy's smallest denominator).</summary>
public sealed record CohortCountRow(Area Area, long? Count, long? Population)
{
    public double? Share => Count is { } c && Population is > 0 and var p ? (double)c / p : null;
}

/// <summary>
/// A person rule's counts by area: by where people live, or (practices, PCNs) by where they are registered; the whole's
/// count under the same small-number control as an area's (null when suppressed).
/// </summary>
public sealed record CohortCounts(string Rule, AreaType By, bool ByRegistration, IReadOnlyList<CohortCountRow> Rows, long? Count, long Population, TimeSpan Counting)
{
    public double? Share => Count is { } c && Population > 0 ? (double)c / Population : null;
}

/// <summary>A place's people and how many are in each risk tier (null when suppressed).</summary>
public sealed record RiskPlaceRow(Area Area, long? Population, IReadOnlyList<long?> Tiers);

/// <summary>Risk tiers by place, and the whole population by tier and by segment (index = <see cref="Segment"/>).</summary>
public sealed record RiskByPlace(AreaType By, bool ByRegistration, RiskModel Model, IReadOnlyList<RiskPlaceRow> Rows, IReadOnlyList<long> Tiers, IReadOnlyList<long> Segments, long People);

/// <summary>One person of a cohort as a list shows them (pseudonymous: no name, no NHS number, no address).</summary>
public sealed record CohortMember(string PersonId, string HouseholdId, int Age, string Sex, AreaCode Lsoa, AreaCode? District, AreaCode? Practice,
    double Score, string Tier, string Segment, int? EfiDeficits, IReadOnlyList<string> Traits, IReadOnlyList<RiskFactor> Factors);

/// <summary>
/// Person cohorts over the stored population (docs/methods/cohort-rules.md): counts by place for everyone, with small numbers
/// suppressed, and the list of people only for the roles that need it (<see cref="Roles.PersonLevel"/>), every list audited.
/// </summary>
public sealed class PersonCohorts(PopulationStore store, CaseloadCache cache, PlaceQueries places, AuditLog audit, CommonwealDbContext db)
{
    public static Refusal NotForYou { get; } = new("not allowed",
        $"Lists of people are for the roles that need them ({string.Join(", ", Roles.PersonLevel)}); counts by place are open to every role.", RefusalKind.Forbidden);

    public async Task<Answer<CohortCounts>> CountAsync(string? rule, AreaType by, DateOnly? asAt = null, DisclosurePolicy? policy = null, CancellationToken cancellationToken = default)
    {
        var (parsed, problems) = CohortRule.Parse(rule, PersonFields.All);
        if (parsed is null) return Unreadable(problems);
        if ((await cache.GetAsync(store, cancellationToken))?.Caseload is not { } caseload) return PopulationGeneration.NoPopulation;
        var graph = await places.GraphAsync(new ViewRequest(asAt, IodVintage.Iod2025), cancellationToken);
        var mapped = Units(graph, caseload.People, by);
        if (mapped.Refusal is { } none) return none;
        var (areas, units, parents) = mapped.Value!;
        var clock = Stopwatch.StartNew();
        var (count, population) = CohortCounting.Count(caseload, parsed, units);
        var counting = clock.Elapsed;
        policy ??= DisclosurePolicy.Default;
        var shown = CohortCounting.Disclose(count, population, policy, parents);
        var rows = areas.Select((a, u) => new CohortCountRow(a, shown[u] ? Shown(count[u], policy) : null,
            DisclosureControl.Denominator(population[u], policy).IsShown ? population[u] : null)).ToList();
        var (total, everyone) = (count.Sum(), population.Sum());
        return new CohortCounts(parsed.Text, by, units.ByRegistered, rows, CohortCounting.Primary(total, everyone, policy) ? Shown(total, policy) : null, everyone, counting);
    }

    /// <summary>The people a rule selects, in canonical order, each with their risk factors; refused unless the viewer's roles allow it, and audited.</summary>
    public async Task<Answer<IReadOnlyList<CohortMember>>> ListAsync(string? rule, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.MaySeePeople)
        {
            audit.Record(viewer.Actor, "cohort.list.refused", "Cohort", rule ?? "", $"{purpose}: roles {string.Join(", ", viewer.Roles)}");
            await db.SaveChangesAsync(cancellationToken);
            return NotForYou;
        }

        var (parsed, problems) = CohortRule.Parse(rule, PersonFields.All);
        if (parsed is null) return Unreadable(problems);
        if ((await cache.GetAsync(store, cancellationToken))?.Caseload is not { } caseload) return PopulationGeneration.NoPopulation;
        var selected = CohortCounting.Select(caseload, parsed);
        audit.Record(viewer.Actor, "cohort." + purpose, "Cohort", parsed.Text, $"{selected.Count:N0} people listed");
        await db.SaveChangesAsync(cancellationToken);
        return selected.Select(i => Member(caseload, i)).ToList();
    }

    /// <summary>
    /// How many people of each place are in each risk tier (each tier's column under small-number control, as
    /// <see cref="CountAsync"/>), with the whole ICS by tier and by segment.
    /// </summary>
    public async Task<Answer<RiskByPlace>> RiskAsync(AreaType by, DateOnly? asAt = null, CancellationToken cancellationToken = default)
    {
        if ((await cache.GetAsync(store, cancellationToken))?.Caseload is not { } caseload) return PopulationGeneration.NoPopulation;
        var graph = await places.GraphAsync(new ViewRequest(asAt, IodVintage.Iod2025), cancellationToken);
        var mapped = Units(graph, caseload.People, by);
        if (mapped.Refusal is { } none) return none;
        var (areas, units, parents) = mapped.Value!;
        var policy = DisclosurePolicy.Default;
        var model = caseload.Risk.Model;
        var tiers = model.Tiers.Count;
        long[] population = [];
        var cells = new long[areas.Count * tiers]; // area u, tier t at u * tiers + t
        for (var t = 0; t < tiers; t++)
        {
            var rule = CohortRule.Parse("tier = " + Caseload.TierCode(model.Tiers[t]), PersonFields.All).Rule!;
            var (count, people) = CohortCounting.Count(caseload, rule, units);
            population = people;
            for (var u = 0; u < areas.Count; u++) cells[u * tiers + t] = count[u];
        }

        // Each tier's column adds up to the tier's whole (and each parent's), each area's row to its population.
        var shown = cells.Select((c, k) => CohortCounting.Primary(c, population[k / tiers], policy)).ToArray();
        var groups = new List<IReadOnlyList<int>>();
        for (var t = 0; t < tiers; t++)
        {
            var tier = t;
            groups.Add([.. Enumerable.Range(0, areas.Count).Select(u => u * tiers + tier)]);
            groups.AddRange(parents.Select(g => (IReadOnlyList<int>)[.. g.Select(u => u * tiers + tier)]));
        }

        groups.AddRange(Enumerable.Range(0, areas.Count).Select(u => (IReadOnlyList<int>)[.. Enumerable.Range(u * tiers, tiers)]));
        CohortCounting.Protect(cells, shown, groups);
        var rows = areas.Select((a, u) => new RiskPlaceRow(a, DisclosureControl.Denominator(population[u], policy).IsShown ? population[u] : null,
            [.. Enumerable.Range(u * tiers, tiers).Select(k => shown[k] ? cells[k] : (long?)null)])).ToList();
        var byTier = new long[model.Tiers.Count];
        var bySegment = new long[Segments.All.Count];
        for (var i = 0; i < caseload.Count; i++)
        {
            byTier[caseload.Risk.Tiers[i]]++;
            bySegment[caseload.Risk.Segments[i]]++;
        }

        return new RiskByPlace(by, units.ByRegistered, model, rows, byTier, bySegment, caseload.Count);
    }

    public static CohortMember Member(Caseload caseload, int person)
    {
        var people = caseload.People;
        var risk = caseload.Risk;
        var lsoa = people.LsoaOf[person];
        var age = people.Ages[person];
        return new CohortMember(caseload.PersonId(person), caseload.HouseholdId(caseload.HouseholdOf[person]), age, people.SexOf(person) == Sex.Male ? "male" : "female",
            people.Lsoas[lsoa].Code, caseload.DistrictOf(lsoa), people.Practices[person] is >= 0 and var k ? people.PracticeCodes[k] : null,
            risk.Scores[person], Caseload.TierCode(risk.Model.Tiers[risk.Tiers[person]]), ((Segment)risk.Segments[person]).Code(),
            age >= FrailtyTest.FromAge ? risk.EfiCounts[person] : null,
            [.. Traits.All.Where(t => people.Traits[person].Has(t)).Select(t => t.Name())],
            RiskStratification.Explain(people, person, risk.Model));
    }

    private static Refusal Unreadable(IReadOnlyList<RuleProblem> problems) =>
        new("the rule cannot be read", "the rule cannot be read: " + string.Join("; ", problems.Select(p => p.ToString())));

    /// <summary>A count as shown under the policy: rounded where the policy rounds.</summary>
    private static long Shown(long count, DisclosurePolicy policy) => (long)DisclosureControl.Count(count, policy).Value;

    /// <summary>The areas of a type, which of them each person falls in, and the groups of areas that make up a parent (for complementary suppression).</summary>
    public sealed record AreaUnits(IReadOnlyList<Area> Areas, PersonUnits Units, IReadOnlyList<IReadOnlyList<int>> Parents);

    /// <summary>
    /// The areas of a type in the ICS and which of them each person falls in: by residence (each LSOA's area) when the
    /// areas hold LSOAs, else by registration (each practice's area: practices, PCNs, neighbourhoods of PCNs). Areas below a
    /// district (wards, MSOAs, LSOAs) are grouped by district and practices by PCN, so that a district's or a PCN's count
    /// cannot give away one of its areas'. Refused when the areas hold none of the population's LSOAs or practices.
    /// </summary>
    public static Answer<AreaUnits> Units(PlaceGraph graph, SyntheticPopulation people, AreaType by)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(people);
        var ics = graph.Timeline.Ics.Code;
        var areas = by == AreaType.Ics ? [graph.Find(ics)!] : graph.Within(ics, by);
        var lsoaIndex = new Dictionary<AreaCode, int>();
        for (var l = 0; l < people.Lsoas.Count; l++) lsoaIndex.TryAdd(people.Lsoas[l].Code, l);
        var ofLsoa = new int[people.Lsoas.Count];
        Array.Fill(ofLsoa, -1);
        var any = false;
        for (var u = 0; u < areas.Count; u++)
        {
            var codes = by == AreaType.Lsoa ? [areas[u].Code] : graph.LsoasIn(areas[u].Code);
            foreach (var code in codes)
            {
                if (!lsoaIndex.ContainsKey(code)) continue;
                any = true;
                // Every copy of a scaled population's LSOA lies where the LSOA does.
                for (var l = lsoaIndex[code]; l < people.Lsoas.Count && people.Lsoas[l].Code == code; l++)
                    if (ofLsoa[l] < 0) ofLsoa[l] = u;
            }
        }

        if (any)
        {
            // Areas each within one district, and more of them than districts, make up their districts.
            var inUnit = Enumerable.Range(0, ofLsoa.Length).Where(l => ofLsoa[l] >= 0).ToLookup(l => ofLsoa[l], l => people.Lsoas[l].District);
            var districts = Enumerable.Range(0, areas.Count).Select(u => inUnit[u].Distinct().ToList()).ToList();
            var parents = districts.All(d => d.Count <= 1) && areas.Count > people.Districts.Count
                ? districts.Select((d, u) => (District: d.Count == 1 ? d[0] : -1, Unit: u)).Where(x => x.District >= 0).GroupBy(x => x.District)
                    .Select(g => (IReadOnlyList<int>)[.. g.Select(x => x.Unit)]).ToList()
                : [];
            return new AreaUnits(areas, PersonUnits.ByResidence(areas.Count, ofLsoa), parents);
        }

        var practiceIndex = people.PracticeCodes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var ofPractice = new int[people.PracticeCodes.Count];
        Array.Fill(ofPractice, -1);
        for (var u = 0; u < areas.Count; u++)
        {
            var practices = by == AreaType.Practice ? [areas[u]] : graph.Within(areas[u].Code, AreaType.Practice);
            foreach (var practice in practices)
                if (practiceIndex.TryGetValue(practice.Code, out var k) && ofPractice[k] < 0) ofPractice[k] = u;
        }

        if (ofPractice.All(u => u < 0))
            return new Refusal("no people in these places", $"No {by.Label().ToLowerInvariant()} of the ICS as at {graph.AsAt:yyyy-MM-dd} holds any of the population's 2021 LSOAs or practices: choose another type or date.");
        var pcns = by == AreaType.Practice
            ? areas.Select((a, u) => (Pcn: graph.Parents(a.Code).FirstOrDefault(p => p.Type == AreaType.Pcn)?.Code, Unit: u)).Where(x => x.Pcn is not null)
                .GroupBy(x => x.Pcn).Select(g => (IReadOnlyList<int>)[.. g.Select(x => x.Unit)]).ToList()
            : [];
        return new AreaUnits(areas, PersonUnits.ByRegistration(areas.Count, ofPractice), pcns);
    }
}
