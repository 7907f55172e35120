using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Core.Statistics.Spc;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators;

/// <summary>
/// What pages, the API and the command line ask of an indicator's values: every value at every level of the ICS, a
/// place's series against a comparator, the places of a type compared, an SPC chart, inequality by deprivation decile.
/// Every answer is worked out from the indicator's table for the current data (<see cref="IndicatorCache"/>) and shown
/// under the indicator's disclosure rule; a question that cannot be answered is a <see cref="Refusal"/>.
/// </summary>
public sealed class IndicatorQueries(IDbContextFactory<CommonwealDbContext> contexts, IndicatorCache cache)
{
    /// <summary>The indicator's whole table (every row before disclosure control: for analysts' own work and for the other answers).</summary>
    public async Task<Answer<IndicatorTable>> TableAsync(IndicatorId id, CancellationToken cancellationToken = default) =>
        await cache.GetAsync(contexts, id, cancellationToken) is { } table
            ? table
            : new Refusal("indicator not found", $"No indicator {id} is in the catalogue (import its values first: commonweal indicators import <file>).", RefusalKind.NotFound);

    /// <summary>The rows of an indicator, narrowed by type of place, place (either of its codes) and period.</summary>
    public async Task<Answer<ValueListing>> ValuesAsync(ValuesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await TableAsync(query.Indicator, cancellationToken);
        if (found.Value is not { } table) return found.Refusal!;
        IEnumerable<IndicatorRow> rows = table.Rows;
        if (query.Period is { } label)
        {
            if (Period(table, label) is not { } period) return NoPeriod(table, label);
            rows = table.InPeriod(period.Label);
        }

        if (query.Area is { } area)
        {
            var code = table.Resolve(area);
            if (table.OfArea(code).Count == 0)
                return new Refusal("no values for the place", $"{Name(table)} has no values for {area}.", RefusalKind.NotFound);
            rows = rows.Where(r => r.Area == code);
        }

        if (query.AreaType is { } type) rows = rows.Where(r => r.Value.AreaType == type);
        var policy = Policy(table, query.Disclose);
        return new ValueListing(table, [.. rows.Select(r => Shown(table, r, policy))], policy);
    }

    /// <summary>A place's series over every period for one breakdown (default: persons, the whole population), each point compared with the comparator.</summary>
    public async Task<Answer<AreaSeries>> SeriesAsync(
        IndicatorId id, AreaCode area, Breakdown? breakdown = null, Comparators comparator = Comparators.England, CancellationToken cancellationToken = default)
    {
        var found = await TableAsync(id, cancellationToken);
        if (found.Value is not { } table) return found.Refusal!;
        var code = table.Resolve(area);
        var own = table.OfArea(code);
        if (own.Count == 0) return new Refusal("no values for the place", $"{Name(table)} has no values for {area}.", RefusalKind.NotFound);
        var chosen = breakdown ?? Default(own);
        var policy = Policy(table, true);
        var points = new List<SeriesPoint>();
        foreach (var (period, row) in table.Periods.Zip(table.Series(code, chosen)))
        {
            if (row is null)
            {
                points.Add(new SeriesPoint(period, null, null, null));
                continue;
            }

            var shown = table.Disclosed(row, policy);
            var benchmark = table.Compare(row, comparator);
            var against = benchmark.Against is { } other ? table.Disclosed(other, policy) : null;
            points.Add(new SeriesPoint(period, shown, against, shown.IsSuppressed ? null : benchmark));
        }

        var name = own.LastOrDefault(r => r.Breakdown == chosen)?.Value.AreaName ?? own[^1].Value.AreaName;
        return new AreaSeries(table, code, name, chosen, comparator, points);
    }

    /// <summary>
    /// The places of one type in a period (default: the latest), within a place if given, each compared with the
    /// comparator, in value order (missing and suppressed values last).
    /// </summary>
    public async Task<Answer<AreaComparison>> CompareAreasAsync(
        IndicatorId id, AreaType type, string? period = null, AreaCode? within = null, Comparators comparator = Comparators.England,
        Breakdown? breakdown = null, CancellationToken cancellationToken = default)
    {
        var found = await TableAsync(id, cancellationToken);
        return found.Value is { } table ? CompareAreas(table, type, period, within, comparator, breakdown) : found.Refusal!;
    }

