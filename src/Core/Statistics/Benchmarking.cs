namespace Commonweal.Core.Statistics;

/// <summary>An indicator's polarity (Fingertips <c>PolarityIds</c> / FingertipsNext <c>IndicatorPolarity</c>).</summary>
public enum Polarity
{
    /// <summary>No judgement (Fingertips "blue/orange/blue"): outcomes are Higher/Similar/Lower.</summary>
    NoJudgement,

    /// <summary>A high value is good (Fingertips id 1, "RAG - High is good").</summary>
    HighIsGood,

    /// <summary>A low value is good (Fingertips id 0, "RAG - Low is good").</summary>
    LowIsGood,
}

/// <summary>
/// The result of benchmarking one area. Labels (<see cref="Benchmarking.Label"/>): "Better", "Similar", "Worse" (one level);
/// also "Best", "Worst" (two levels, outside the 99.8 % interval); "Higher", "Similar", "Lower" (no judgement);
/// quintiles "Best", "Better", "Middle", "Worse", "Worst" or "Lowest", "Low", "Middle", "High", "Highest"; "Not compared".
/// </summary>
public enum BenchmarkOutcome
{
    /// <summary>No comparison: a value, a limit or the comparator is missing, or too few values for quintiles.</summary>
    NotCompared,

    /// <summary>The comparator lies within the area's 95 % interval.</summary>
    Similar,

    /// <summary>Significantly better (95 %); with two levels, better at 95 % but not at 99.8 %.</summary>
    Better,

    /// <summary>Significantly worse (95 %); with two levels, worse at 95 % but not at 99.8 %.</summary>
    Worse,

    /// <summary>Two levels: better at 99.8 %.</summary>
    Best,

    /// <summary>Two levels: worse at 99.8 %.</summary>
    Worst,

    /// <summary>No judgement: significantly higher.</summary>
    Higher,

    /// <summary>No judgement: significantly lower.</summary>
    Lower,

    /// <summary>Quintile 3 of 5.</summary>
    Middle,

    /// <summary>No-judgement quintile 1.</summary>
    Lowest,

    /// <summary>No-judgement quintile 2.</summary>
    Low,

    /// <summary>No-judgement quintile 4.</summary>
    High,

    /// <summary>No-judgement quintile 5.</summary>
    Highest,
}

/// <summary>
/// Fingertips comparator methods: an area's confidence interval against the comparator's <em>value</em> (not CI overlap),
/// at one level (fingertips-open <c>SingleOverlappingCIsForOneCILevelComparer</c>, comparator method 1; FingertipsNext
/// <c>BenchmarkComparisonEngine</c>) or two levels (<c>SingleOverlappingCIsForTwoCILevelsComparer</c>, method 17), adjusted
/// for polarity; and quintiles (<c>QuintilesCalculator</c>/<c>QuintilesComparer</c>, method 15).
/// </summary>
public static class Benchmarking
{
    /// <summary>Fewest valid values for quintiles (fingertips-open <c>QuintilesComparer</c>).</summary>
    public const int MinimumValuesForQuintiles = 5;

    /// <summary>
    /// One level: the comparator inside [lower, upper] (ends included) is Similar; otherwise the area is higher or lower
    /// than the comparator, which polarity turns into Better/Worse (or Higher/Lower with no judgement).
    /// </summary>
    public static BenchmarkOutcome CompareOneLevel(double value, Interval interval95, double comparator, Polarity polarity)
    {
        if (double.IsNaN(value) || double.IsNaN(comparator) || !interval95.IsDefined) return BenchmarkOutcome.NotCompared;
        if (interval95.Contains(comparator)) return BenchmarkOutcome.Similar;
        return Adjust(value < comparator ? BenchmarkOutcome.Worse : BenchmarkOutcome.Better, polarity);
    }

    /// <summary>
    /// Two levels: the comparator inside the 95 % interval is Similar; between the 95 % and 99.8 % limits, Better or Worse;
    /// outside the 99.8 % interval, Best or Worst, all adjusted for polarity.
    /// </summary>
    public static BenchmarkOutcome CompareTwoLevels(double value, Interval interval95, Interval interval998, double comparator, Polarity polarity)
    {
        if (double.IsNaN(value) || double.IsNaN(comparator) || !interval95.IsDefined || !interval998.IsDefined)
            return BenchmarkOutcome.NotCompared;
        if (interval95.Contains(comparator)) return BenchmarkOutcome.Similar;
        if (comparator <= interval95.Lower && comparator >= interval998.Lower) return Adjust(BenchmarkOutcome.Better, polarity);
        if (comparator <= interval998.Upper && comparator >= interval95.Upper) return Adjust(BenchmarkOutcome.Worse, polarity);
        return Adjust(value < comparator ? BenchmarkOutcome.Worst : BenchmarkOutcome.Best, polarity);
    }

