namespace Commonweal.Application.Indicators.Import;

/// <summary>What a file says about one of its indicators: its number (when it gives one), its name and how it measures it.</summary>
/// <param name="Key">The batch's key for it: "#91547" when numbered, else "name:" and its name in lower case.</param>
/// <param name="Id">Fingertips' number (or the catalogue's) when the file gives it.</param>
/// <param name="Name">The name as written, with runs of white space (and line breaks) made one space; empty when the file gives none.</param>
public sealed record IndicatorDescription(string Key, int? Id, string Name)
{
    /// <summary>How the file says the value is measured, e.g. "Age-standardised rate", "Percentage" (ONS and Fingertips-derived files).</summary>
    public string? Measure { get; set; }

    /// <summary>The file's unit, e.g. "%", "yrs", "Rate per 100,000 population".</summary>
    public string? Unit { get; set; }

    /// <summary>The key for an indicator of <paramref name="id"/> or, unnumbered, of <paramref name="name"/>.</summary>
    public static string KeyFor(int? id, string name) =>
        id is { } number ? "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "name:" + name.ToLowerInvariant();
}
