using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>
/// Inequality by deprivation within a place (docs/methods/inequality-by-deprivation.md): the place's LSOAs as at the
/// period's end are grouped by their national IMD decile in the edition of the Indices on those LSOAs (IoD2019 on 2011
/// LSOAs, IoD2025 on 2021 LSOAs), their counts summed per decile and each decile's value worked out by the indicator's
/// method; then the slope and relative indices of inequality (<see cref="Inequality.SlopeIndex"/>) over the deciles, most
/// deprived first, weighted by their denominators. Small counts are suppressed by the indicator's disclosure rule, with a
/// second decile suppressed when only one would be (the place's total is shown elsewhere).
/// </summary>
public static class DeprivationGradient
{
    /// <summary>Monte-Carlo repetitions for the limits of the SII and RII (the seed is fixed, so the limits are reproducible).</summary>
    public const int Repetitions = 10_000;

    public static Answer<InequalityGradient> For(
        IndicatorTable table, Area within, IndicatorPeriod period, Breakdown breakdown, IodVintage? edition, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(within);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(policy);
        var indicator = table.Indicator;
        if (!indicator.ValueType.Aggregates())
            return new Refusal("not added up", $"{indicator.Name}: a {indicator.ValueType.Label()} cannot be added up by deprivation decile.");
        var graph = table.Graph(period);
        var lsoas = Aggregation.Members(graph, within.Code, AreaType.Lsoa);
        var rows = lsoas.Select(l => table.Find(new ValueKey(l, period.Label, breakdown))).OfType<IndicatorRow>().Where(r => r.Value.AreaType == AreaType.Lsoa).ToList();
        if (rows.Count == 0)
            return new Refusal("no LSOA values", $"{indicator.Name} has no values for the LSOAs of {within.Name} in {period.Label}: inequality by deprivation is worked out from LSOA counts.", RefusalKind.NotLoaded);
        if (graph.Vintage is not { } used || (edition is { } asked && asked != used))
            return new Refusal("edition of the Indices", $"The values of {period.Label} are on the LSOAs of {graph.LsoaRelease.Year}: only {graph.Vintage?.Label() ?? "an edition on them"} ranks those LSOAs.");
        if (!graph.HasDeprivation)
            return new Refusal("edition not loaded", $"{used.Label()} is not loaded: import it to see {indicator.Name} by deprivation decile.", RefusalKind.NotLoaded);

        var deciles = new List<(int Decile, int Lsoas, ComputedValue Value)>();
        foreach (var group in rows.GroupBy(r => graph.Deprivation(r.Area)?.ImdDecile).Where(g => g.Key is not null).OrderBy(g => g.Key))
        {
            var members = group.ToList();
            deciles.Add((group.Key!.Value, members.Count, Sum(table.Data, period, breakdown, members)));
        }

        var shown = Disclose(deciles, policy);
        var notes = new List<string>();
        var unranked = rows.Count(r => graph.Deprivation(r.Area)?.ImdDecile is null);
        if (unranked > 0) notes.Add($"{AreaType.Lsoa.Counted(unranked)} with a value have no IMD decile in {used.Label()}");
        if (rows.Count < lsoas.Count) notes.Add($"{rows.Count:N0} of {AreaType.Lsoa.Counted(lsoas.Count)} have a value");
        var missing = Enumerable.Range(1, 10).Except(deciles.Select(d => d.Decile)).ToList();
        if (missing.Count > 0) notes.Add($"no LSOA of {within.Name} is in decile{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}");
        return new InequalityGradient(table, graph.Named(within), period, breakdown, used, shown, Slope(indicator, deciles, shown, notes), notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private static ComputedValue Sum(IndicatorData data, IndicatorPeriod period, Breakdown breakdown, List<IndicatorRow> members)
    {
        var indicator = data.Indicator;
        if (ValueMethods.NeedsAgeBands(indicator.ValueType))
        {
            var bands = new SortedDictionary<int, IndicatorAgeCount>();
            foreach (var member in members)
            {
                var own = data.AgeBands(member.Area, period.Label, breakdown);
                if (own.Count == 0) return ComputedValue.NotCalculated(double.NaN, double.NaN, $"{member.Value.AreaName} ({member.Area}) has no counts by age band");
                foreach (var band in own)
                {
                    bands[band.AgeBand.From] = bands.TryGetValue(band.AgeBand.From, out var sum)
                        ? sum with { Count = sum.Count + band.Count, Population = sum.Population + band.Population }
                        : band;
                }
            }

            return ValueMethods.FromAgeBands(indicator.ValueType, indicator.Multiplier, [.. bands.Values], breakdown.Age);
        }

        double count = 0, denominator = 0;
        foreach (var member in members)
        {
            if (member.Value.Count is not { } c || (ValueMethods.NeedsDenominator(indicator.ValueType) && member.Value.Denominator is null))
                return ComputedValue.NotCalculated(double.NaN, double.NaN, $"{member.Value.AreaName} ({member.Area}) has no count");
            count += c;
            denominator += member.Value.Denominator ?? 0;
        }

        return ValueMethods.FromCounts(indicator.ValueType, indicator.Multiplier, count, ValueMethods.NeedsDenominator(indicator.ValueType) ? denominator : double.NaN);
    }

    private static List<DecileValue> Disclose(List<(int Decile, int Lsoas, ComputedValue Value)> deciles, DisclosurePolicy policy)
    {
        var reasons = deciles.Select(d => Reason(d.Value, policy)).ToList();
        if (reasons.Count(r => r is not null) == 1 && deciles.Count > 1)
        {
            var next = Enumerable.Range(0, deciles.Count).Where(i => reasons[i] is null).MinBy(i => deciles[i].Value.Count);
            reasons[next] = IndicatorDisclosure.Complementary;
        }

        return [.. deciles.Select((d, i) => reasons[i] is { } why
            ? new DecileValue(d.Decile, d.Lsoas, null, null, null, Interval.None, Interval.None, why)
            : new DecileValue(d.Decile, d.Lsoas, Shown(d.Value.Count, policy, true), Shown(d.Value.Denominator, policy, false), Number(d.Value.Value),
                d.Value.Limits95, d.Value.Limits998, d.Value.Note))];
    }

    private static string? Reason(ComputedValue value, DisclosurePolicy policy)
    {
        if (double.IsNaN(value.Count)) return null;
        var count = DisclosureControl.Count(value.Count, policy);
        if (!count.IsShown) return count.Reason;
        return double.IsNaN(value.Denominator) ? null : DisclosureControl.Denominator(value.Denominator, policy) is { IsShown: false } d ? d.Reason : null;
    }

    private static double? Shown(double x, DisclosurePolicy policy, bool isCount) =>
        double.IsNaN(x) ? null : (isCount ? DisclosureControl.Count(x, policy) : DisclosureControl.Denominator(x, policy)).Value;

    private static SlopeIndexResult? Slope(Indicator indicator, List<(int Decile, int Lsoas, ComputedValue Value)> deciles, List<DecileValue> shown, List<string> notes)
    {
        var usable = deciles.Where((d, i) => shown[i].Value is not null && d.Value.Limits95.IsDefined && d.Value.Denominator > 0).ToList();
        if (usable.Count < Inequality.MinimumQuantiles)
        {
            notes.Add($"the slope index needs at least {Inequality.MinimumQuantiles} deciles with a value and limits shown ({usable.Count:N0} have)");
            return null;
        }

        var proportion = indicator.ValueType == IndicatorValueType.Proportion;
        var scale = proportion ? indicator.Multiplier : 1;
        var type = proportion ? InequalityValueType.Proportion : InequalityValueType.Rate;
        double[] population = [.. usable.Select(d => d.Value.Denominator)];
        double[] value = [.. usable.Select(d => d.Value.Value / scale)];
        double[] lower = [.. usable.Select(d => d.Value.Limits95.Lower / scale)];
        double[] upper = [.. usable.Select(d => d.Value.Limits95.Upper / scale)];
        return Inequality.SlopeIndex(population, value, lower, upper, type, ConfidenceLevel.Standard,
            new SlopeIndexOptions(Multiplier: scale, Repetitions: Repetitions));
    }

    private static double? Number(double x) => double.IsNaN(x) ? null : x;
}