    /// <summary>As <see cref="CompareAreasAsync"/>, on a table already in hand (the exception pack compares many targets' places at once).</summary>
    public static Answer<AreaComparison> CompareAreas(
        IndicatorTable table, AreaType type, string? period = null, AreaCode? within = null, Comparators comparator = Comparators.England, Breakdown? breakdown = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if ((period is null ? table.Latest : Period(table, period)) is not { } chosen) return NoPeriod(table, period ?? string.Empty);
        var rows = table.InPeriod(chosen.Label).Where(r => r.Value.AreaType == type);
        var graph = table.Graph(chosen);
        AreaCode? place = null;
        if (within is { } parent)
        {
            if (graph.Find(parent) is not { } area) return Refusal.PlaceNotFound(parent);
            place = area.Code;
            var members = Aggregation.Members(graph, area.Code, type).ToHashSet();
            rows = rows.Where(r => members.Contains(r.Area));
        }

        var list = rows.ToList();
        var wanted = breakdown ?? Default(list);
        var policy = Policy(table, true);
        var compared = list.Where(r => r.Breakdown == wanted)
            .Select(r => (Shown: table.Disclosed(r, policy), Benchmark: table.Compare(r, comparator)))
            .Select(x => new ComparedArea(x.Shown, x.Shown.IsSuppressed ? x.Benchmark with { Outcome = BenchmarkOutcome.NotCompared, Note = x.Shown.Note } : x.Benchmark))
            .OrderBy(a => a.Row.Value is null).ThenBy(a => a.Row.Value).ThenBy(a => a.Row.Row.Area)
            .ToList();
        var against = compared.Select(c => c.Benchmark.Against).FirstOrDefault(a => a is not null);
        return new AreaComparison(table, chosen, type, place, wanted, comparator, against is null ? null : table.Disclosed(against, policy), compared);
    }

    /// <summary>A place's monthly or quarterly series as a Making Data Count XmR chart (default preset: <see cref="SpcOptions.Mdc"/>).</summary>
    public async Task<Answer<SpcSeries>> SpcAsync(
        IndicatorId id, AreaCode area, Breakdown? breakdown = null, SpcOptions? options = null, CancellationToken cancellationToken = default)
    {
        var found = await TableAsync(id, cancellationToken);
        if (found.Value is not { } table) return found.Refusal!;
        var own = table.OfArea(area);
        if (own.Count == 0) return new Refusal("no values for the place", $"{Name(table)} has no values for {area}.", RefusalKind.NotFound);
        return IndicatorSpc.For(table, area, breakdown ?? Default(own), options, Policy(table, true));
    }

    /// <summary>
    /// The indicator by national IMD decile within a place (default: the ICS) in a period (default: the latest with LSOA
    /// values), from its LSOAs' counts, with SII and RII. The edition is that of the LSOAs the values are on.
    /// </summary>
    public async Task<Answer<InequalityGradient>> InequalityAsync(
        IndicatorId id, AreaCode? within = null, string? period = null, Breakdown? breakdown = null, IodVintage? edition = null,
        CancellationToken cancellationToken = default)
    {
        var found = await TableAsync(id, cancellationToken);
        if (found.Value is not { } table) return found.Refusal!;
        var chosen = period is null
            ? table.Periods.LastOrDefault(p => table.InPeriod(p.Label).Any(r => r.Value.AreaType == AreaType.Lsoa)) ?? table.Latest
            : Period(table, period);
        if (chosen is null) return NoPeriod(table, period ?? string.Empty);
        var graph = table.Graph(chosen);
        var code = within ?? table.Ics.Code;
        if (graph.Find(code) is not { } place) return Refusal.PlaceNotFound(code);
        var lsoaRows = table.InPeriod(chosen.Label).Where(r => r.Value.AreaType == AreaType.Lsoa).ToList();
        return DeprivationGradient.For(table, place, chosen, breakdown ?? Default(lsoaRows), edition, Policy(table, true));
    }

    /// <summary>A period by its published label, with or without spaces around a dash ("2015 - 17", "2015-17").</summary>
    private static IndicatorPeriod? Period(IndicatorTable table, string label) =>
        table.Period(label) ?? table.Periods.FirstOrDefault(p => Squeezed(p.Label) == Squeezed(label));

    private static string Squeezed(string label) => label.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static Refusal NoPeriod(IndicatorTable table, string label) => new(
        "no such period",
        table.Periods.Count == 0
            ? $"{Name(table)} has no values."
            : $"{Name(table)} has no values for '{label}': its periods are {string.Join(", ", table.Periods.Select(p => p.Label))}.",
        RefusalKind.NotFound);

    private static string Name(IndicatorTable table) => $"Indicator {table.Indicator.Id} ({table.Indicator.Name})";

    private static DisclosurePolicy Policy(IndicatorTable table, bool disclose) => disclose ? table.Indicator.Disclosure.Policy() : DisclosurePolicy.None;

    private static DisclosedRow Shown(IndicatorTable table, IndicatorRow row, DisclosurePolicy policy) =>
        policy == DisclosurePolicy.None ? DisclosedRow.AsItIs(row) : table.Disclosed(row, policy);

    /// <summary>Persons of all ages, the whole population, if the rows have it; else the whole population's breakdown with the most rows.</summary>
    /// <summary>The breakdown an indicator is read by when none is chosen: persons of all ages where there are any, else the whole-population breakdown with most values.</summary>
    public static Breakdown Default(IEnumerable<IndicatorRow> rows)
    {
        var counted = rows.GroupBy(r => r.Breakdown).Select(g => (Breakdown: g.Key, Rows: g.Count())).ToList();
        if (counted.Exists(c => c.Breakdown == Breakdown.Persons)) return Breakdown.Persons;
        return counted.OrderByDescending(c => c.Breakdown.IsWholePopulation).ThenByDescending(c => c.Rows).ThenBy(c => c.Breakdown.Sex)
            .ThenBy(c => c.Breakdown.Age, StringComparer.Ordinal).Select(c => c.Breakdown).FirstOrDefault(Breakdown.Persons);
    }
}
