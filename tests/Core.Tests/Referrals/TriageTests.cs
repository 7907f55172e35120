using Commonweal.Core.Places;
using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>
/// Triage: each default rule, eligibility by age, place and cohort, capacity (full → next service; full in the tier →
/// community interim and waitlisted; counted within one decision), several needs in one case, a requested service, and
/// the most specific rule winning — every line saying why.
/// </summary>
public sealed class TriageTests
{
    private static readonly AreaCode Lsoa = AreaCode.Parse("E01021237");
    private static readonly AreaCode Basildon = AreaCode.Parse("E07000066");
    private static readonly AreaCode Chelmsford = AreaCode.Parse("E07000070");
    private static readonly AreaCode Icb = AreaCode.Parse("QH8");
    private static readonly Dictionary<string, int> NoneOpen = [];

    private static TriagePerson Person(int age = 45, string[]? cohorts = null, bool lowerBmi = false) =>
        new(age, [Lsoa, Basildon, Icb], cohorts ?? [], lowerBmi);

    private static ReferralService Service(
        string code, string name, SupportKind kind, Need[] needs, int? capacity,
        AreaCode[]? areas = null, int? minAge = null, int? maxAge = null, string[]? cohorts = null) =>
        new(code, name, kind, needs, areas ?? [], minAge, maxAge, cohorts ?? [], capacity, null, null);

    private static AssessmentResult Found(params (Need Need, NeedLevel Level)[] needs) =>
        new([.. needs.Select(n => new NeedFinding(n.Need, n.Level, $"{Needs.Title(n.Need)}: found."))], null, null, null, null);

    private static TriageDecision Decide(AssessmentResult assessment, TriagePerson person, ReferralService[] services, Dictionary<string, int>? open = null, string? requested = null, IReadOnlyList<TriageRule>? rules = null) =>
        Triage.Decide(assessment, person, rules ?? TriageRules.Default, services, open ?? NoneOpen, requested);

    // A community and a professional service for every need, with room.
    private static readonly ReferralService[] Everything =
    [
        .. Needs.All.Select(n => Service($"C-{Needs.Code(n)}", $"Community {Needs.Words(n)}", SupportKind.Volunteer, [n], null)),
        .. Needs.All.Select(n => Service($"P-{Needs.Code(n)}", $"Professional {Needs.Words(n)}", SupportKind.Professional, [n], 10)),
    ];

