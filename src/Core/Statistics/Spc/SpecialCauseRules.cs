using System.Globalization;
using System.Runtime.InteropServices;

namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// The four Making Data Count special-cause rules for one segment of an XmR chart, with their precedence, as coded in
/// NHSRplotthedots 0.2.x (<c>R/ptd_calculate_point_type.R</c>) and the NHS England "Making Data Count" guidance:
/// <list type="number">
/// <item>a point above the upper or below the lower process limit (strict: a point on a limit is not outside);</item>
/// <item>a trend: <see cref="SpcOptions.TrendLength"/> points each higher (or each lower) than the one before; an equal
/// neighbour breaks it; every point of the run is flagged and takes the run's direction;</item>
/// <item>two in three: a window of three consecutive points all on the same side of the mean with at least two beyond
/// that side's 2σ line (which points count: <see cref="SpcOptions.TwoInThree"/>); only those points are flagged;</item>
/// <item>a shift: <see cref="SpcOptions.ShiftLength"/> points in a row on the same side of the mean; a point on the
/// mean breaks it; every point of the run is flagged.</item>
/// </list>
/// Precedence: outside limits &gt; trend &gt; two in three &gt; shift. A missing value (NaN) meets no rule and breaks every
/// run and window through it. Runs never cross a segment boundary (the caller passes one segment).
/// </summary>
public static class SpecialCauseRules
{
    private const byte Outside = 1;
    private const byte Rising = 2;
    private const byte Falling = 4;
    private const byte CloseToLimits = 8;
    private const byte Shift = 16;

    /// <summary>
    /// Classifies each value of one segment against the segment's <paramref name="limits"/>, writing one cause per value.
    /// Allocation-free: <paramref name="causes"/> doubles as the scratch space for the rule flags.
    /// </summary>
    public static void Classify(ReadOnlySpan<double> values, in XmrLimits limits, SpcOptions options, Span<SpecialCause> causes)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (causes.Length != values.Length)
            throw new ArgumentException($"One cause per value is needed ({values.Length}), not {causes.Length}.", nameof(causes));

        var flags = MemoryMarshal.Cast<SpecialCause, byte>(causes);
        flags.Clear();
        MarkOutsideLimits(values, limits, flags);
        MarkTrends(values, options.TrendLength, flags);
        if (options.TrendPointsTakeTheNextStep) DirectTrendPointsByTheNextStep(values, flags);
        MarkTwoInThree(values, limits, options.TwoInThree, flags);
        MarkShifts(values, limits.Mean, options.ShiftLength, flags);

