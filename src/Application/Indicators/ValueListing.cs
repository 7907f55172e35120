using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>What <c>indicators values</c> and the values API ask for: an indicator's rows, narrowed by type of place, place and period.</summary>
/// <param name="Disclose">Apply the indicator's disclosure rule (every public output does; false only for an analyst's own use).</param>
public sealed record ValuesQuery(IndicatorId Indicator, AreaType? AreaType = null, AreaCode? Area = null, string? Period = null, bool Disclose = true);

/// <summary>An indicator's rows as an output shows them, under the disclosure policy applied (<see cref="DisclosurePolicy.None"/> when none).</summary>
public sealed record ValueListing(IndicatorTable Table, IReadOnlyList<DisclosedRow> Rows, DisclosurePolicy Policy)
{
    public int Suppressed => Rows.Count(r => r.IsSuppressed);

    public int Rounded => Rows.Count(r => r.Action == DisclosureAction.Rounded);

    /// <summary>The visible note an output carries when anything was suppressed or rounded; null when nothing was.</summary>
    public string? DisclosureNote => IndicatorTables.DisclosureNote(Rows, Policy);
}