    /// <summary>
    /// The six quintile bounds (minimum, 20th, 40th, 60th, 80th percentiles, maximum) of the valid values, percentiles
    /// interpolated linearly between order statistics and rounded to 10 decimals (fingertips-open
    /// <c>ValueCategoriesCalculator</c>); empty when fewer than 5 values. NaN values are ignored.
    /// </summary>
    public static double[] QuintileBounds(ReadOnlySpan<double> values)
    {
        var sorted = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) sorted.Add(v);
        }

        if (sorted.Count < MinimumValuesForQuintiles) return [];
        sorted.Sort();
        var bounds = new double[6];
        bounds[0] = sorted[0];
        for (var i = 1; i < 5; i++) bounds[i] = Percentile(sorted, 0.2 * i);
        bounds[5] = sorted[^1];
        return bounds;
    }

    /// <summary>The quintile (1 = lowest values … 5 = highest) of a value given <see cref="QuintileBounds"/>; 0 when none.</summary>
    public static int Quintile(double value, ReadOnlySpan<double> bounds)
    {
        if (bounds.Length != 6 || double.IsNaN(value)) return 0;
        for (var category = 1; category <= 5; category++)
        {
            if (value <= bounds[category]) return category;
        }

        return 0;
    }

    /// <summary>
    /// A quintile as an outcome: with high is good quintile 5 is Best and 1 Worst, with low is good the reverse, and with no
    /// judgement Lowest…Highest (FingertipsNext <c>GetIndicatorDetailsWithQuintileBenchmarkComparison</c>).
    /// </summary>
    public static BenchmarkOutcome QuintileOutcome(int quintile, Polarity polarity)
    {
        if (quintile is < 1 or > 5) return BenchmarkOutcome.NotCompared;
        var lowToHigh = polarity switch
        {
            Polarity.HighIsGood => [BenchmarkOutcome.Worst, BenchmarkOutcome.Worse, BenchmarkOutcome.Middle, BenchmarkOutcome.Better, BenchmarkOutcome.Best],
            Polarity.LowIsGood => [BenchmarkOutcome.Best, BenchmarkOutcome.Better, BenchmarkOutcome.Middle, BenchmarkOutcome.Worse, BenchmarkOutcome.Worst],
            _ => (ReadOnlySpan<BenchmarkOutcome>)[BenchmarkOutcome.Lowest, BenchmarkOutcome.Low, BenchmarkOutcome.Middle, BenchmarkOutcome.High, BenchmarkOutcome.Highest],
        };
        return lowToHigh[quintile - 1];
    }

    /// <summary>The outcome's label as written in outputs, e.g. "Better", "Not compared".</summary>
    public static string Label(BenchmarkOutcome outcome) => outcome switch
    {
        BenchmarkOutcome.NotCompared => "Not compared",
        _ => outcome.ToString(),
    };

    /// <summary>
    /// Reads a polarity: "high", "high is good", "RAG - High is good", "1" → high is good; "low", "low is good", "0" → low is good;
    /// "none", "no judgement", "BOB", "blue orange blue", "99", "-1" → no judgement (case and separators ignored).
    /// </summary>
    public static bool TryParsePolarity(string? text, out Polarity polarity)
    {
        polarity = Polarity.NoJudgement;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.Trim() == "-1") return true;
        var key = new string([.. text.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
        switch (key)
        {
            case "high" or "highisgood" or "raghighisgood" or "1":
                polarity = Polarity.HighIsGood;
                return true;
            case "low" or "lowisgood" or "raglowisgood" or "0":
                polarity = Polarity.LowIsGood;
                return true;
            case "none" or "nojudgement" or "nojudgment" or "bob" or "blueorangeblue" or "99" or "notapplicable":
                polarity = Polarity.NoJudgement;
                return true;
            default:
                return false;
        }
    }

    // Better/Worse (and Best/Worst) as for high is good, swapped for low is good, Higher/Lower with no judgement.
    private static BenchmarkOutcome Adjust(BenchmarkOutcome highIsGood, Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => highIsGood,
        Polarity.LowIsGood => highIsGood switch
        {
            BenchmarkOutcome.Better => BenchmarkOutcome.Worse,
            BenchmarkOutcome.Worse => BenchmarkOutcome.Better,
            BenchmarkOutcome.Best => BenchmarkOutcome.Worst,
            BenchmarkOutcome.Worst => BenchmarkOutcome.Best,
            _ => highIsGood,
        },
        _ => highIsGood is BenchmarkOutcome.Better or BenchmarkOutcome.Best ? BenchmarkOutcome.Higher : BenchmarkOutcome.Lower,
    };

    private static double Percentile(List<double> sorted, double fraction)
    {
        var count = sorted.Count;
        var n = ((count - 1) * fraction) + 1;
        if (n == 1d) return sorted[0];
        if (n == count) return sorted[count - 1];
        var k = (int)n;
        var d = n - k;
        var percentile = sorted[k - 1] + (d * (sorted[k] - sorted[k - 1]));
        // Fingertips rounds away floating-point artefacts (30.8000000000000000006 → 30.8).
        return Math.Round(percentile, 10, MidpointRounding.AwayFromZero);
    }

    /// <summary>The polarity's name as written in outputs: "high_is_good", "low_is_good", "no_judgement".</summary>
    public static string PolarityName(Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => "high_is_good",
        Polarity.LowIsGood => "low_is_good",
        _ => "no_judgement",
    };
}