        for (var i = 0; i < values.Length; i++)
        {
            var flag = flags[i];
            var y = values[i];
            var above = y > limits.Mean;
            causes[i] =
                double.IsNaN(y) ? SpecialCause.Missing
                : (flag & Outside) != 0 ? (y > limits.Upper ? SpecialCause.AboveUpperLimit : SpecialCause.BelowLowerLimit)
                : (flag & Rising) != 0 ? SpecialCause.TrendIncreasing
                : (flag & Falling) != 0 ? SpecialCause.TrendDecreasing
                : (flag & CloseToLimits) != 0 ? (above ? SpecialCause.TwoInThreeAbove : SpecialCause.TwoInThreeBelow)
                : (flag & Shift) != 0 ? (above ? SpecialCause.ShiftAbove : SpecialCause.ShiftBelow)
                : SpecialCause.CommonCause;
        }
    }

    /// <summary>
    /// NHSRplotthedots' wording of a cause ("Above UCL", "7 Point Trend (Increasing)", "2 in 3 Below CL",
    /// "7 Points Above CL", "Common Cause"), with the run lengths of <paramref name="options"/>; empty for a missing value.
    /// </summary>
    public static string Describe(SpecialCause cause, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return cause switch
        {
            SpecialCause.CommonCause => "Common Cause",
            SpecialCause.AboveUpperLimit => "Above UCL",
            SpecialCause.BelowLowerLimit => "Below LCL",
            SpecialCause.TrendIncreasing => Trend(options.TrendLength, "Increasing"),
            SpecialCause.TrendDecreasing => Trend(options.TrendLength, "Decreasing"),
            SpecialCause.TwoInThreeAbove => "2 in 3 Above CL",
            SpecialCause.TwoInThreeBelow => "2 in 3 Below CL",
            SpecialCause.ShiftAbove => Run(options.ShiftLength, "Above"),
            SpecialCause.ShiftBelow => Run(options.ShiftLength, "Below"),
            _ => string.Empty,
        };

        static string Trend(int length, string way) => length == SpcOptions.DefaultRunLength
            ? (way == "Increasing" ? "7 Point Trend (Increasing)" : "7 Point Trend (Decreasing)")
            : string.Create(CultureInfo.InvariantCulture, $"{length} Point Trend ({way})");

        static string Run(int length, string side) => length == SpcOptions.DefaultRunLength
            ? (side == "Above" ? "7 Points Above CL" : "7 Points Below CL")
            : string.Create(CultureInfo.InvariantCulture, $"{length} Points {side} CL");
    }

    private static void MarkOutsideLimits(ReadOnlySpan<double> values, in XmrLimits limits, Span<byte> flags)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > limits.Upper || values[i] < limits.Lower) flags[i] |= Outside;
        }
    }

    // A run of same-signed steps; a zero step (equal neighbours) or a step to or from a missing value ends it.
    // A point where a rising run meets a falling one belongs to both; like NHSRplotthedots it takes the later run's direction.
    private static void MarkTrends(ReadOnlySpan<double> values, int length, Span<byte> flags)
    {
        var runStart = 0;
        var runSign = 0;
        for (var i = 1; i < values.Length; i++)
        {
            var step = Sign(values[i] - values[i - 1]);
            if (step != 0 && step == runSign) continue;
            FlagTrend(runStart, i - 1, runSign, length, flags);
            runStart = i - 1;
            runSign = step;
        }

        FlagTrend(runStart, values.Length - 1, runSign, length, flags);
    }

    // NHSRplotthedots: a trend point whose next point is also in a trend takes the sign of the step to it (a zero step
    // reads as decreasing, as R's ifelse(sdy == 1, "In", "De") does); any other trend point the sign of the step from the previous one.
    private static void DirectTrendPointsByTheNextStep(ReadOnlySpan<double> values, Span<byte> flags)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if ((flags[i] & (Rising | Falling)) == 0) continue;
            var nextInTrend = i + 1 < values.Length && (flags[i + 1] & (Rising | Falling)) != 0;
            var step = nextInTrend ? Sign(values[i + 1] - values[i]) : i > 0 ? Sign(values[i] - values[i - 1]) : 0;
            flags[i] = (byte)((flags[i] & ~(Rising | Falling)) | (step == 1 ? Rising : Falling));
        }
    }

    private static void FlagTrend(int first, int last, int sign, int length, Span<byte> flags)
    {
        if (sign == 0 || last - first + 1 < length) return;
        var direction = sign > 0 ? Rising : Falling;
        for (var k = first; k <= last; k++) flags[k] = (byte)((flags[k] & ~(Rising | Falling)) | direction);
    }

    private static void MarkTwoInThree(ReadOnlySpan<double> values, in XmrLimits limits, TwoInThreeRule rule, Span<byte> flags)
    {
        for (var j = 0; j + 2 < values.Length; j++)
        {
            var side = Sign(values[j] - limits.Mean);
            if (side == 0 || Sign(values[j + 1] - limits.Mean) != side || Sign(values[j + 2] - limits.Mean) != side) continue;
            var close0 = IsClose(values[j], limits, rule);
            var close1 = IsClose(values[j + 1], limits, rule);
            var close2 = IsClose(values[j + 2], limits, rule);
            if ((close0 ? 1 : 0) + (close1 ? 1 : 0) + (close2 ? 1 : 0) < 2) continue;
            if (close0) flags[j] |= CloseToLimits;
            if (close1) flags[j + 1] |= CloseToLimits;
            if (close2) flags[j + 2] |= CloseToLimits;
        }
    }

    private static bool IsClose(double y, in XmrLimits limits, TwoInThreeRule rule)
    {
        var beyondTwoSigma = y > limits.UpperTwoSigma || y < limits.LowerTwoSigma;
        return rule == TwoInThreeRule.BeyondTwoSigma
            ? beyondTwoSigma
            : beyondTwoSigma && !(y > limits.Upper || y < limits.Lower);
    }

    private static void MarkShifts(ReadOnlySpan<double> values, double mean, int length, Span<byte> flags)
    {
        var runStart = 0;
        var runSide = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var side = Sign(values[i] - mean);
            if (side != 0 && side == runSide) continue;
            FlagShift(runStart, i - 1, runSide, length, flags);
            runStart = i;
            runSide = side;
        }

        FlagShift(runStart, values.Length - 1, runSide, length, flags);
    }

    private static void FlagShift(int first, int last, int side, int length, Span<byte> flags)
    {
        if (side == 0 || last - first + 1 < length) return;
        for (var k = first; k <= last; k++) flags[k] |= Shift;
    }

    // Like R's sign(), but NaN (a missing value) gives 0, which breaks runs.
    private static int Sign(double d) => d > 0 ? 1 : d < 0 ? -1 : 0;
}
