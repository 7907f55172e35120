using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>How sure an inference is, from a value given by the user to a guess from words; the strongest wins.</summary>
public enum Strength
{
    None,
    /// <summary>Counts and values alone, without limits to test a method against.</summary>
    Counts,
    /// <summary>Words in the file: its measure, unit or the indicator's name.</summary>
    Words,
    /// <summary>Value ÷ count × denominator varies between rows: a standardised rate.</summary>
    Standardised,
    /// <summary>What Commonweal knows of the Fingertips indicator (<see cref="KnownIndicators"/>).</summary>
    Known,
    /// <summary>A method reproduces the published limits.</summary>
    Reproduced,
    /// <summary>The catalogue already holds it.</summary>
    Catalogue,
    /// <summary>Given on the command line.</summary>
    Option,
}

/// <summary>What one source says about an indicator's value type (and multiplier), how sure it is, and why, in words.</summary>
public sealed record Evidence(IndicatorValueType Type, double? Multiplier, Strength Strength, string Why);
