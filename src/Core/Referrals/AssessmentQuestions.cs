namespace Commonweal.Core.Referrals;

/// <summary>
/// The questions of the holistic assessment with, beside each choice, the need level the answer shows: wording and
/// scoring sit together so a new option cannot be added without saying what it means. Questions are written for a reading
/// age of about nine (short words, one idea each, concrete examples); the ONS4 questions keep the national wording.
/// </summary>
internal static class AssessmentQuestions
{
    public const string Smoking = "smoking";
    public const string WeightKg = "weight-kg";
    public const string HeightCm = "height-cm";
    public const string ActivityDays = "activity-days";
    public const string AlcoholUnits = "alcohol-units";
    public const string Caring = "caring";

    /// <summary>A choice's answer with the need level it shows and why, in words that finish "— …".</summary>
    internal sealed record Scored(string Code, string Display, NeedLevel Level = NeedLevel.None, string? Reason = null);

    private static readonly Dictionary<string, Scored[]> Choices = new(StringComparer.Ordinal)
    {
        [Smoking] =
        [
            new("never", "No, I have never smoked"),
            new("ex", "No, I used to smoke"),
            new("yes-want-to-quit", "Yes, and I would like to stop", NeedLevel.Specialist, "smokes and wants to stop: the NHS stop smoking service (NICE NG209)"),
            new("yes-not-now", "Yes, but I do not want to stop now", NeedLevel.Light, "smokes but is not ready to stop: a conversation now, help to stop when ready"),
        ],
        ["money"] =
        [
            new("managing", "I am managing well"),
            new("just-about", "I am just about managing"),
            new("struggling", "I find it hard to pay for food, heating or bills", NeedLevel.Light, "struggling with money: a benefits check and cost-of-living help"),
        ],
        ["debt"] =
        [
            new("none", "No"),
            new("worried", "I am worried about money I owe", NeedLevel.Light, "worried about debt: money guidance before it becomes arrears"),
            new("behind-on-bills", "I am behind on bills, rent or other payments", NeedLevel.Specialist, "behind on bills: debt advice"),
        ],
        ["employment"] =
        [
            new("working", "I am working"),
            new("not-looking", "I am not working and not looking for work (for example I am retired, studying or look after my home)"),
            new("looking", "I am looking for work", NeedLevel.Light, "looking for work: a job club or employment adviser"),
            new("health-stops-me", "I am out of work because of my health and want help to get back", NeedLevel.Specialist, "out of work because of health: specialist employment support"),
        ],
        ["housing"] =
        [
            new("settled", "I feel settled in my home"),
            new("worried", "I am worried about keeping my home", NeedLevel.Light, "worried about keeping a home: housing advice"),
            new("at-risk", "I may have to leave my home soon (for example I have been told to leave)", NeedLevel.Specialist, "at risk of losing a home: housing options and homelessness prevention"),
            new("homeless", "I do not have a home of my own (for example I stay on a friend's sofa, in a hostel or outside)", NeedLevel.Specialist, "homeless: housing options and homelessness relief"),
        ],
        // The ONS national measure of loneliness (direct question), with its five answers.
        ["loneliness"] =
        [
            new("often-always", "Often or always", NeedLevel.Light, "lonely often or always (ONS national measure): befriending or a community group"),
            new("some-of-the-time", "Some of the time"),
            new("occasionally", "Occasionally"),
            new("hardly-ever", "Hardly ever"),
            new("never", "Never"),
        ],
        ["long-term-conditions"] =
        [
            new("none", "No"),
            new("one-coping", "Yes, one, and I manage it well"),
            new("several", "Yes, two or more", NeedLevel.Specialist, "two or more long-term conditions: a professional review and self-management support"),
            new("struggling", "Yes, and I find it hard to manage", NeedLevel.Specialist, "a long-term condition that is hard to manage: a professional review"),
        ],
        // Self-report of eFI deficits (falls, requirement for care, mobility): a prompt, not a validated frailty score.
        ["frailty"] =
        [
            new("need-help", "I need help with everyday things like washing, dressing or shopping", NeedLevel.Specialist, "needs help with daily tasks: a falls and frailty service"),
            new("fallen", "I have had a fall in the last 12 months", NeedLevel.Specialist, "a fall in the last year: a falls and frailty service"),
            new("slowing-down", "Walking or stairs are getting harder for me", NeedLevel.Light, "walking or stairs getting harder: strength and balance activity"),
            new("none", "None of these"),
        ],
        ["home-environment"] =
        [
            new("fine", "Yes"),
            new("cold-or-damp", "It is hard to keep warm, or it is damp or mouldy", NeedLevel.Light, "a cold or damp home: energy advice and warm-home grants"),
            new("unsafe", "No, it is unsafe or it is making me ill", NeedLevel.Specialist, "a home that is unsafe or making someone ill: the council's housing standards team"),
        ],
    };

