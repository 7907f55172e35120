namespace Commonweal.Core.Statistics;

/// <summary>
/// The chi-square distribution, χ²ₖ = 2·Gamma(k/2, 1). <see cref="Quantile"/> reproduces R's
/// <c>qchisq(p, df)</c> to about 10⁻¹⁴ relative, which is what the exact Poisson limits of PHEindicatormethods
/// (<c>qchisq((1−conf)/2, 2x)/2</c> and <c>qchisq(conf + (1−conf)/2, 2x+2)/2</c>, <c>R/Rates.R</c>) need.
/// </summary>
public static class ChiSquare
{
    /// <summary>P(χ²_df ≤ x).</summary>
    public static double Cdf(double x, double degreesOfFreedom) =>
        x <= 0 ? (degreesOfFreedom >= 0 ? (degreesOfFreedom == 0 && x == 0 ? 1 : 0) : double.NaN)
        : Gamma.LowerRegularized(degreesOfFreedom / 2, x / 2);

    /// <summary>P(χ²_df &gt; x), computed directly for small upper tails.</summary>
    public static double UpperTail(double x, double degreesOfFreedom) =>
        x <= 0 ? (degreesOfFreedom > 0 ? 1 : 0) : Gamma.UpperRegularized(degreesOfFreedom / 2, x / 2);

    /// <summary>
    /// The value below which a χ² variable with <paramref name="degreesOfFreedom"/> falls with probability
    /// <paramref name="p"/> (R <c>qchisq</c>). Zero degrees of freedom give 0, as in R (the point mass at 0),
    /// which is why the exact lower limit of a zero count is 0.
    /// </summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (double.IsNaN(p) || double.IsNaN(degreesOfFreedom) || p < 0 || p > 1 || degreesOfFreedom < 0) return double.NaN;
        return degreesOfFreedom == 0 ? 0 : 2 * Gamma.InverseLowerRegularized(degreesOfFreedom / 2, p);
    }
}
