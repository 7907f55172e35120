using Commonweal.Application.Reporting;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Web.Features.Outcomes;

/// <summary>The outcomes pages' words for icons and numbers.</summary>
public static class OutcomeWords
{
    /// <summary>"Special cause concern (high)", "Common cause", or "–" under 12 points.</summary>
    public static string Variation(VariationIcon icon) => icon switch
    {
        VariationIcon.None => "–",
        VariationIcon.CommonCause => "Common cause",
        VariationIcon.ImprovementHigh => "Improvement (high)",
        VariationIcon.ImprovementLow => "Improvement (low)",
        VariationIcon.ConcernHigh => "Concern (high)",
        VariationIcon.ConcernLow => "Concern (low)",
        VariationIcon.NeutralHigh => "Special cause (high)",
        VariationIcon.NeutralLow => "Special cause (low)",
        _ => icon.ToString(),
    };

    /// <summary>"Consistently passing", "Consistently failing", "Hit and miss", or "–".</summary>
    public static string Assurance(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => "Consistently passing",
        AssuranceIcon.ConsistentFail => "Consistently failing",
        AssuranceIcon.Inconsistent => "Hit and miss",
        _ => "–",
    };

    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? TargetCharts.N(v) : "–";
}
