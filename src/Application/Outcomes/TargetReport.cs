using Commonweal.Application.Indicators;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics.Spc;

namespace Commonweal.Application.Outcomes;

/// <summary>
/// A target in one period from its baseline on: the value as outputs show it (under the indicator's disclosure rule), the
/// status worked out from the data and why, and beside it — never mixed into it — the Making Data Count icons of the
/// series up to the period (where it has at least 12 points; assurance against the trajectory's value for the period) and
/// the comparison with England.
/// </summary>
public sealed record TargetPeriod(
    IndicatorPeriod Period,
    DisclosedRow Shown,
    TargetAssessment Assessment,
    VariationIcon Variation,
    AssuranceIcon Assurance,
    string? ComparedToEngland)
{
    public TargetStatus Status => Assessment.Status;
}

/// <summary>
/// A target read against the data: every period from its baseline on, its status (the latest period's) and why, and the
/// XmR chart of its whole series when the series has at least 12 points.
/// </summary>
/// <param name="Owner">The partner organisation that owns it, by name.</param>
/// <param name="AreaName">The place's name.</param>
/// <param name="Series">The place and breakdown's values in period order, as outputs show them (the trend chart's points).</param>
/// <param name="SpcPeriods">The periods of the latest's length (months, quarters or years) the XmR chart is drawn over.</param>
/// <param name="SpcValues">Their values, as stored.</param>
/// <param name="Spc">The XmR chart of <see cref="SpcValues"/> (null under 12 points).</param>
public sealed record TargetReport(
    Target Target,
    string Owner,
    IndicatorTable Table,
    string AreaName,
    TargetPlan Plan,
    IReadOnlyList<DisclosedRow> Series,
    IReadOnlyList<TargetPeriod> Periods,
    TargetStatus Status,
    string Why,
    IReadOnlyList<IndicatorPeriod> SpcPeriods,
    IReadOnlyList<double> SpcValues,
    XmrResult? Spc)
{
    /// <summary>The least number of points for the variation and assurance icons (Making Data Count's guidance for limits).</summary>
    public const int SpcMinimumPoints = 12;

    public Indicator Indicator => Table.Indicator;

    public TargetPeriod? Latest => Periods.Count > 0 ? Periods[^1] : null;

    public VariationIcon Variation => Latest?.Variation ?? VariationIcon.None;

    public AssuranceIcon Assurance => Latest?.Assurance ?? AssuranceIcon.None;

    /// <summary>Special-cause variation of concern in the latest period: an exception whatever the status.</summary>
    public bool SpecialCauseConcern => Variation is VariationIcon.ConcernHigh or VariationIcon.ConcernLow;

    /// <summary>Reported page by page in the exception pack: off track, at risk, or special-cause concern.</summary>
    public bool IsException => Status.IsException() || SpecialCauseConcern;

    /// <summary>Why it is an exception, in words ("Off track", "At risk; special-cause concern").</summary>
    public string ExceptionReason => string.Join("; ", new[]
    {
        Status.IsException() ? Status.Label() : null,
        SpecialCauseConcern ? "special-cause concern (SPC)" : null,
    }.OfType<string>());

    /// <summary>"Persons, 15+ yrs" and the category, if any.</summary>
    public string Breakdown => string.Join(", ", new[] { Target.Sex.ToString(), Target.Age, Target.Category }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
