namespace Commonweal.Core.Places;

/// <summary>How an LSOA of 2011 became LSOAs of 2021, as ONS's exact lookup codes it (CHGIND).</summary>
public enum LsoaChange
{
    /// <summary>U: unchanged (same code and boundary).</summary>
    Unchanged,
    /// <summary>S: split into two or more 2021 LSOAs.</summary>
    Split,
    /// <summary>M: merged with others into one 2021 LSOA.</summary>
    Merged,
    /// <summary>X: redrawn in a way that is neither a plain split nor a merger.</summary>
    Redrawn,
}

/// <summary>
/// One link between an LSOA of 2011 and one of 2021: from ONS's exact lookup (with its change code) and/or its best-fit
/// lookup (each 2011 LSOA to the one 2021 LSOA that holds most of its population).
/// </summary>
/// <param name="Change">The exact lookup's change code; null for a pair only the best-fit lookup gives.</param>
/// <param name="BestFit">Whether the best-fit lookup gives this pair.</param>
public sealed record LsoaLink(AreaCode Lsoa2011, AreaCode Lsoa2021, LsoaChange? Change, bool BestFit)
{
    /// <summary>The one-letter code ONS uses (U, S, M, X).</summary>
    public static char Letter(LsoaChange change) => change switch
    {
        LsoaChange.Unchanged => 'U',
        LsoaChange.Split => 'S',
        LsoaChange.Merged => 'M',
        LsoaChange.Redrawn => 'X',
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    public static bool TryParse(string text, out LsoaChange change)
    {
        (var ok, change) = text switch
        {
            "U" => (true, LsoaChange.Unchanged),
            "S" => (true, LsoaChange.Split),
            "M" => (true, LsoaChange.Merged),
            "X" => (true, LsoaChange.Redrawn),
            _ => (false, LsoaChange.Unchanged),
        };
        return ok;
    }
}
