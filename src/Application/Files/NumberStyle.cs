namespace Commonweal.Application.Files;

/// <summary>How a publisher writes whole numbers in a column (see <see cref="TableRow.Whole"/>).</summary>
public enum NumberStyle
{
    /// <summary>Digits only: 29199.</summary>
    Plain,

    /// <summary>Thousands separated by commas (and so quoted in CSV): "29,199".</summary>
    Grouped,
}
