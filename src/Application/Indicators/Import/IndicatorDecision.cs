using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// What an import makes of one of a file's indicators: the catalogue entry it will hold (created, changed by the
/// options, or as stored), what was inferred and from what (<see cref="Said"/>), or why it cannot be imported.
/// </summary>
public sealed record IndicatorDecision(Indicator Indicator, Indicator? Stored, IReadOnlyList<string> Said, string? Refusal = null)
{
    public bool Created => Stored is null;

    /// <summary>The catalogue entry differs from the stored one (the options changed it).</summary>
    public bool Changed => Stored is not null && Stored != Indicator;

    /// <summary>"created", "updated" or "unchanged".</summary>
    public string Action => Created ? "created" : Changed ? "updated" : "unchanged";
}