    [Theory]
    [InlineData(Need.Smoking, NeedLevel.Specialist, false, "smoking-specialist", SupportTier.Professional)]
    [InlineData(Need.Smoking, NeedLevel.Light, false, "smoking-light", SupportTier.Community)]
    [InlineData(Need.Weight, NeedLevel.Specialist, false, "weight-specialist", SupportTier.Professional)]
    [InlineData(Need.Weight, NeedLevel.Light, false, "weight-light", SupportTier.Community)]
    [InlineData(Need.Weight, NeedLevel.Light, true, "weight-core20", SupportTier.Professional)]
    [InlineData(Need.Weight, NeedLevel.Specialist, true, "weight-core20", SupportTier.Professional)]
    [InlineData(Need.Smoking, NeedLevel.Light, true, "smoking-light", SupportTier.Community)]
    [InlineData(Need.PhysicalActivity, NeedLevel.Light, false, "physical-activity-light", SupportTier.Community)]
    [InlineData(Need.Alcohol, NeedLevel.Specialist, false, "alcohol-specialist", SupportTier.Professional)]
    [InlineData(Need.Alcohol, NeedLevel.Light, false, "alcohol-light", SupportTier.Community)]
    [InlineData(Need.Money, NeedLevel.Light, false, "money-light", SupportTier.Community)]
    [InlineData(Need.Debt, NeedLevel.Specialist, false, "debt-specialist", SupportTier.Professional)]
    [InlineData(Need.Debt, NeedLevel.Light, false, "debt-light", SupportTier.Community)]
    [InlineData(Need.Employment, NeedLevel.Specialist, false, "employment-specialist", SupportTier.Professional)]
    [InlineData(Need.Employment, NeedLevel.Light, false, "employment-light", SupportTier.Community)]
    [InlineData(Need.Housing, NeedLevel.Specialist, false, "housing-specialist", SupportTier.Professional)]
    [InlineData(Need.Housing, NeedLevel.Light, false, "housing-light", SupportTier.Community)]
    [InlineData(Need.Loneliness, NeedLevel.Light, false, "loneliness-light", SupportTier.Community)]
    [InlineData(Need.Caring, NeedLevel.Light, false, "caring-light", SupportTier.Community)]
    [InlineData(Need.LongTermConditions, NeedLevel.Specialist, false, "long-term-conditions-specialist", SupportTier.Professional)]
    [InlineData(Need.Frailty, NeedLevel.Specialist, false, "frailty-specialist", SupportTier.Professional)]
    [InlineData(Need.Frailty, NeedLevel.Light, false, "frailty-light", SupportTier.Community)]
    [InlineData(Need.Environment, NeedLevel.Specialist, false, "environment-specialist", SupportTier.Professional)]
    [InlineData(Need.Environment, NeedLevel.Light, false, "environment-light", SupportTier.Community)]
    [InlineData(Need.Wellbeing, NeedLevel.Specialist, false, "wellbeing-specialist", SupportTier.Professional)]
    [InlineData(Need.Wellbeing, NeedLevel.Light, false, "wellbeing-light", SupportTier.Community)]
    public void Each_default_rule_routes_its_need(Need need, NeedLevel level, bool core20, string ruleId, SupportTier tier)
    {
        var line = Assert.Single(Decide(Found((need, level)), Person(cohorts: core20 ? ["core20"] : null), Everything).Lines);
        var rule = TriageRules.Default.Single(r => r.Id == ruleId);
        Assert.Equal((need, level, tier, false), (line.Need, line.Level, line.Tier, line.Waitlisted));
        Assert.Equal($"{(tier == SupportTier.Professional ? "P" : "C")}-{Needs.Code(need)}", line.ServiceCode);
        Assert.Contains($"Rule {ruleId}: {(tier == SupportTier.Professional ? "professional" : "community")} — {rule.Explanation}", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_rules_have_one_rule_per_need_and_level_and_unique_ids()
    {
        var defaults = TriageRules.Default;
        Assert.Equal(defaults.Count, defaults.Select(r => r.Id).Distinct().Count());
        Assert.Equal(defaults.Count, defaults.Select(r => (r.Need, r.AtLeast, string.Join(';', r.Cohorts ?? []))).Distinct().Count());
        Assert.All(defaults, r => Assert.EndsWith(".", r.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_says_why_in_full_sentences_naming_the_finding_the_rule_and_the_capacity()
    {
        var answers = HolisticAssessmentTests.NoNeeds();
        answers["weight-kg"] = AssessmentValue.Of(96m);
        answers["height-cm"] = AssessmentValue.Of(170m);
        var swm = Service("SWM-BAS", "Specialist weight management", SupportKind.Professional, [Need.Weight], 40, [Basildon]);
        var decision = Decide(HolisticAssessment.Score(answers, false), Person(), [swm], new() { ["SWM-BAS"] = 37 });
        var line = Assert.Single(decision.Lines);
        Assert.Equal(new SupportLinePlan(Need.Weight, NeedLevel.Specialist, SupportTier.Professional, "SWM-BAS", false,
            "Weight: BMI 33.2 (weight 96 kg, height 170 cm): 30 or more (obesity). Rule weight-specialist: professional — A BMI in the obesity range: specialist (tier 2) weight management. Specialist weight management (SWM-BAS) has 3 of 40 places free (serves E07000066)."), line);
        Assert.Equal(["One case with 1 support line: weight (professional)."], decision.Why);
    }

    [Theory]
    [InlineData(16, 18, null, null, "is for ages 18 and over and the person is 16")]
    [InlineData(18, 18, null, "SWM", null)]
    [InlineData(64, 18, 64, "SWM", null)]
    [InlineData(65, 18, 64, null, "is for ages 18 to 64 and the person is 65")]
    [InlineData(17, null, 17, "SWM", null)]
    [InlineData(18, null, 17, null, "is for ages up to 17 and the person is 18")]
    public void A_service_takes_only_the_ages_it_is_for(int age, int? min, int? max, string? chosen, string? why)
    {
        var swm = Service("SWM", "Weight service", SupportKind.Professional, [Need.Weight], 5, minAge: min, maxAge: max);
        var line = Assert.Single(Decide(Found((Need.Weight, NeedLevel.Specialist)), Person(age), [swm]).Lines);
        Assert.Equal(chosen, line.ServiceCode);
        if (why is not null) Assert.EndsWith($"No service in E01021237, E07000066, QH8 addresses weight for this person (Weight service (SWM) {why}).", line.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E07000070", false)] // Chelmsford: not the person's district
    [InlineData("E07000066", true)] // the person's district
    [InlineData("E01021237", true)] // the person's LSOA
    [InlineData("QH8", true)] // the person's ICB
    [InlineData("", true)] // everywhere
    public void A_service_serves_a_person_in_any_of_its_areas(string area, bool serves)
    {
        var debt = Service("DEBT", "Debt advice", SupportKind.Professional, [Need.Debt], 5, area.Length == 0 ? [] : [AreaCode.Parse(area)]);
        var line = Assert.Single(Decide(Found((Need.Debt, NeedLevel.Specialist)), Person(), [debt]).Lines);
        Assert.Equal(serves ? "DEBT" : null, line.ServiceCode);
        if (!serves) Assert.EndsWith("No service in E01021237, E07000066, QH8 addresses debt for this person (Debt advice (DEBT) serves E07000070, not E01021237, E07000066, QH8).", line.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "core20" }, false)]
    [InlineData(new[] { "Carers" }, true)]
    [InlineData(new[] { "core20", "carers" }, true)]
    public void A_service_for_cohorts_takes_people_in_at_least_one(string[] cohorts, bool takes)
    {
        var carers = Service("CARERS", "Carers' support", SupportKind.CommunityAsset, [Need.Caring], 5, cohorts: ["carers", "young-carers"]);
        var line = Assert.Single(Decide(Found((Need.Caring, NeedLevel.Light)), Person(cohorts: cohorts), [carers]).Lines);
        Assert.Equal(takes ? "CARERS" : null, line.ServiceCode);
        if (!takes) Assert.Contains("Carers' support (CARERS) is for people in carers or young-carers, which the person is not", line.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, 0, "SWM-B")] // A full: the next service
    [InlineData(37, 10, "SWM-B")] // A 3 free, B 10 free: the most room
    [InlineData(30, 15, "SWM-A")] // A 10 free, B 5 free
    [InlineData(30, 10, "SWM-A")] // 10 free each: by code
    [InlineData(45, 0, "SWM-B")] // over-full counts as no room
    public void The_service_with_the_most_room_is_chosen(int openA, int openB, string chosen)
    {
        ReferralService[] services =
        [
            Service("SWM-B", "Weight B", SupportKind.Professional, [Need.Weight], 20),
            Service("SWM-A", "Weight A", SupportKind.Professional, [Need.Weight], 40),
        ];
        var line = Assert.Single(Decide(Found((Need.Weight, NeedLevel.Specialist)), Person(), services, new() { ["SWM-A"] = openA, ["SWM-B"] = openB }).Lines);
        Assert.Equal(chosen, line.ServiceCode);
        Assert.False(line.Waitlisted);
    }

    [Fact]
    public void A_service_without_a_limit_has_the_most_room()
    {
        ReferralService[] services =
        [
            Service("A-GROUP", "Walking group", SupportKind.CommunityAsset, [Need.PhysicalActivity], 100),
            Service("Z-APP", "Active app", SupportKind.Digital, [Need.PhysicalActivity], null),
        ];
        var line = Assert.Single(Decide(Found((Need.PhysicalActivity, NeedLevel.Light)), Person(), services).Lines);
        Assert.Equal("Z-APP", line.ServiceCode);
        Assert.EndsWith("Active app (Z-APP) has no limit on places (serves everywhere).", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_professional_service_is_full_a_community_service_gives_interim_support_and_the_line_waits()
    {
        ReferralService[] services =
        [
            Service("SWM-BAS", "Specialist weight management", SupportKind.Professional, [Need.Weight], 40, [Basildon]),
            Service("ACT-BAS", "Active Basildon", SupportKind.CommunityAsset, [Need.Weight, Need.PhysicalActivity], 5, [Basildon]),
        ];
        var line = Assert.Single(Decide(Found((Need.Weight, NeedLevel.Specialist)), Person(), services, new() { ["SWM-BAS"] = 40, ["ACT-BAS"] = 2 }).Lines);
        Assert.Equal((SupportTier.Professional, "ACT-BAS", true, "SWM-BAS"), (line.Tier, line.ServiceCode, line.Waitlisted, line.WaitlistedFor));
        Assert.EndsWith("Specialist weight management (SWM-BAS) has 0 of 40 places free (serves E07000066): waitlisted for Specialist weight management (SWM-BAS). Meanwhile Active Basildon (ACT-BAS) has 3 of 5 places free (serves E07000066), as interim support.", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_professional_service_is_full_and_no_community_service_has_room_the_line_waits_without_a_service()
    {
        ReferralService[] services =
        [
            Service("SWM-BAS", "Specialist weight management", SupportKind.Professional, [Need.Weight], 40),
            Service("ACT-BAS", "Active Basildon", SupportKind.CommunityAsset, [Need.Weight], 5),
        ];
        var line = Assert.Single(Decide(Found((Need.Weight, NeedLevel.Specialist)), Person(), services, new() { ["SWM-BAS"] = 40, ["ACT-BAS"] = 5 }).Lines);
        Assert.Equal((null, true, "SWM-BAS"), (line.ServiceCode, line.Waitlisted, line.WaitlistedFor));
        Assert.EndsWith("waitlisted for Specialist weight management (SWM-BAS). No community service for weight has room meanwhile.", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_community_service_is_waited_for()
    {
        var befriending = Service("BEF", "Befriending", SupportKind.Volunteer, [Need.Loneliness], 12);
        var line = Assert.Single(Decide(Found((Need.Loneliness, NeedLevel.Light)), Person(), [befriending], new() { ["BEF"] = 12 }).Lines);
        Assert.Equal((SupportTier.Community, null, true, "BEF"), (line.Tier, line.ServiceCode, line.Waitlisted, line.WaitlistedFor));
        Assert.EndsWith("Befriending (BEF) has 0 of 12 places free (serves everywhere): waitlisted for Befriending (BEF).", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_professional_service_for_the_person_a_community_one_serves_and_the_gap_is_named()
    {
        ReferralService[] services =
        [
            Service("ALC-CHE", "Alcohol service", SupportKind.Professional, [Need.Alcohol], 10, [Chelmsford]),
            Service("DRINK-APP", "Drink tracker", SupportKind.Digital, [Need.Alcohol], null),
        ];
        var line = Assert.Single(Decide(Found((Need.Alcohol, NeedLevel.Specialist)), Person(), services).Lines);
        Assert.Equal(("DRINK-APP", false), (line.ServiceCode, line.Waitlisted));
        Assert.EndsWith("No professional service for alcohol takes this person (Alcohol service (ALC-CHE) serves E07000070, not E01021237, E07000066, QH8); Drink tracker (DRINK-APP) has no limit on places (serves everywhere) instead — a gap for commissioners.", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_service_at_all_the_line_has_none_and_says_so()
    {
        var line = Assert.Single(Decide(Found((Need.Housing, NeedLevel.Specialist)), Person(), []).Lines);
        Assert.Null(line.ServiceCode);
        Assert.False(line.Waitlisted);
        Assert.Equal("Housing: found. Rule housing-specialist: professional — At risk of losing a home, or homeless: the council's housing options team, which has a duty to prevent and relieve homelessness (Homelessness Reduction Act 2017). No service in E01021237, E07000066, QH8 addresses housing.", line.Why);
    }

    [Fact]
    public void Several_needs_make_one_case_with_a_line_each()
    {
        var decision = Decide(Found((Need.Loneliness, NeedLevel.Light), (Need.Smoking, NeedLevel.Specialist), (Need.Debt, NeedLevel.Specialist)), Person(), Everything);
        Assert.Equal([(Need.Smoking, "P-smoking"), (Need.Debt, "P-debt"), (Need.Loneliness, "C-loneliness")], decision.Lines.Select(l => (l.Need, l.ServiceCode!)));
        Assert.Equal("One case with 3 support lines: smoking (professional), debt (professional), loneliness (community).", decision.Why[0]);
    }

    [Fact]
    public void Capacity_is_counted_within_the_same_decision()
    {
        var link = Service("LINK", "Link workers", SupportKind.Volunteer, [Need.Loneliness, Need.Caring, Need.Wellbeing], 3);
        var decision = Decide(Found((Need.Loneliness, NeedLevel.Light), (Need.Caring, NeedLevel.Light), (Need.Wellbeing, NeedLevel.Light)), Person(), [link], new() { ["LINK"] = 1 });
        Assert.Equal([("LINK", false), ("LINK", false), (null, true)], decision.Lines.Select(l => (l.ServiceCode, l.Waitlisted)));
        Assert.EndsWith("Link workers (LINK) has 2 of 3 places free (serves everywhere).", decision.Lines[0].Why, StringComparison.Ordinal);
        Assert.EndsWith("Link workers (LINK) has 1 of 3 places free (serves everywhere).", decision.Lines[1].Why, StringComparison.Ordinal);
        Assert.EndsWith("Link workers (LINK) has 0 of 3 places free (serves everywhere): waitlisted for Link workers (LINK).", decision.Lines[2].Why, StringComparison.Ordinal);
        Assert.Equal("One case with 3 support lines: loneliness (community), caring for someone (community), wellbeing (community, waitlisted).", decision.Why[0]);
    }

    private static readonly ReferralService[] Befriending =
    [
        Service("BEF-BIG", "Befriending big", SupportKind.Volunteer, [Need.Loneliness], 50),
        Service("BEF-SMALL", "Befriending small", SupportKind.Volunteer, [Need.Loneliness], 2),
        Service("BEF-FULL", "Befriending full", SupportKind.Volunteer, [Need.Loneliness], 2),
        Service("BEF-YOUTH", "Youth befriending", SupportKind.Volunteer, [Need.Loneliness], 2, maxAge: 25),
        Service("DEBT-1", "Debt advice", SupportKind.Professional, [Need.Debt], 2),
    ];

    [Fact]
    public void A_requested_service_that_takes_the_person_and_has_room_is_honoured()
    {
        var decision = Decide(Found((Need.Loneliness, NeedLevel.Light)), Person(), Befriending, new() { ["BEF-FULL"] = 2 }, "bef-small");
        var line = Assert.Single(decision.Lines);
        Assert.Equal("BEF-SMALL", line.ServiceCode); // not BEF-BIG, which has more room
        Assert.EndsWith("The referrer asked for Befriending small (BEF-SMALL): Befriending small (BEF-SMALL) has 2 of 2 places free (serves everywhere).", line.Why, StringComparison.Ordinal);
        Assert.Equal("The referrer asked for Befriending small (BEF-SMALL): honoured for loneliness.", decision.Why[1]);
    }

    [Fact]
    public void A_requested_service_takes_its_place_before_other_lines_can()
    {
        var link = Service("LINK", "Link workers", SupportKind.Volunteer, [Need.Loneliness, Need.Wellbeing], 1);
        var decision = Decide(Found((Need.Loneliness, NeedLevel.Light), (Need.Wellbeing, NeedLevel.Light)), Person(), [link], requested: "LINK",
            rules: [new("w", Need.Wellbeing, NeedLevel.Light, SupportTier.Community, "x."), new("l", Need.Loneliness, NeedLevel.Light, SupportTier.Professional, "y.")]);
        // Wellbeing's rule chose the community tier, so the request is honoured for wellbeing; loneliness then finds no room.
        Assert.Equal([(Need.Loneliness, (string?)null), (Need.Wellbeing, "LINK")], decision.Lines.Select(l => (l.Need, l.ServiceCode)));
    }

    [Theory]
    [InlineData("NOPE", "The referrer asked for 'NOPE', which is not a service here, so the rules chose instead.")]
    [InlineData("BEF-FULL", "The referrer asked for Befriending full (BEF-FULL), but it has 0 of 2 places free (serves everywhere), so the rules chose instead.")]
    [InlineData("DEBT-1", "The referrer asked for Debt advice (DEBT-1), but it addresses debt, and the needs found are loneliness, so the rules chose instead.")]
    [InlineData("BEF-YOUTH", "The referrer asked for Youth befriending (BEF-YOUTH), but it is for ages up to 25 and the person is 45, so the rules chose instead.")]
    public void A_requested_service_that_cannot_take_the_line_is_ignored_saying_why(string requested, string why)
    {
        var decision = Decide(Found((Need.Loneliness, NeedLevel.Light)), Person(), Befriending, new() { ["BEF-FULL"] = 2 }, requested);
        Assert.Equal("BEF-BIG", Assert.Single(decision.Lines).ServiceCode);
        Assert.Equal(why, decision.Why[1]);
    }

    private static readonly TriageRule[] AgeRules =
    [
        new("wellbeing-light", Need.Wellbeing, NeedLevel.Light, SupportTier.Community, "General."),
        new("wellbeing-specialist", Need.Wellbeing, NeedLevel.Specialist, SupportTier.Professional, "General specialist."),
        new("young-wellbeing", Need.Wellbeing, NeedLevel.Light, SupportTier.Professional, "Young people.", MinAge: 16, MaxAge: 24),
        new("young-carers-wellbeing", Need.Wellbeing, NeedLevel.Light, SupportTier.Community, "Young carers.", MaxAge: 24, Cohorts: ["carers"]),
    ];

    [Theory]
    [InlineData(20, NeedLevel.Light, null, "young-wellbeing")]
    [InlineData(20, NeedLevel.Specialist, null, "young-wellbeing")] // a rule with a condition before a general one, even one at a higher level
    [InlineData(30, NeedLevel.Light, null, "wellbeing-light")]
    [InlineData(30, NeedLevel.Specialist, null, "wellbeing-specialist")] // the higher level first among equally specific rules
    [InlineData(20, NeedLevel.Light, "carers", "young-carers-wellbeing")] // two conditions before one
    [InlineData(30, NeedLevel.Light, "carers", "wellbeing-light")]
    public void The_most_specific_rule_wins(int age, NeedLevel level, string? cohort, string ruleId)
    {
        var decision = Decide(Found((Need.Wellbeing, level)), Person(age, cohort is null ? null : [cohort]), Everything, rules: AgeRules);
        Assert.Contains($"Rule {ruleId}:", Assert.Single(decision.Lines).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_are_tried_most_conditions_first_then_highest_level_then_as_written()
    {
        Assert.Equal(["young-carers-wellbeing", "young-wellbeing", "wellbeing-specialist", "wellbeing-light"], TriageRules.InOrder(AgeRules).Select(r => r.Id));
        Assert.Equal("weight-core20", TriageRules.InOrder(TriageRules.Default)[0].Id);
    }

    [Fact]
    public void A_need_no_rule_covers_goes_by_its_level()
    {
        var line = Assert.Single(Decide(Found((Need.Debt, NeedLevel.Specialist)), Person(), Everything, rules: []).Lines);
        Assert.Equal((SupportTier.Professional, "P-debt"), (line.Tier, line.ServiceCode));
        Assert.Contains("No rule covers debt at specialist for this person, so professional by default.", line.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void No_need_found_is_one_community_line_for_a_conversation_with_a_link_worker()
    {
        var link = Service("LINK", "Link workers", SupportKind.Volunteer, [Need.Wellbeing], 10);
        var decision = Decide(HolisticAssessment.Score(HolisticAssessmentTests.NoNeeds(), false), Person(), [link]);
        Assert.Equal(new SupportLinePlan(Need.Wellbeing, NeedLevel.None, SupportTier.Community, "LINK", false,
            "No specific need found: a conversation with a link worker, in the community. Link workers (LINK) has 10 of 10 places free (serves everywhere)."), Assert.Single(decision.Lines));
    }

    [Theory]
    [InlineData(false, NeedLevel.Light, "weight-light")]
    [InlineData(true, NeedLevel.Specialist, "weight-specialist")]
    public void The_lower_bmi_threshold_applies_when_it_is_the_persons(bool lower, NeedLevel level, string ruleId)
    {
        var answers = HolisticAssessmentTests.NoNeeds();
        answers["weight-kg"] = AssessmentValue.Of(79.5m);
        answers["height-cm"] = AssessmentValue.Of(170m);
        var line = Assert.Single(Decide(HolisticAssessment.Score(answers, false), Person(lowerBmi: lower), Everything).Lines);
        Assert.Equal(level, line.Level);
        Assert.Contains($"Rule {ruleId}:", line.Why, StringComparison.Ordinal);
        Assert.Equal(lower, line.Why.Contains("the lower threshold NICE advises", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_inputs_give_the_same_decision()
    {
        var assessment = Found((Need.Weight, NeedLevel.Specialist), (Need.Loneliness, NeedLevel.Light), (Need.Debt, NeedLevel.Light));
        var open = new Dictionary<string, int> { ["P-weight"] = 10 };
        var first = Decide(assessment, Person(), Everything, open);
        var second = Decide(assessment, Person(), Everything, open);
        Assert.Equal(first.Lines, second.Lines);
        Assert.Equal(first.Why, second.Why);
    }
}
