namespace Commonweal.Core.Commissioning;

/// <summary>The three things a commissioning plan is assured against (Essex HWB, 22 November 2012, Appendix 2, output 2).</summary>
public enum AlignmentTheme
{
    /// <summary>The Joint Strategic Needs Assessment.</summary>
    Jsna,

    /// <summary>The Joint Health and Wellbeing Strategy and its outcomes framework.</summary>
    Strategy,

    /// <summary>The strategy's cross-cutting themes.</summary>
    CrossCutting,
}

/// <summary>A criterion of the self-assessment template: its code, theme, the question, and what good evidence looks like.</summary>
public sealed record AlignmentCriterion(string Code, AlignmentTheme Theme, string Question, string Evidence);

/// <summary>Where a commissioning plan stands: drafted, submitted to the HWB, signed off, or returned for more work.</summary>
public enum PlanStatus
{
    Draft,
    Submitted,
    SignedOff,
    Returned,
}

/// <summary>The Health and Wellbeing Board's decision on a plan's alignment.</summary>
public enum PlanDecision
{
    Aligned,
    AlignedWithConditions,
    NotAligned,
}

/// <summary>
/// A partner's commissioning plan, self-assessed against the template and signed off by the HWB (date and decision).
/// </summary>
/// <param name="Domains">The framework domains (focus area or factor group codes) the plan addresses, comma-separated.</param>
public sealed record CommissioningPlan(
    int Id,
    string Title,
    int Partner,
    int FromYear,
    int ToYear,
    string Domains,
    PlanStatus Status,
    DateTimeOffset Created,
    string CreatedBy,
    DateOnly? DecidedOn,
    PlanDecision? Decision,
    string DecisionNote,
    string? DecidedBy);

/// <summary>A plan's score against one criterion (0 not addressed, 1 partly, 2 mostly, 3 fully), with its evidence and links.</summary>
public sealed record PlanScore(int Plan, string Criterion, int Score, string Evidence, string Links);

/// <summary>How strongly a partner's strategy marks a theme: high priority or priority (seed 003, Appendix 2).</summary>
public enum PriorityLevel
{
    Priority,
    HighPriority,
}

/// <summary>One mark of the partner-strategy priority matrix: an organisation's strategy, a theme, and how strongly it marks it.</summary>
public sealed record PriorityMark(int Id, string Organisation, string Group, string Theme, PriorityLevel Level, string Source);

/// <summary>
/// The self-assessment template (docs/methods/plan-alignment.md): for each of the JSNA, the Joint Health and Wellbeing
/// Strategy with its outcomes framework, and the strategy's cross-cutting themes, the questions a commissioner answers
/// with a score and evidence. Scores run 0 to <see cref="MostScore"/>.
/// </summary>
public static class AlignmentTemplate
{
    public const int MostScore = 3;

    public static IReadOnlyList<AlignmentCriterion> Criteria { get; } =
    [
        new("J1", AlignmentTheme.Jsna, "Are the plan's priorities drawn from the JSNA's findings of need?", "The JSNA chapters and indicators each priority rests on."),
        new("J2", AlignmentTheme.Jsna, "Does the plan target the places and groups of greatest need (Core20PLUS5, the most deprived areas)?", "Cohorts or places targeted, with their share of the plan's money."),
        new("J3", AlignmentTheme.Jsna, "Are the plan's baselines taken from the JSNA's indicators?", "The indicators and periods the baselines come from."),
        new("S1", AlignmentTheme.Strategy, "Does each commissioning intention map to a priority of the Joint Health and Wellbeing Strategy?", "The intentions and the strategy priority each serves."),
        new("S2", AlignmentTheme.Strategy, "Does the plan contribute to named SMART targets of the outcomes framework?", "The targets and how much of each the plan is expected to deliver."),
        new("S3", AlignmentTheme.Strategy, "Are its performance measures drawn from national data already collected?", "The national indicators its KPIs use."),
        new("S4", AlignmentTheme.Strategy, "Does it cover the domains of the wider determinants its partner is responsible for?", "The County Health Rankings domains it commissions in."),
        new("X1", AlignmentTheme.CrossCutting, "Does it say how it narrows health inequalities (more where needed, less where not)?", "The allocation or targeting that gives more to greater need."),
        new("X2", AlignmentTheme.CrossCutting, "Does it put prevention and early intervention first?", "The share of spend on prevention and early intervention."),
        new("X3", AlignmentTheme.CrossCutting, "Was it co-produced with residents, and does it act on their voice?", "The engagement done and what changed because of it."),
        new("X4", AlignmentTheme.CrossCutting, "Is it commissioned jointly with partners (pooled budgets, one pipeline)?", "The pooled funds and co-commissioners."),
    ];

    public static AlignmentCriterion? Find(string code) => Criteria.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(this AlignmentTheme theme) => theme switch
    {
        AlignmentTheme.Jsna => "Joint Strategic Needs Assessment",
        AlignmentTheme.Strategy => "Joint Health and Wellbeing Strategy and outcomes framework",
        _ => "Cross-cutting themes",
    };

    public static string Label(this PlanDecision decision) => decision switch
    {
        PlanDecision.Aligned => "Aligned",
        PlanDecision.AlignedWithConditions => "Aligned with conditions",
        _ => "Not aligned",
    };

    public static string Code(this PlanDecision decision) => decision switch
    {
        PlanDecision.Aligned => "aligned",
        PlanDecision.AlignedWithConditions => "conditions",
        _ => "not-aligned",
    };

    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Draft",
        PlanStatus.Submitted => "Submitted to the HWB",
        PlanStatus.SignedOff => "Signed off",
        _ => "Returned for more work",
    };

    /// <summary>The themes of the partner-strategy priority matrix, by group, as the MSE ICP's review of input strategies lists them (seed 003, Appendix 2).</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<string> Themes)> PriorityThemes { get; } =
    [
        ("Health", ["Obesity / weight management", "Diabetes", "Mental health", "Substance misuse", "Cardiovascular", "COPD", "Sexual health", "Long-term condition management", "Parenting / perinatal / early years", "Cancer"]),
        ("Social care", ["Ageing / frailty", "Dementia", "Learning disabilities", "Physical disabilities"]),
        ("Wider determinants", ["Education", "Employment", "Social isolation", "Debt", "Crime", "Housing"]),
        ("System enablers", ["Workforce", "Climate / ESG", "Financial efficiency / value", "Early intervention", "Spatial planning", "User voice and co-production", "Admissions / DTOC / waiting times", "Digital and tech", "Accessible / closer to home", "Reducing inequalities", "Integration / partnering"]),
    ];
}
