namespace Commonweal.Core.Statistics;

/// <summary>
/// Student's t distribution. <see cref="Quantile"/> matches R's <c>qt(p, df)</c> to about 10⁻¹³ relative:
/// the exact forms for 1 and 2 degrees of freedom, otherwise a Cornish–Fisher start (the answer itself from 10⁵ degrees of freedom) refined by bracketed
/// Newton steps on the tail probability P(T &gt; t) = ½·I_{ν/(ν+t²)}(ν/2, ½) (regularized incomplete beta by
/// its continued fraction, Numerical Recipes 3rd ed. §6.4). Used for the interval around a mean
/// (PHEindicatormethods <c>phe_mean</c>, <c>R/Means.R</c>).
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for ν = <paramref name="degreesOfFreedom"/> &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0)) return double.NaN;
        if (t == 0) return 0.5;
        var tail = UpperTail(Math.Abs(t), degreesOfFreedom);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>
    /// The value below which a t variable with <paramref name="degreesOfFreedom"/> falls with probability
    /// <paramref name="p"/> (R <c>qt</c>).
    /// </summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (double.IsNaN(p) || p < 0 || p > 1 || !(degreesOfFreedom > 0)) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p == 0.5) return 0;
        var u = Math.Min(p, 1 - p);
        var t = UpperQuantile(u, degreesOfFreedom);
        return p < 0.5 ? -t : t;
    }

    /// <summary>The t &gt; 0 with P(T &gt; t) = u, for 0 &lt; u &lt; ½.</summary>
    private static double UpperQuantile(double u, double nu)
    {
        if (nu == 1) return Math.Tan(Math.PI * (0.5 - u));
        if (nu == 2) return (1 - (2 * u)) / Math.Sqrt(2 * u * (1 - u));

        // Cornish–Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5).
        var z = -Normal.Quantile(u);
        var z2 = z * z;
        var t = z + ((z2 + 1) * z / (4 * nu))
                  + ((((5 * z2) + 16) * z2 + 3) * z / (96 * nu * nu))
                  + (((((3 * z2) + 19) * z2 + 17) * z2 - 15) * z / (384 * nu * nu * nu));
        if (!(t > 0) || !double.IsFinite(t)) t = z;
        // From 10⁵ degrees of freedom the expansion's next term is below 10⁻¹⁸, and it is more precise than the
        // continued fraction, which converges slowly there.
        if (nu >= 1e5) return t;

        double lo = 0, hi = double.PositiveInfinity;
        var logBeta = LogBetaHalf(nu / 2);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var f = UpperTail(t, nu) - u; // decreasing in t
            if (f == 0) return t;
            if (f > 0) lo = t;
            else hi = t;
            var density = Math.Exp((-(nu + 1) / 2 * Gamma.Log1p(t * t / nu)) - (0.5 * Math.Log(nu)) - logBeta);
            var next = t + (f / density);
            if (!(next > lo && next < hi) || !double.IsFinite(next))
                next = double.IsPositiveInfinity(hi) ? 2 * t : 0.5 * (lo + hi);
            if (Math.Abs(next - t) <= 4e-16 * t) return next;
            t = next;
        }

        return t;
    }

    /// <summary>P(T &gt; t) for t ≥ 0.</summary>
    private static double UpperTail(double t, double nu)
    {
        if (double.IsPositiveInfinity(t)) return 0;
        var t2 = t * t;
        // x = ν/(ν+t²), 1 − x = t²/(ν+t²), each without cancellation.
        var x = nu / (nu + t2);
        var oneMinusX = t2 / (nu + t2);
        double a = nu / 2, b = 0.5;
        var logPrefix = (-a * Gamma.Log1p(t2 / nu)) + (b * Math.Log(oneMinusX)) - LogBetaHalf(a);
        if (t2 == 0) return 0.5;
        var prefix = Math.Exp(logPrefix);
        // I_x(a, b) = prefix · CF(x; a, b)/a when x is below the mean a/(a+b); otherwise by symmetry.
        double incomplete = x < (a + 1) / (a + b + 2)
            ? prefix * BetaFraction(x, a, b) / a
            : 1 - (prefix * BetaFraction(oneMinusX, b, a) / b);
        return 0.5 * incomplete;
    }

    /// <summary>ln B(a, ½) = ln Γ(a) + ln Γ(½) − ln Γ(a + ½), with the difference taken analytically for large a.</summary>
    private static double LogBetaHalf(double a)
    {
        const double logGammaHalf = 0.57236494292470008707171367567653; // ln √π
        if (a < 10) return Gamma.LogGamma(a) + logGammaHalf - Gamma.LogGamma(a + 0.5);
        var difference = (-0.5 * Math.Log(a)) - (a * Gamma.Log1p(0.5 / a)) + 0.5
            + Gamma.StirlingCorrection(a) - Gamma.StirlingCorrection(a + 0.5);
        return difference + logGammaHalf;
    }

    private static double BetaFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < 100_000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + (aa / c);
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + (aa / c);
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }

        return h;
    }
}
