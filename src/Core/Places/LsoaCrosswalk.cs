namespace Commonweal.Core.Places;

/// <summary>How figures are carried between the LSOAs of 2011 and of 2021.</summary>
public enum CrosswalkMethod
{
    /// <summary>ONS's exact lookup: every 2011 LSOA to every 2021 LSOA it overlaps (unchanged, split, merged or redrawn).</summary>
    Exact,
    /// <summary>ONS's best-fit lookup: each 2011 LSOA wholly to the one 2021 LSOA holding most of its population.</summary>
    BestFit,
}

/// <summary>What kind of figure is carried, which decides how it is shared out or combined.</summary>
public enum FigureKind
{
    /// <summary>A count (people, events): shared out in proportion to population where an LSOA splits, added up where LSOAs merge.</summary>
    Count,
    /// <summary>A rate, proportion, score or decile: carried unchanged to each part of a split, population-weighted mean where LSOAs merge.</summary>
    Rate,
}

/// <summary>A figure carried to one LSOA of the other Census, with the sources it came from and how.</summary>
/// <param name="Value">Null when no source LSOA has a value (or, best fit, when no 2011 LSOA best-fits this one).</param>
/// <param name="Method">In words, e.g. "split: 48.2 % of E01021234 by population".</param>
public sealed record CarriedFigure(AreaCode Lsoa, double? Value, IReadOnlyList<AreaCode> Sources, string Method);

/// <summary>
/// Carries figures on LSOAs of one Census to LSOAs of the other through ONS's lookups (see docs/methods/lsoa-crosswalk.md).
/// With the exact lookup, counts are shared out in proportion to the population weight of each target among a source's
/// targets (all of an unchanged or merged source goes to its one target) and added up; rates take the weighted mean of
/// their sources (a split's parts inherit their source's rate). With the best-fit lookup each 2011 LSOA goes wholly to
/// one 2021 LSOA; going back, each 2011 LSOA takes its best-fit target's rate, or a population share of its count.
/// </summary>
public static class LsoaCrosswalk
{
    /// <param name="values">The figures on the source LSOAs (of 2011 when <paramref name="to2021"/>, else of 2021).</param>
    /// <param name="targets">The LSOAs to carry them to, in the order wanted.</param>
    /// <param name="weight">Population weight of an LSOA (of either Census); null or zero means "unknown" and shares fall back to equal parts.</param>
    public static IReadOnlyList<CarriedFigure> Carry(
        IReadOnlyDictionary<AreaCode, double> values,
        IReadOnlyList<LsoaLink> links,
        IEnumerable<AreaCode> targets,
        bool to2021,
        CrosswalkMethod method,
        FigureKind kind,
        Func<AreaCode, double?> weight)
    {
        var used = links.Where(l => method == CrosswalkMethod.Exact ? l.Change is not null : l.BestFit).ToList();
        AreaCode Source(LsoaLink l) => to2021 ? l.Lsoa2011 : l.Lsoa2021;
        AreaCode Target(LsoaLink l) => to2021 ? l.Lsoa2021 : l.Lsoa2011;

        // Best fit going back from 2021: the 2011 LSOA's one target is its source.
        var bySource = used.ToLookup(Source);
        var byTarget = used.ToLookup(Target);
        var result = new List<CarriedFigure>();
        foreach (var target in targets)
        {
            var sources = byTarget[target].Select(Source).Distinct().Order().ToList();
            var withValue = sources.Where(values.ContainsKey).ToList();
            if (withValue.Count == 0)
            {
                result.Add(new CarriedFigure(target, null, sources, sources.Count == 0
                    ? method == CrosswalkMethod.BestFit && to2021 ? "no 2011 LSOA best-fits this one" : "not in the lookup"
                    : "no value for " + string.Join(", ", sources)));
                continue;
            }

            if (kind == FigureKind.Count)
            {
                double total = 0;
                var parts = new List<string>();
                foreach (var source in withValue)
                {
                    var siblings = bySource[source].Select(Target).Distinct().ToList();
                    var share = Share(target, siblings, weight);
                    total += values[source] * share;
                    parts.Add(share >= 1 ? source.Value : $"{share:P1} of {source}");
                }

                result.Add(new CarriedFigure(target, total, withValue, Describe(byTarget[target], kind, method) + ": " + string.Join(" + ", parts)));
            }
            else
            {
                var weights = withValue.Select(s => weight(s) is double w && w > 0 ? w : 1.0).ToList();
                var mean = withValue.Select((s, i) => values[s] * weights[i]).Sum() / weights.Sum();
                result.Add(new CarriedFigure(target, mean, withValue, Describe(byTarget[target], kind, method) +
                    (withValue.Count == 1 ? ": " + withValue[0] : ": weighted mean of " + string.Join(", ", withValue))));
            }
        }

        return result;
    }

    /// <summary>The part of a source's figure that goes to one of its targets: its weight among them, else an equal part.</summary>
    private static double Share(AreaCode target, List<AreaCode> siblings, Func<AreaCode, double?> weight)
    {
        if (siblings.Count <= 1) return 1;
        var weights = siblings.Select(s => weight(s) ?? 0).ToList();
        var total = weights.Sum();
        return total > 0 ? (weight(target) ?? 0) / total : 1.0 / siblings.Count;
    }

    private static string Describe(IEnumerable<LsoaLink> links, FigureKind kind, CrosswalkMethod method)
    {
        if (method == CrosswalkMethod.BestFit) return "best fit";
        var changes = links.Select(l => l.Change).Distinct().ToList();
        return changes.Count == 1
            ? changes[0] switch
            {
                LsoaChange.Unchanged => "unchanged",
                LsoaChange.Split => kind == FigureKind.Count ? "split, shared by population" : "split, inherited",
                LsoaChange.Merged => kind == FigureKind.Count ? "merged, added up" : "merged, population-weighted mean",
                _ => "redrawn",
            }
            : "redrawn";
    }
}
