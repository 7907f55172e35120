using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>One row of the coverage view: a domain of the framework (an outcome, or a focus area of a factor group) with its indicators and targets.</summary>
/// <param name="FocusArea">Null for the two health outcomes, which have no focus areas.</param>
public sealed record CoverageRow(HealthFactor Group, FocusArea? FocusArea, IReadOnlyList<IndicatorId> Indicators, int Targets)
{
    public string Domain => FocusArea is { } area ? $"{Group.Label()}: {area.Label()}" : Group.Label();

    /// <summary>"no indicator", "no target" or empty: the gaps the seeds warn of.</summary>
    public string Gap => Indicators.Count == 0 ? "no indicator" : Targets == 0 ? "no target" : string.Empty;
}

/// <summary>
/// Which domains of the County Health Rankings model have indicators and targets: every outcome and every focus area of
/// every factor group, in the model's order, so that a domain with nothing is seen, not left out.
/// </summary>
public static class FrameworkCoverage
{
    /// <param name="indicators">The catalogue's indicators (their factor group and focus area).</param>
    /// <param name="targetsByIndicator">How many targets each indicator has.</param>
    public static IReadOnlyList<CoverageRow> Of(IEnumerable<Indicator> indicators, IReadOnlyDictionary<IndicatorId, int> targetsByIndicator)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(targetsByIndicator);
        var mapped = indicators.Where(i => i.FactorGroup is not null || i.FocusArea is not null).ToList();
        var rows = new List<CoverageRow>();
        foreach (var group in CountyHealthRankings.Groups)
        {
            var areas = group.FocusAreas();
            if (areas.Count == 0)
            {
                rows.Add(Row(group, null, mapped.Where(i => (i.FocusArea?.Group() ?? i.FactorGroup) == group)));
                continue;
            }

            foreach (var area in areas) rows.Add(Row(group, area, mapped.Where(i => i.FocusArea == area)));

            // Indicators given the factor group but no focus area get a row of the group's own, after its focus areas.
            var groupOnly = mapped.Where(i => i.FocusArea is null && i.FactorGroup == group).ToList();
            if (groupOnly.Count > 0) rows.Add(Row(group, null, groupOnly));
        }

        return rows;

        CoverageRow Row(HealthFactor group, FocusArea? area, IEnumerable<Indicator> found)
        {
            var ids = found.Select(i => i.Id).Order().ToList();
            return new CoverageRow(group, area, ids, ids.Sum(id => targetsByIndicator.GetValueOrDefault(id)));
        }
    }
}
