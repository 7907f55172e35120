using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// What the user says of the indicators a file holds (the CLI's --value-type, --multiplier and --polarity): it comes
/// before anything inferred, and before what the catalogue holds (a change to the catalogue, audited).
/// </summary>
public sealed record IndicatorImportOptions(IndicatorValueType? ValueType = null, double? Multiplier = null, Polarity? Polarity = null)
{
    public static IndicatorImportOptions None { get; } = new();
}
