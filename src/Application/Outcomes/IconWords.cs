using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Outcomes;

/// <summary>The Making Data Count icons and a target's numbers in words, the same in the pages, the tables and the board papers.</summary>
public static class IconWords
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

    /// <summary>"12.345", "1,234.5", or "–" for none.</summary>
    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("#,0.0##", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
