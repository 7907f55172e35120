namespace Commonweal.Core.Statistics.Spc;

/// <summary>
/// How an XmR chart is calculated and read. Two named presets reproduce the two reference implementations,
/// which disagree (see <c>docs/methods/spc-making-data-count.md</c>):
/// <see cref="Mdc"/> (NHS England Making Data Count Excel tools, the default) and <see cref="PlotTheDots"/>
/// (NHSRplotthedots 0.2.x defaults). Change one setting with <c>with</c>, e.g.
/// <c>SpcOptions.Mdc with { Improvement = ImprovementDirection.Decrease }</c>.
/// </summary>
public sealed record SpcOptions
{
    /// <summary>The number of points that makes a trend and a shift in both reference tools.</summary>
    public const int DefaultRunLength = 7;

    /// <summary>
    /// Making Data Count (NHS England Excel tools, the default): no moving-range screening and the November 2023
    /// two-in-three rule (every point beyond 2σ counts).
    /// </summary>
    public static SpcOptions Mdc { get; } = new() { Name = "mdc", ScreenMovingRanges = false, TwoInThree = TwoInThreeRule.BeyondTwoSigma };

    /// <summary>
    /// NHSRplotthedots 0.2.x defaults: moving ranges ≥ 3.267 × MR̄ are screened out and MR̄ recomputed
    /// (<c>screen_outliers = TRUE</c>), and the earlier two-in-three rule (only points between 2σ and 3σ count).
    /// </summary>
    public static SpcOptions PlotTheDots { get; } = new()
    {
        Name = "plotthedots", ScreenMovingRanges = true, TwoInThree = TwoInThreeRule.BetweenTwoAndThreeSigma, TrendPointsTakeTheNextStep = true,
    };

    /// <summary>The preset this options value started from ("mdc" or "plotthedots"); informational only.</summary>
    public string Name { get; init; } = "mdc";

    /// <summary>Which way is better for the measure; NHSRplotthedots defaults to <see cref="ImprovementDirection.Increase"/>.</summary>
    public ImprovementDirection Improvement { get; init; } = ImprovementDirection.Increase;

    /// <summary>
    /// Whether moving ranges not below 3.267 × MR̄ (D₄ for n = 2) are left out and MR̄ recomputed before the limits
    /// are drawn (NHSRplotthedots <c>screen_outliers</c>). The MDC Excel tools do not screen.
    /// </summary>
    public bool ScreenMovingRanges { get; init; }

    /// <summary>Which points count towards the two-in-three rule.</summary>
    public TwoInThreeRule TwoInThree { get; init; } = TwoInThreeRule.BeyondTwoSigma;

    /// <summary>
    /// How a trend point's direction is read. False (Making Data Count): the direction of the trend run it belongs to (a
    /// point shared by a rising and a falling run takes the later run's). True (NHSRplotthedots 0.2.x,
    /// <c>ptd_special_cause_type</c>): the sign of the step to the next point when that point is also in a trend, else of
    /// the step from the previous point — so where two rising trends are separated by a single falling step, the last
    /// point of the first trend is labelled decreasing, and a zero step to the next trend point reads as decreasing.
    /// </summary>
    public bool TrendPointsTakeTheNextStep { get; init; }

    /// <summary>Points in a row, each higher (or each lower) than the one before, that make a trend; 7 by default, at least 2.</summary>
    public int TrendLength
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(TrendLength), value, "A trend needs at least 2 points.");
    } = DefaultRunLength;

    /// <summary>Points in a row on the same side of the mean that make a shift; 7 by default, at least 2.</summary>
    public int ShiftLength
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(ShiftLength), value, "A shift needs at least 2 points.");
    } = DefaultRunLength;

    /// <summary>
    /// When set, the limits of each segment come from its first n points only (the baseline) and every later point
    /// of the segment is judged against them (NHSRplotthedots <c>fix_after_n_points</c>). At least 2; fewer than 12
    /// gives trial limits.
    /// </summary>
    public int? FixAfterPoints
    {
        get;
        init => field = value is null or >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(FixAfterPoints), value, "Limits need at least 2 points.");
    }

    /// <summary>The preset called <paramref name="name"/> ("mdc" or "plotthedots", any case), or false.</summary>
    public static bool TryGetPreset(string? name, out SpcOptions options)
    {
        options = name?.Trim().ToUpperInvariant() switch
        {
            "MDC" => Mdc,
            "PLOTTHEDOTS" => PlotTheDots,
            _ => null!,
        };
        return options is not null;
    }
}
