namespace Commonweal.Core.Statistics;

/// <summary>
/// A small-number disclosure-control policy. The thresholds come from the data supplier's terms, not from a statistical
/// method, so every one is configurable (standards-and-methods §4.10: HES suppresses 1–7 and rounds; ONS/OHID rules use
/// counts below 3 or 5).
/// </summary>
/// <param name="SmallestShownCount">Counts from 1 (or 0 with <paramref name="SuppressZero"/>) up to this minus one are suppressed; default 5 (suppress 1–4).</param>
/// <param name="SuppressZero">Also suppress zero counts (default no: a zero discloses nothing about an individual under most terms).</param>
/// <param name="SmallestShownDenominator">Denominators below this are suppressed, and with them any value derived from them; default 10.</param>
/// <param name="RoundingBase">Round shown counts and denominators to the nearest multiple of this (e.g. 5); 0 or 1 means no rounding.</param>
public sealed record DisclosurePolicy(
    double SmallestShownCount = 5, bool SuppressZero = false, double SmallestShownDenominator = 10, double RoundingBase = 0)
{
    /// <summary>The default: suppress counts 1–4 and denominators below 10, zero shown, no rounding.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>HES-style: suppress counts 1–7, round the rest to the nearest 5, denominators below 10 suppressed.</summary>
    public static DisclosurePolicy HesStyle { get; } = new(SmallestShownCount: 8, RoundingBase: 5);

    /// <summary>No control at all: everything is shown as it is.</summary>
    public static DisclosurePolicy None { get; } = new(SmallestShownCount: 0, SmallestShownDenominator: 0);
}

/// <summary>What happens to a value under a <see cref="DisclosurePolicy"/>.</summary>
public enum DisclosureAction
{
    /// <summary>Shown as it is.</summary>
    Shown,

    /// <summary>Shown rounded to the policy's base.</summary>
    Rounded,

    /// <summary>Not shown (see the reason).</summary>
    Suppressed,
}

/// <summary>The decision for one value: what to show (NaN when suppressed) and why.</summary>
/// <param name="Action">Shown, rounded or suppressed.</param>
/// <param name="Value">The value to publish; NaN when suppressed.</param>
/// <param name="Reason">Why it was suppressed or rounded, or null when shown as it is.</param>
public readonly record struct DisclosureDecision(DisclosureAction Action, double Value, string? Reason)
{
    /// <summary>Whether anything may be published.</summary>
    public bool IsShown => Action != DisclosureAction.Suppressed;
}

/// <summary>
/// Primary small-number suppression and rounding of published counts, denominators and values derived from them. Secondary
/// (complementary) suppression, which stops a suppressed cell being recovered from totals, is not done here: it depends on
/// the table's shape and belongs to the output that builds the table.
/// </summary>
public static class DisclosureControl
{
    /// <summary>A count (numerator) under the policy: suppressed when small, otherwise shown or rounded.</summary>
    public static DisclosureDecision Count(double count, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (double.IsNaN(count)) return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, "no count");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A count cannot be negative.");
        if (count == 0)
        {
            return policy.SuppressZero
                ? new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, "zero count suppressed by policy")
                : new DisclosureDecision(DisclosureAction.Shown, 0, null);
        }

        if (count < policy.SmallestShownCount)
            return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, $"count below {Format(policy.SmallestShownCount)} suppressed (small number)");
        return RoundOrShow(count, policy);
    }

    /// <summary>A denominator under the policy: suppressed below the policy's smallest denominator, otherwise shown or rounded.</summary>
    public static DisclosureDecision Denominator(double denominator, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (double.IsNaN(denominator)) return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, "no denominator");
        if (denominator < 0) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A denominator cannot be negative.");
        if (denominator < policy.SmallestShownDenominator)
            return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, $"denominator below {Format(policy.SmallestShownDenominator)} suppressed (small number)");
        return RoundOrShow(denominator, policy);
    }

    /// <summary>
    /// A value derived from a count and a denominator (a proportion, rate, or its limits): shown exactly as computed when
    /// both may be shown, suppressed with the count's or the denominator's reason otherwise. Rounding the inputs never
    /// changes the derived value (it is computed from the true counts).
    /// </summary>
    public static DisclosureDecision Derived(double value, double count, double denominator, DisclosurePolicy policy)
    {
        var c = Count(count, policy);
        if (!c.IsShown) return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, c.Reason);
        var d = Denominator(denominator, policy);
        if (!d.IsShown) return new DisclosureDecision(DisclosureAction.Suppressed, double.NaN, d.Reason);
        return new DisclosureDecision(DisclosureAction.Shown, value, null);
    }

    private static DisclosureDecision RoundOrShow(double value, DisclosurePolicy policy)
    {
        if (policy.RoundingBase <= 1) return new DisclosureDecision(DisclosureAction.Shown, value, null);
        var rounded = Math.Round(value / policy.RoundingBase, MidpointRounding.AwayFromZero) * policy.RoundingBase;
        return rounded == value
            ? new DisclosureDecision(DisclosureAction.Shown, value, null)
            : new DisclosureDecision(DisclosureAction.Rounded, rounded, $"rounded to the nearest {Format(policy.RoundingBase)}");
    }

    private static string Format(double x) => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
