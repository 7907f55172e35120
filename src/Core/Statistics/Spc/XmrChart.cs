using System.Buffers;

namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// NHS England "Making Data Count" statistical process control: the XmR (individuals) chart with its special-cause
/// rules, point types and icons, matching NHSRplotthedots 0.2.x (<c>ptd_spc</c>) with <see cref="SpcOptions.PlotTheDots"/>
/// and the Making Data Count Excel tools with <see cref="SpcOptions.Mdc"/>.
/// Each segment (the series is split at every rebase) gets its own limits (<see cref="XmrLimits"/>), from its first
/// <see cref="SpcOptions.FixAfterPoints"/> values when fixed, and its own rules (<see cref="SpecialCauseRules"/>):
/// no run crosses a rebase, as in NHSRplotthedots, which groups by rebase group before applying the rules.
/// </summary>
public static class XmrChart
{
    private const int StackLimit = 512;

    /// <summary>
    /// Calculates the chart of <paramref name="values"/> (in period order; NaN = missing) into <paramref name="results"/>
    /// (one per value), without allocating for series up to 512 points. <paramref name="segmentStarts"/> are the indices
    /// at which a new segment starts (rebases), strictly increasing; 0 may be given and changes nothing.
    /// </summary>
    public static void Calculate(ReadOnlySpan<double> values, ReadOnlySpan<int> segmentStarts, SpcOptions options, Span<XmrPoint> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (results.Length != values.Length)
            throw new ArgumentException($"One result per value is needed ({values.Length}), not {results.Length}.", nameof(results));
        var previous = -1;
        foreach (var start in segmentStarts)
        {
            if (start < 0 || start <= previous || (start > 0 && start >= values.Length))
                throw new ArgumentException($"Segment starts must be increasing indices within the series (0 to {values.Length - 1}); {start} is not.", nameof(segmentStarts));
            previous = start;
        }

        SpecialCause[]? rented = null;
        var scratch = values.Length <= StackLimit
            ? stackalloc SpecialCause[values.Length]
            : (rented = ArrayPool<SpecialCause>.Shared.Rent(values.Length)).AsSpan(0, values.Length);
        try
        {
            var segment = 1;
            var first = 0;
            foreach (var start in segmentStarts)
            {
                if (start == 0) continue;
                CalculateSegment(values, first, start, segment++, options, scratch, results);
                first = start;
            }

            if (first < values.Length) CalculateSegment(values, first, values.Length, segment, options, scratch, results);
        }
        finally
        {
            if (rented is not null) ArrayPool<SpecialCause>.Shared.Return(rented);
        }
    }

    /// <summary>Calculates a chart with a single segment (no rebase). See the other overload.</summary>
    public static void Calculate(ReadOnlySpan<double> values, SpcOptions options, Span<XmrPoint> results) =>
        Calculate(values, [], options, results);

    /// <summary>
    /// The friendly form: the chart of <paramref name="values"/> (period order, NaN = missing), its variation icon and,
    /// when a <paramref name="target"/> is given, its assurance icon. <paramref name="segmentStarts"/> are rebase indices.
    /// </summary>
    public static XmrResult Analyse(IReadOnlyList<double> values, SpcOptions options, double target = double.NaN, IReadOnlyList<int>? segmentStarts = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(options);
        var input = values as double[] ?? [.. values];
        int[] starts = segmentStarts is null ? [] : [.. segmentStarts];
        var points = new XmrPoint[input.Length];
        Calculate(input, starts, options, points);
        return new XmrResult(points, VariationIcons.Of(points, options.Improvement), AssuranceIcons.Of(points, target, options.Improvement));
    }

    private static void CalculateSegment(
        ReadOnlySpan<double> values, int first, int end, int segment, SpcOptions options, Span<SpecialCause> scratch, Span<XmrPoint> results)
    {
        var length = end - first;
        var segmentValues = values.Slice(first, length);
        var baselineLength = options.FixAfterPoints is int fixAfter ? Math.Min(fixAfter, length) : length;
        var limits = XmrLimits.FromBaseline(segmentValues[..baselineLength], options.ScreenMovingRanges);
        var causes = scratch.Slice(first, length);
        SpecialCauseRules.Classify(segmentValues, limits, options, causes);

        for (var i = 0; i < length; i++)
        {
            var movingRange = i == 0 ? double.NaN : Math.Abs(segmentValues[i] - segmentValues[i - 1]);
            results[first + i] = new XmrPoint(segment, limits, movingRange, causes[i], PointTypes.Of(causes[i], options.Improvement));
        }
    }
}
