namespace Commonweal.Application.Indicators;

/// <summary>How an indicator's values are compared with a comparator (Fingertips' comparator methods).</summary>
public enum BenchmarkMethod
{
    /// <summary>The area's 95 % interval against the comparator's value (Fingertips method 1): Better, Similar, Worse.</summary>
    ConfidenceInterval95,

    /// <summary>The 95 % and 99.8 % intervals against the comparator's value (method 17): Best, Better, Similar, Worse, Worst.</summary>
    ConfidenceIntervals95And998,

    /// <summary>The quintile of the value among the comparator's areas of the same type (method 15).</summary>
    Quintiles,
}
