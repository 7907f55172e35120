using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators;

/// <summary>One national IMD decile's value within a place: the LSOAs of the place in it, their summed counts and the value (as shown).</summary>
/// <param name="Note">Why something is not shown or not calculated, or null.</param>
public sealed record DecileValue(int Decile, int Lsoas, double? Count, double? Denominator, double? Value, Interval Limits95, Interval Limits998, string? Note);

/// <summary>
/// An indicator by national IMD decile within a place (the ICS by default), from its LSOAs' counts, with the slope and
/// relative indices of inequality across the deciles (most deprived first).
/// </summary>
/// <param name="Edition">The edition of the Indices whose deciles were used (that of the LSOAs the values are on).</param>
/// <param name="Slope">SII and RII, null when fewer than five deciles have a value.</param>
/// <param name="Note">What limits the answer (deciles without LSOAs or values, suppression), or null.</param>
public sealed record InequalityGradient(
    IndicatorTable Table, Area Within, IndicatorPeriod Period, Breakdown Breakdown, IodVintage Edition, IReadOnlyList<DecileValue> Deciles,
    SlopeIndexResult? Slope, string? Note);
