namespace Commonweal.Core.Referrals;

/// <summary>
/// The routing rules: <see cref="Default"/> (one per need and level the assessment can find, plus one Core20 rule), the order
/// in which they are tried, and a CSV file format so an ICS can keep its own (<see cref="Parse"/>, <see cref="Format"/>).
/// Defaults, not gospel: each is explained in docs/methods/holistic-assessment-and-triage.md.
/// </summary>
public static partial class TriageRules
{
    /// <summary>The cohort name of the most deprived 20 % of the national population by IMD (NHS England Core20PLUS5).</summary>
    public const string Core20 = "core20";

    public static IReadOnlyList<TriageRule> Default { get; } =
    [
        Professional("smoking-specialist", Need.Smoking, "A smoker who wants to stop is offered the NHS stop smoking service: behavioural support with stop smoking aids is the surest way to quit (NICE NG209)."),
        Community("smoking-light", Need.Smoking, "A smoker not ready to stop is offered a conversation with a health coach or link worker, and the stop smoking service when ready."),
        new("weight-core20", Need.Weight, NeedLevel.Light, SupportTier.Professional,
            "Proportionate universalism: people in the most deprived 20 % (Core20) with any weight need are offered the professional weight management programme, not only community activity, because obesity and its harms are most common there.",
            Cohorts: [Core20]),
        Professional("weight-specialist", Need.Weight, "A BMI in the obesity range: specialist (tier 2) weight management."),
        Community("weight-light", Need.Weight, "Overweight: community activity and healthy-eating groups, or a digital weight programme."),
        Community("physical-activity-light", Need.PhysicalActivity, "Less active than the UK guidelines: a walking group, community sport or an exercise class."),
        Professional("alcohol-specialist", Need.Alcohol, "Drinking at higher risk: the alcohol service, for an assessment and structured support."),
        Community("alcohol-light", Need.Alcohol, "Drinking above the 14-unit guideline: brief advice and a digital drink tracker."),
        Community("money-light", Need.Money, "Struggling with money: a benefits check and cost-of-living help (food, fuel, grants) in the community."),
        Professional("debt-specialist", Need.Debt, "Behind on bills: regulated debt advice, which can pause enforcement and agree a plan with creditors."),
        Community("debt-light", Need.Debt, "Worried about debt: money guidance from a community adviser before it becomes arrears."),
        Professional("employment-specialist", Need.Employment, "Out of work because of health: specialist employment support alongside health care (for example Individual Placement and Support)."),
        Community("employment-light", Need.Employment, "Looking for work: a job club or a community employment adviser."),
        Professional("housing-specialist", Need.Housing, "At risk of losing a home, or homeless: the council's housing options team, which has a duty to prevent and relieve homelessness (Homelessness Reduction Act 2017)."),
        Community("housing-light", Need.Housing, "Worried about keeping a home: housing advice in the community."),
        Community("loneliness-light", Need.Loneliness, "Lonely often or always: a befriending volunteer or a community group."),
        Community("caring-light", Need.Caring, "An unpaid carer: the carers' support service and a carer's assessment (Care Act 2014)."),
        Professional("long-term-conditions-specialist", Need.LongTermConditions, "Several long-term conditions, or one that is hard to manage: a professional review and self-management support."),
        Professional("frailty-specialist", Need.Frailty, "A fall in the last year or needing help with daily tasks: the falls and frailty service (strength and balance, home hazards, a medicines review)."),
        Community("frailty-light", Need.Frailty, "Walking or stairs getting harder: a community strength and balance class."),
        Professional("environment-specialist", Need.Environment, "A home that is unsafe or making someone ill: the council's housing standards (environmental health) team."),
        Community("environment-light", Need.Environment, "A cold or damp home: energy advice and warm-home grants."),
        Professional("wellbeing-specialist", Need.Wellbeing, "Very low life satisfaction with high anxiety: NHS Talking Therapies or the mental health team."),
        Community("wellbeing-light", Need.Wellbeing, "Low life satisfaction or high anxiety: a link worker, peer support or a wellbeing group."),
    ];

    /// <summary>
    /// The order rules are tried in; the first that applies to a finding decides. Most specific first: rules with more
    /// conditions on the person (an age range, a cohort) before fewer; then the higher <see cref="TriageRule.AtLeast"/> first;
    /// then the order written. So "core20 and weight at least light → professional" beats "weight at least specialist →
    /// professional" and "weight at least light → community" for a Core20 person — and, since "at least" means what it says,
    /// it takes their specialist findings too: write a specialist rule with the same conditions if those should differ.
    /// </summary>
    public static IReadOnlyList<TriageRule> InOrder(IReadOnlyList<TriageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.Select((r, k) => (r, k)).OrderByDescending(x => x.r.Conditions).ThenByDescending(x => x.r.AtLeast).ThenBy(x => x.k).Select(x => x.r)];
    }

    private static TriageRule Professional(string id, Need need, string explanation) => new(id, need, NeedLevel.Specialist, SupportTier.Professional, explanation);

    private static TriageRule Community(string id, Need need, string explanation) => new(id, need, NeedLevel.Light, SupportTier.Community, explanation);
}
