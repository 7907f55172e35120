using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators;

/// <summary>Which areas a place's value is set among on a spine chart: the ICS's areas of its type, or England's (every area of the type the file has).</summary>
public enum ProfileScope
{
    Ics,
    England,
}

/// <summary>
/// The spread of the values of the areas of one type (as shown, suppressed ones left out), read through the indicator's
/// polarity: worst and best (lowest and highest with no judgement), and the 25th and 75th percentiles (by linear
/// interpolation between order statistics, as Fingertips' spine chart).
/// </summary>
public sealed record Spread(int Areas, double Worst, double Percentile25, double Percentile75, double Best)
{
    public static Spread? Of(IReadOnlyList<double> values, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var low = sorted[0];
        var high = sorted[^1];
        var p25 = Percentile(sorted, 0.25);
        var p75 = Percentile(sorted, 0.75);
        return polarity == Polarity.HighIsGood ? new Spread(sorted.Length, low, p25, p75, high) : new Spread(sorted.Length, high, p75, p25, low);
    }

    /// <summary>The p-th quantile of sorted values (type 7 of Hyndman and Fan: R's and Excel's PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var h = (sorted.Count - 1) * p;
        var i = (int)Math.Floor(h);
        return i + 1 < sorted.Count ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }
}

/// <summary>One indicator of a place's profile at its latest period with a value for the place.</summary>
/// <param name="England">England's row in the same period and breakdown (as shown), if any.</param>
/// <param name="Spread">The spread of the areas of the place's type in <see cref="AreaProfile.Scope"/>, or null when none has a value.</param>
public sealed record ProfileRow(Indicator Indicator, IndicatorPeriod Period, DisclosedRow Row, DisclosedRow? England, Benchmark Benchmark, Spread? Spread)
{
    public RecentTrend? Trend => Row.Trend;
}

/// <summary>
/// A place across every indicator of the catalogue (a Fingertips-style spine chart): for each, the latest period with a
/// value for the place, its value against England's and the spread of the areas of its type; indicators without a value
/// for the place are listed with why. Every value is shown under its indicator's disclosure rule.
/// </summary>
public sealed record AreaProfile(AreaCode Area, string Name, AreaType Type, ProfileScope Scope, IReadOnlyList<ProfileRow> Rows, IReadOnlyList<(Indicator Indicator, string Why)> Without)
{
    /// <summary>The visible note when a value was suppressed or rounded, or null.</summary>
    public string? DisclosureNote =>
        Rows.Count == 0 ? null : string.Join(" ", Rows.GroupBy(r => r.Indicator.Disclosure)
            .Select(g => IndicatorTables.DisclosureNote([.. g.Select(r => r.Row)], g.Key.Policy())).OfType<string>()) is { Length: > 0 } note ? note : null;
}

/// <summary>Builds <see cref="AreaProfile"/>s from the indicators' tables (<see cref="IndicatorQueries.TableAsync"/>, kept per data version).</summary>
public sealed class AreaProfiles(IDbContextFactory<CommonwealDbContext> contexts, IndicatorQueries queries)
{
    public async Task<Answer<AreaProfile>> ForAsync(AreaCode area, ProfileScope scope, CancellationToken cancellationToken = default)
    {
        List<IndicatorId> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var rows = new List<ProfileRow>();
        var without = new List<(Indicator, string)>();
        (AreaCode Code, string Name, AreaType Type)? place = null;
        foreach (var id in ids)
        {
            if ((await queries.TableAsync(id, cancellationToken)).Value is not { } table) continue;
            var code = table.Resolve(area);
            var own = table.OfArea(code);
            if (own.Count == 0)
            {
                without.Add((table.Indicator, "no value for this place"));
                continue;
            }

            var breakdown = WholePopulation(own);
            var last = own.Where(r => r.Breakdown == breakdown).MaxBy(r => Order(table, r.Period))!;
            place ??= (code, last.Value.AreaName, last.Value.AreaType);
            var period = table.Period(last.Period)!;
            var policy = table.Indicator.Disclosure.Policy();
            var shown = table.Disclosed(last, policy);
            var benchmark = table.Compare(last, Comparators.England);
            var england = benchmark.Against is { } e ? table.Disclosed(e, policy)
                : table.Find(new ValueKey(IndicatorEngine.England, last.Period, breakdown)) is { } en ? table.Disclosed(en, policy) : null;
            if (shown.IsSuppressed) benchmark = benchmark with { Outcome = BenchmarkOutcome.NotCompared, Note = shown.Note };
            rows.Add(new ProfileRow(table.Indicator, period, shown, england, benchmark, Peers(table, last, scope, policy)));
        }

        if (place is not { } found) return Refusal.PlaceNotFound(area) with { Detail = $"No indicator has a value for {area}." };
        return new AreaProfile(found.Code, found.Name, found.Type, scope, rows, without);
    }

    /// <summary>The spread of the values of the areas of the row's type in its period and breakdown (within the ICS, or all).</summary>
    private static Spread? Peers(IndicatorTable table, IndicatorRow row, ProfileScope scope, DisclosurePolicy policy)
    {
        var type = row.Value.AreaType;
        IEnumerable<IndicatorRow> peers = table.InPeriod(row.Period).Where(r => r.Value.AreaType == type && r.Breakdown == row.Breakdown);
        if (scope == ProfileScope.Ics && type is not (AreaType.Country or AreaType.Region or AreaType.StatisticalRegion))
        {
            var graph = table.Graph(table.Period(row.Period)!);
            var members = graph.Memo(("ics-members", table.Ics.Code, type), () => Aggregation.Members(graph, table.Ics.Code, type).Append(table.Ics.Code).ToHashSet());
            peers = peers.Where(r => members.Contains(r.Area));
        }

        var values = peers.Select(r => table.Disclosed(r, policy).Value).OfType<double>().Where(double.IsFinite).ToList();
        return Spread.Of(values, table.Indicator.Polarity);
    }

    private static int Order(IndicatorTable table, string period)
    {
        for (var i = 0; i < table.Periods.Count; i++)
            if (table.Periods[i].Label == period) return i;
        return -1;
    }

    /// <summary>Persons of all ages if the place has it, else its whole-population breakdown with the most values (e.g. persons 15+).</summary>
    private static Breakdown WholePopulation(IReadOnlyList<IndicatorRow> own)
    {
        if (own.Any(r => r.Breakdown == Breakdown.Persons)) return Breakdown.Persons;
        return own.GroupBy(r => r.Breakdown).OrderByDescending(g => g.Key.IsWholePopulation).ThenByDescending(g => g.Key.Sex == Sex.Persons)
            .ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Age, StringComparer.Ordinal).First().Key;
    }
}
