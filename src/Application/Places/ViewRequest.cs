using Commonweal.Core.Places;

namespace Commonweal.Application.Places;

/// <summary>
/// What a page, API call or command asks to see: the places as at a date (default: today) and an edition of the
/// Indices of Deprivation (default: the setting, else the latest loaded), whose LSOAs the view uses.
/// </summary>
public sealed record ViewRequest(DateOnly? AsAt = null, IodVintage? Vintage = null)
{
    public static readonly ViewRequest Default = new();
}

/// <summary>What a view used, so every answer can say it: the date, the LSOAs, the deprivation and the populations.</summary>
/// <param name="AsAt">The date the places are answered for.</param>
/// <param name="Lsoas">"LSOA 2011" or "LSOA 2021".</param>
/// <param name="Deprivation">"IoD2019" or "IoD2025"; null when that edition is not loaded.</param>
/// <param name="Residents">What the resident populations are, e.g. "Census 2021 (21 March 2021)"; null when none is loaded.</param>
/// <param name="ResidentsPeriod">Their reference date.</param>
public sealed record VintagesUsed(DateOnly AsAt, string Lsoas, string? Deprivation, string? Residents, DateOnly? ResidentsPeriod)
{
    public static VintagesUsed Of(PlaceGraph graph) => new(
        graph.AsAt,
        graph.LsoaLabel,
        graph.HasDeprivation ? graph.Vintage!.Value.Label() : null,
        graph.ResidentsPeriod is { } p ? PopulationSources.Describe(p) : null,
        graph.ResidentsPeriod);
}

/// <summary>Names of the resident population sources by their reference dates.</summary>
public static class PopulationSources
{
    /// <summary>"Census 2021 (21 March 2021)", "ONS mid-2019 estimates (30 June 2019)".</summary>
    public static string Describe(DateOnly period) => period.Month == 6 && period.Day == 30
        ? $"ONS mid-{period.Year} estimates (30 June {period.Year})"
        : Reorganisations.Census.Contains(period)
            ? $"Census {period.Year} ({period.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})"
            : $"residents on {period.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}
