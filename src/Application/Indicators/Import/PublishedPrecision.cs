using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>One published figure that a recomputation does not reproduce.</summary>
public sealed record Disagreement(StagedField Field, Figure Published, double Computed, double Tolerance);

/// <summary>
/// Whether recomputed figures agree with the published ones to the precision they were published to: within half a
/// unit of the last published decimal, plus what rounding the published count and denominator to their own decimals
/// can move the result by (Fingertips writes fractional denominators to three decimals and values to eight, so a
/// value worked out from the rounded denominator may differ from the published one in its eighth decimal).
/// </summary>
public static class PublishedPrecision
{
    /// <summary>The figures of <paramref name="row"/> that <paramref name="computed"/> does not reproduce (empty when all agree).</summary>
    public static List<Disagreement> Check(StagedValue row, IndicatorValueType type, double multiplier, ComputedFigures computed)
    {
        var count = row.Count!.Value;
        var denominator = row.Denominator;
        // How far the inputs' rounding can move each figure: the result with the count, then the denominator, moved by half a unit.
        var byCount = Recompute.Problem(type, count.Value + count.HalfUnit, denominator?.Value) is null
            ? Recompute.Compute(type, multiplier, count.Value + count.HalfUnit, denominator?.Value)
            : computed;
        var byDenominator = denominator is { } d && Recompute.Problem(type, count.Value, d.Value + d.HalfUnit) is null
            ? Recompute.Compute(type, multiplier, count.Value, d.Value + d.HalfUnit)
            : computed;

        var found = new List<Disagreement>();
        Compare(found, StagedField.Value, row.Value, computed.Value, byCount.Value, byDenominator.Value);
        Compare(found, StagedField.Lower95, row.Lower95, computed.Limits95.Lower, byCount.Limits95.Lower, byDenominator.Limits95.Lower);
        Compare(found, StagedField.Upper95, row.Upper95, computed.Limits95.Upper, byCount.Limits95.Upper, byDenominator.Limits95.Upper);
        Compare(found, StagedField.Lower998, row.Lower998, computed.Limits998.Lower, byCount.Limits998.Lower, byDenominator.Limits998.Lower);
        Compare(found, StagedField.Upper998, row.Upper998, computed.Limits998.Upper, byCount.Limits998.Upper, byDenominator.Limits998.Upper);
        return found;
    }

    /// <summary>Whether one published figure agrees with one computed from its inputs (no input rounding).</summary>
    public static bool Agrees(Figure published, double computed) =>
        double.IsFinite(computed) && Math.Abs(published.Value - computed) <= published.HalfUnit + Slack(computed);

    private static void Compare(List<Disagreement> found, StagedField field, Figure? published, double computed, double byCount, double byDenominator)
    {
        if (published is not { } figure) return;
        if (!double.IsFinite(computed))
        {
            found.Add(new Disagreement(field, figure, computed, 0));
            return;
        }

        var tolerance = figure.HalfUnit + Moved(computed, byCount) + Moved(computed, byDenominator) + Slack(computed);
        if (Math.Abs(figure.Value - computed) > tolerance) found.Add(new Disagreement(field, figure, computed, tolerance));
    }

    private static double Moved(double computed, double moved) => double.IsFinite(moved) ? Math.Abs(moved - computed) : 0;

    // Floating-point noise in the computation itself (relative 1e-12).
    private static double Slack(double computed) => Math.Abs(computed) * 1e-12;
}
