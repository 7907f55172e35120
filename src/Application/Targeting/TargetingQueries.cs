using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;

namespace Commonweal.Application.Targeting;

/// <summary>Places of relative need: the LSOAs a place rule selects within a place, and what share of each district's residents live in them.</summary>
public sealed class TargetingQueries(DeprivationQueries deprivation)
{
    /// <summary>
    /// The LSOAs of an edition's Census within a place (default: the ICS) as at a date that a rule over <see cref="LsoaFacts"/>
    /// selects, and for each district (and the place) its LSOAs, residents and those of the cohort.
    /// </summary>
    public async Task<Answer<PlaceCohort>> SelectAsync(string? rule, IodVintage? vintage, AreaCode? within, DateOnly? asAt, CancellationToken cancellationToken = default)
    {
        var (parsed, problems) = CohortRule.Parse(rule, LsoaFacts.Fields);
        if (parsed is null)
            return new Refusal("the rule cannot be read", "the rule cannot be read: " + string.Join("; ", problems.Select(p => p.ToString())));
        var listed = await deprivation.ListAsync(vintage, within, asAt, cancellationToken);
        if (listed.Refusal is { } refusal) return refusal;
        var list = listed.Value!;
        // Local percents are among the whole ICS's LSOAs, whatever place the listing is narrowed to.
        var ics = within is null ? list : (await deprivation.ListAsync(list.Vintage, null, asAt, cancellationToken)).Value ?? list;
        var inPlace = list.Rows.Select(r => r.Lsoa.Code).ToHashSet();
        var facts = LsoaFacts.Of(ics.Rows).Where(f => inPlace.Contains(f.Lsoa.Code)).OrderBy(f => f.Lsoa.Code).ToList();
        var selected = facts.Where(parsed.Matches).ToList();
        var districts = facts.GroupBy(f => f.District?.Code).OrderBy(g => g.Key?.Value, StringComparer.Ordinal)
            .Select(g => Share.For(g.First().District, g.ToList(), parsed)).ToList();
        return new PlaceCohort(list.Place, list.Vintage, list.Used, parsed.Text, selected, districts, Share.For(list.Place, facts, parsed));
    }
}

/// <summary>The LSOAs of a place a rule selects, with each district's share and the place's.</summary>
public sealed record PlaceCohort(Area Place, IodVintage Vintage, VintagesUsed Used, string Rule, IReadOnlyList<LsoaFacts> Lsoas, IReadOnlyList<Share> Districts, Share Total);

/// <summary>An area's LSOAs and residents, and those in the cohort; the share is of residents (null when any LSOA's residents are unknown).</summary>
public sealed record Share(Area? Area, int Lsoas, int CohortLsoas, long? Population, long? CohortPopulation)
{
    public double? Fraction => Population is > 0 and var all && CohortPopulation is { } some ? (double)some / all : null;

    internal static Share For(Area? area, IReadOnlyList<LsoaFacts> lsoas, CohortRule<LsoaFacts> rule)
    {
        var cohort = lsoas.Where(rule.Matches).ToList();
        var known = lsoas.All(l => l.Population is not null);
        return new Share(area, lsoas.Count, cohort.Count, known ? lsoas.Sum(l => l.Population!.Value) : null, known ? cohort.Sum(l => l.Population!.Value) : null);
    }
}
