namespace Commonweal.Core.Statistics;

/// <summary>Splitting a whole number in proportion to weights.</summary>
public static class Apportionment
{
    /// <summary>
    /// Hamilton's method (largest remainder): each share's whole part, then the units left over to the largest fractional
    /// parts, ties to the earlier share. The shares add up to <paramref name="total"/> exactly.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var sum = weights.Sum();
        if (total == 0) return new long[weights.Count];
        if (weights.Count == 0 || sum <= 0 || weights.Any(w => w < 0 || double.IsNaN(w)))
            throw new ArgumentException("the weights must be zero or more and add up to more than zero", nameof(weights));
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(x => (long)Math.Floor(x)).ToArray();
        var remainder = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take((int)remainder))
            counts[i]++;
        return counts;
    }
}