    public static IReadOnlyList<AssessmentSection> WithoutSwemwbs { get; } =
    [
        new("Your habits", AssessmentGroup.Behaviours, null,
        [
            Choice(Smoking, "Do you smoke?", Need.Smoking, "This means cigarettes, roll-ups, cigars or a pipe. Vaping does not count."),
            Number(WeightKg, "How much do you weigh, in kilograms?", AnswerKind.Decimal, false, 20, 350, Need.Weight, "Only if you know it. 10 stone is about 64 kg."),
            Number(HeightCm, "How tall are you, in centimetres?", AnswerKind.Decimal, false, 100, 250, Need.Weight, "Only if you know it. 5 feet 6 inches is about 168 cm."),
            Number(ActivityDays, "In the last week, on how many days were you active for 30 minutes or more?", AnswerKind.Integer, true, 0, 7, Need.PhysicalActivity,
                "Active means moving enough to breathe faster, like fast walking, cycling, dancing or heavy gardening."),
            Number(AlcoholUnits, "How many units of alcohol do you drink in a usual week?", AnswerKind.Integer, true, 0, 300, Need.Alcohol,
                "A pint of ordinary beer or cider is about 2 units. A glass of wine is about 2 units. A single shot of spirits is 1 unit. If you do not drink, put 0."),
        ]),
        new("Money, work, home and people", AssessmentGroup.SocioEconomic, null,
        [
            Choice("money", "How are you managing with money?", Need.Money),
            Choice("debt", "Are you worried about debt?", Need.Debt),
            Choice("employment", "Which is closest to your work situation?", Need.Employment),
            Choice("housing", "How do you feel about your home?", Need.Housing),
            Choice("loneliness", "How often do you feel lonely?", Need.Loneliness),
            new(Caring, "Do you look after someone, or help them, because they are ill, disabled or old?", AnswerKind.Boolean, [], true, null, null, Need.Caring,
                "Not as a paid job. It could be a family member, a friend or a neighbour."),
        ]),
        new("Your health", AssessmentGroup.ClinicalCare, null,
        [
            Choice("long-term-conditions", "Do you have a long-term health condition?", Need.LongTermConditions,
                "For example diabetes, asthma, heart disease, arthritis or depression."),
            Choice("frailty", "Which of these is true for you?", Need.Frailty, "If more than one is true, choose the first one that is."),
        ]),
        new("Where you live", AssessmentGroup.Environment, null,
        [
            Choice("home-environment", "Is your home warm, dry and safe?", Need.Environment),
        ]),
        new("How you feel", AssessmentGroup.Wellbeing, Ons4.Preamble + " Answer all four, or leave all four out.",
        [
            Rating(Ons4.LifeSatisfactionLinkId, Ons4.LifeSatisfactionQuestion, "0 is not at all satisfied and 10 is completely satisfied."),
            Rating(Ons4.WorthwhileLinkId, Ons4.WorthwhileQuestion, "0 is not at all and 10 is completely."),
            Rating(Ons4.HappyLinkId, Ons4.HappyQuestion, "0 is not at all and 10 is completely."),
            Rating(Ons4.AnxiousLinkId, Ons4.AnxiousQuestion, "0 is not at all anxious and 10 is completely anxious."),
        ]),
    ];

    public static IReadOnlyList<AssessmentSection> WithSwemwbs { get; } =
    [
        .. WithoutSwemwbs,
        new("How you have been feeling (SWEMWBS)", AssessmentGroup.Wellbeing,
            "For each of these, choose how often it has been true for you over the last 2 weeks. Answer all seven, or leave all seven out.",
            [.. Swemwbs.Statements.Select((s, k) => new AssessmentItem(Swemwbs.LinkId(k + 1), s, AnswerKind.Choice, Swemwbs.Options, false, null, null, Need.Wellbeing, null))]),
    ];

    private static readonly Dictionary<string, AssessmentItem> ItemsWithSwemwbs = WithSwemwbs.SelectMany(s => s.Items).ToDictionary(i => i.LinkId, StringComparer.Ordinal);

    /// <summary>Every question in order.</summary>
    public static IEnumerable<AssessmentItem> Items(bool includeSwemwbs) => (includeSwemwbs ? WithSwemwbs : WithoutSwemwbs).SelectMany(s => s.Items);

    /// <summary>The question with this linkId in the assessment as configured, if there is one.</summary>
    public static AssessmentItem? Find(string linkId, bool includeSwemwbs) =>
        ItemsWithSwemwbs.TryGetValue(linkId, out var item) && (includeSwemwbs || !IsSwemwbs(linkId)) ? item : null;

    public static bool IsSwemwbs(string linkId) => linkId.StartsWith("swemwbs-", StringComparison.Ordinal);

    /// <summary>The scored answer of a choice question that routes (not SWEMWBS), or null for one that does not.</summary>
    public static Scored? ScoredAnswer(string linkId, string code) =>
        Choices.TryGetValue(linkId, out var options) ? Array.Find(options, o => o.Code == code) : null;

    private static AssessmentItem Choice(string linkId, string text, Need need, string? help = null) =>
        new(linkId, text, AnswerKind.Choice, [.. Choices[linkId].Select(o => new AnswerOption(o.Code, o.Display))], true, null, null, need, help);

    private static AssessmentItem Number(string linkId, string text, AnswerKind kind, bool required, int min, int max, Need need, string help) =>
        new(linkId, text, kind, [], required, min, max, need, help);

    // ONS4 ratings are answered all four or none (Check enforces it), so no single one is required.
    private static AssessmentItem Rating(string linkId, string text, string help) =>
        new(linkId, text, AnswerKind.Integer, [], false, 0, 10, Need.Wellbeing, help);
}
