using Commonweal.Core.Statistics;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Reporting.Charts;

/// <summary>
/// The colours of comparisons as Fingertips and Making Data Count draw them: better green, similar amber, worse red; higher
/// and lower (no judgement) dark and light blue; not compared grey. Charts always say the word too (never colour alone).
/// </summary>
public static class BenchmarkColours
{
    public const string Better = "#007f3b";
    public const string Similar = "#ffb81c";
    public const string Worse = "#d5281b";
    public const string Higher = "#003087";
    public const string Lower = "#41b6e6";
    public const string NotCompared = "#aeb7bd";

    /// <summary>Making Data Count: improvement blue, concern orange, common cause grey, neutral purple.</summary>
    public const string Improvement = "#41b6e6";
    public const string Concern = "#ed8b00";
    public const string CommonCause = "#768692";
    public const string Neutral = "#330072";

    public static string Of(BenchmarkOutcome? outcome) => outcome switch
    {
        BenchmarkOutcome.Better or BenchmarkOutcome.Best => Better,
        BenchmarkOutcome.Similar or BenchmarkOutcome.Middle => Similar,
        BenchmarkOutcome.Worse or BenchmarkOutcome.Worst => Worse,
        BenchmarkOutcome.Higher or BenchmarkOutcome.Highest or BenchmarkOutcome.High => Higher,
        BenchmarkOutcome.Lower or BenchmarkOutcome.Lowest or BenchmarkOutcome.Low => Lower,
        _ => NotCompared,
    };

    /// <summary>The NHS tag class that matches a comparison's colour, for tables.</summary>
    public static string TagClass(BenchmarkOutcome? outcome) => outcome switch
    {
        BenchmarkOutcome.Better or BenchmarkOutcome.Best => "nhsuk-tag--green",
        BenchmarkOutcome.Similar or BenchmarkOutcome.Middle => "nhsuk-tag--yellow",
        BenchmarkOutcome.Worse or BenchmarkOutcome.Worst => "nhsuk-tag--red",
        BenchmarkOutcome.Higher or BenchmarkOutcome.Highest or BenchmarkOutcome.High => "nhsuk-tag--blue",
        BenchmarkOutcome.Lower or BenchmarkOutcome.Lowest or BenchmarkOutcome.Low => "nhsuk-tag--aqua-green",
        _ => "nhsuk-tag--grey",
    };

    public static string Of(PointType point) => point switch
    {
        PointType.SpecialCauseImprovement => Improvement,
        PointType.SpecialCauseConcern => Concern,
        PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => Neutral,
        _ => CommonCause,
    };

    /// <summary>A point type in words: "special cause (improvement)", "common cause".</summary>
    public static string Words(PointType point) => point switch
    {
        PointType.SpecialCauseImprovement => "special cause (improvement)",
        PointType.SpecialCauseConcern => "special cause (concern)",
        PointType.SpecialCauseNeutralHigh => "special cause (high, no judgement)",
        PointType.SpecialCauseNeutralLow => "special cause (low, no judgement)",
        PointType.Missing => "no value",
        _ => "common cause",
    };
}
