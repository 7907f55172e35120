using System.Globalization;
using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>The holistic assessment's questions (stable linkIds), its checks (every problem with its linkId) and its scoring to needs.</summary>
public sealed class HolisticAssessmentTests
{
    /// <summary>A complete set of answers that shows no need; tests change one answer at a time.</summary>
    internal static Dictionary<string, AssessmentValue> NoNeeds() => new(StringComparer.Ordinal)
    {
        ["smoking"] = AssessmentValue.OfCode("never"),
        ["activity-days"] = AssessmentValue.Of(5),
        ["alcohol-units"] = AssessmentValue.Of(0),
        ["money"] = AssessmentValue.OfCode("managing"),
        ["debt"] = AssessmentValue.OfCode("none"),
        ["employment"] = AssessmentValue.OfCode("working"),
        ["housing"] = AssessmentValue.OfCode("settled"),
        ["loneliness"] = AssessmentValue.OfCode("hardly-ever"),
        ["caring"] = AssessmentValue.Of(false),
        ["long-term-conditions"] = AssessmentValue.OfCode("none"),
        ["frailty"] = AssessmentValue.OfCode("none"),
        ["home-environment"] = AssessmentValue.OfCode("fine"),
        ["ons4-life-satisfaction"] = AssessmentValue.Of(7),
        ["ons4-worthwhile"] = AssessmentValue.Of(8),
        ["ons4-happy"] = AssessmentValue.Of(7),
        ["ons4-anxious"] = AssessmentValue.Of(2),
    };

    /// <summary>A value written in a table: "b:true", "i:5", "d:96.5", or an option code.</summary>
    internal static AssessmentValue V(string text) => text[..Math.Min(2, text.Length)] switch
    {
        "b:" => AssessmentValue.Of(bool.Parse(text[2..])),
        "i:" => AssessmentValue.Of(int.Parse(text[2..], CultureInfo.InvariantCulture)),
        "d:" => AssessmentValue.Of(decimal.Parse(text[2..], CultureInfo.InvariantCulture)),
        _ => AssessmentValue.OfCode(text),
    };

    private static readonly string[] StableLinkIds =
    [
        "smoking", "weight-kg", "height-cm", "activity-days", "alcohol-units",
        "money", "debt", "employment", "housing", "loneliness", "caring",
        "long-term-conditions", "frailty",
        "home-environment",
        "ons4-life-satisfaction", "ons4-worthwhile", "ons4-happy", "ons4-anxious",
    ];

    private static readonly string[] SwemwbsLinkIds = ["swemwbs-1", "swemwbs-2", "swemwbs-3", "swemwbs-4", "swemwbs-5", "swemwbs-6", "swemwbs-7"];

    [Fact]
    public void The_linkIds_are_stable_unique_and_lower_kebab()
    {
        var without = HolisticAssessment.Sections(false).SelectMany(s => s.Items).Select(i => i.LinkId).ToList();
        var with = HolisticAssessment.Sections(true).SelectMany(s => s.Items).Select(i => i.LinkId).ToList();
        Assert.Equal(StableLinkIds, without);
        Assert.Equal([.. StableLinkIds, .. SwemwbsLinkIds], with);
        Assert.Equal(with.Count, with.Distinct().Count());
        Assert.All(with, l => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", l));
        Assert.Equal("https://commonweal.example/fhir/Questionnaire/holistic-assessment", HolisticAssessment.Url);
        Assert.Equal("1", HolisticAssessment.Version);
    }

    [Fact]
    public void The_sections_follow_the_county_health_rankings_groups_then_wellbeing()
    {
        Assert.Equal(
            [AssessmentGroup.Behaviours, AssessmentGroup.SocioEconomic, AssessmentGroup.ClinicalCare, AssessmentGroup.Environment, AssessmentGroup.Wellbeing],
            HolisticAssessment.Sections(false).Select(s => s.Group));
        foreach (var item in HolisticAssessment.Sections(true).SelectMany(s => s.Items))
        {
            Assert.NotNull(item.Need);
            Assert.Equal(item.Kind == AnswerKind.Choice, item.Options.Count > 0);
            Assert.Equal(item.Options.Count, item.Options.Select(o => o.Code).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("smoking", "never,ex,yes-want-to-quit,yes-not-now")]
    [InlineData("money", "managing,just-about,struggling")]
    [InlineData("debt", "none,worried,behind-on-bills")]
    [InlineData("employment", "working,not-looking,looking,health-stops-me")]
    [InlineData("housing", "settled,worried,at-risk,homeless")]
    [InlineData("loneliness", "often-always,some-of-the-time,occasionally,hardly-ever,never")]
    [InlineData("long-term-conditions", "none,one-coping,several,struggling")]
    [InlineData("frailty", "need-help,fallen,slowing-down,none")]
    [InlineData("home-environment", "fine,cold-or-damp,unsafe")]
    [InlineData("swemwbs-4", "none-of-the-time,rarely,some-of-the-time,often,all-of-the-time")]
    public void Option_codes_are_stable(string linkId, string codes)
    {
        var item = HolisticAssessment.Sections(true).SelectMany(s => s.Items).Single(i => i.LinkId == linkId);
        Assert.Equal(codes, string.Join(',', item.Options.Select(o => o.Code)));
    }

    [Fact]
    public void Ons4_keeps_the_national_wording_and_swemwbs_wording_appears_only_when_licensed()
    {
        var items = HolisticAssessment.Sections(false).SelectMany(s => s.Items).ToDictionary(i => i.LinkId);
        Assert.Equal("Overall, how satisfied are you with your life nowadays?", items["ons4-life-satisfaction"].Text);
        Assert.Equal("Overall, to what extent do you feel that the things you do in your life are worthwhile?", items["ons4-worthwhile"].Text);
        Assert.Equal("Overall, how happy did you feel yesterday?", items["ons4-happy"].Text);
        Assert.Equal("On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?", items["ons4-anxious"].Text);
        Assert.All(Ons4.LinkIds, l => Assert.Equal((AnswerKind.Integer, 0, 10), (items[l].Kind, items[l].Min!.Value, items[l].Max!.Value)));
        Assert.DoesNotContain(HolisticAssessment.Sections(false).SelectMany(s => s.Items), i => i.Text.Contains("optimistic", StringComparison.Ordinal));

        var swemwbs = HolisticAssessment.Sections(true)[^1].Items;
        Assert.Equal("I've been feeling optimistic about the future", swemwbs[0].Text);
        Assert.Equal("I've been able to make up my own mind about things", swemwbs[6].Text);
        Assert.All(swemwbs, i => Assert.Equal([1, 2, 3, 4, 5], i.Options.Select(o => o.Ordinal!.Value)));
    }

    [Fact]
    public void Complete_answers_with_no_need_pass_the_check()
    {
        Assert.Empty(HolisticAssessment.Check(NoNeeds(), false).Problems);
        var noWellbeing = NoNeeds();
        foreach (var l in Ons4.LinkIds) noWellbeing.Remove(l);
        noWellbeing["weight-kg"] = AssessmentValue.Of(96); // a whole number is taken for a decimal question
        Assert.True(HolisticAssessment.Check(noWellbeing, false).IsValid);
    }

    [Theory]
    [InlineData("shoe-size", "i:9", "shoe-size", "this is not a question in the holistic assessment")]
    [InlineData("swemwbs-1", "often", "swemwbs-1", "SWEMWBS is not switched on for this assessment")]
    [InlineData("smoking", "b:true", "smoking", "the answer should be one of the answers offered, not yes or no (yes)")]
    [InlineData("caring", "yes", "caring", "the answer should be yes or no, not one of the answers offered (yes)")]
    [InlineData("activity-days", "d:2.5", "activity-days", "the answer should be a whole number, not a number (2.5)")]
    [InlineData("weight-kg", "heavy", "weight-kg", "the answer should be a number")]
    [InlineData("activity-days", "i:8", "activity-days", "8 is outside 0 to 7")]
    [InlineData("ons4-anxious", "i:11", "ons4-anxious", "11 is outside 0 to 10")]
    [InlineData("height-cm", "d:1.7", "height-cm", "1.7 is outside 100 to 250")]
    [InlineData("alcohol-units", "i:-1", "alcohol-units", "-1 is outside 0 to 300")]
    [InlineData("smoking", "sometimes", "smoking", "'sometimes' is not one of the answers; the answers are never, ex, yes-want-to-quit, yes-not-now")]
    [InlineData("debt", "DEBT", "debt", "'DEBT' is not one of the answers")]
    public void Check_names_each_problem_with_its_linkId(string linkId, string value, string problemLinkId, string message)
    {
        var answers = NoNeeds();
        answers[linkId] = V(value);
        var problem = Assert.Single(HolisticAssessment.Check(answers, false).Problems);
        Assert.Equal(problemLinkId, problem.LinkId);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smoking")]
    [InlineData("activity-days")]
    [InlineData("alcohol-units")]
    [InlineData("caring")]
    [InlineData("home-environment")]
    public void A_required_question_left_out_is_a_problem(string linkId)
    {
        var answers = NoNeeds();
        answers.Remove(linkId);
        var problem = Assert.Single(HolisticAssessment.Check(answers, false).Problems);
        Assert.Equal(new AssessmentProblem(linkId, "this question needs an answer"), problem);
    }

    [Fact]
    public void Ons4_is_answered_all_four_or_none()
    {
        var answers = NoNeeds();
        answers.Remove("ons4-happy");
        answers.Remove("ons4-anxious");
        var problems = HolisticAssessment.Check(answers, false).Problems;
        Assert.Equal(["ons4-happy", "ons4-anxious"], problems.Select(p => p.LinkId));
        Assert.All(problems, p => Assert.Equal("ONS4 is scored from all 4 answers and 2 were given: answer this one too, or leave all 4 out", p.Message));
    }

    [Fact]
    public void Every_problem_is_returned_at_once()
    {
        var answers = NoNeeds();
        answers.Remove("money");
        answers["smoking"] = V("maybe");
        answers["alcohol-units"] = V("i:400");
        answers["zzz"] = V("i:1");
        Assert.Equal(["zzz", "smoking", "alcohol-units", "money"], HolisticAssessment.Check(answers, false).Problems.Select(p => p.LinkId));
    }

    [Fact]
    public void No_answers_show_no_need()
    {
        var result = HolisticAssessment.Score(NoNeeds(), false);
        Assert.Empty(result.Findings);
        Assert.Equal(new Ons4Scores(7, 8, 7, 2), result.Ons4);
        Assert.Null(result.Bmi);
        Assert.Null(result.SwemwbsMetric);
    }

    [Theory]
    [InlineData("smoking", "yes-want-to-quit", Need.Smoking, NeedLevel.Specialist, "Smoking: 'Yes, and I would like to stop' — smokes and wants to stop: the NHS stop smoking service (NICE NG209).")]
    [InlineData("smoking", "yes-not-now", Need.Smoking, NeedLevel.Light, "Smoking: 'Yes, but I do not want to stop now' — smokes but is not ready to stop: a conversation now, help to stop when ready.")]
    [InlineData("smoking", "ex", Need.Smoking, NeedLevel.None, null)]
    [InlineData("activity-days", "i:4", Need.PhysicalActivity, NeedLevel.Light, "Physical activity: active for 30 minutes or more on 4 days in the last week — fewer than 5, so under the 150 minutes a week of the UK Chief Medical Officers' guidelines.")]
    [InlineData("activity-days", "i:1", Need.PhysicalActivity, NeedLevel.Light, "Physical activity: active for 30 minutes or more on 1 day in the last week — fewer than 5, so under the 150 minutes a week of the UK Chief Medical Officers' guidelines.")]
    [InlineData("activity-days", "i:5", Need.PhysicalActivity, NeedLevel.None, null)]
    [InlineData("alcohol-units", "i:14", Need.Alcohol, NeedLevel.None, null)]
    [InlineData("alcohol-units", "i:15", Need.Alcohol, NeedLevel.Light, "Alcohol: 15 units in a usual week — more than the 14 units of the UK Chief Medical Officers' low-risk guideline.")]
    [InlineData("alcohol-units", "i:35", Need.Alcohol, NeedLevel.Light, "Alcohol: 35 units in a usual week — more than the 14 units of the UK Chief Medical Officers' low-risk guideline.")]
    [InlineData("alcohol-units", "i:36", Need.Alcohol, NeedLevel.Specialist, "Alcohol: 36 units in a usual week — more than 35, drinking at higher risk.")]
    [InlineData("money", "just-about", Need.Money, NeedLevel.None, null)]
    [InlineData("money", "struggling", Need.Money, NeedLevel.Light, "Money: 'I find it hard to pay for food, heating or bills' — struggling with money: a benefits check and cost-of-living help.")]
    [InlineData("debt", "worried", Need.Debt, NeedLevel.Light, "Debt: 'I am worried about money I owe' — worried about debt: money guidance before it becomes arrears.")]
    [InlineData("debt", "behind-on-bills", Need.Debt, NeedLevel.Specialist, "Debt: 'I am behind on bills, rent or other payments' — behind on bills: debt advice.")]
    [InlineData("employment", "not-looking", Need.Employment, NeedLevel.None, null)]
    [InlineData("employment", "looking", Need.Employment, NeedLevel.Light, "Work: 'I am looking for work' — looking for work: a job club or employment adviser.")]
    [InlineData("employment", "health-stops-me", Need.Employment, NeedLevel.Specialist, "Work: 'I am out of work because of my health and want help to get back' — out of work because of health: specialist employment support.")]
    [InlineData("housing", "worried", Need.Housing, NeedLevel.Light, "Housing: 'I am worried about keeping my home' — worried about keeping a home: housing advice.")]
    [InlineData("housing", "at-risk", Need.Housing, NeedLevel.Specialist, "Housing: 'I may have to leave my home soon (for example I have been told to leave)' — at risk of losing a home: housing options and homelessness prevention.")]
    [InlineData("housing", "homeless", Need.Housing, NeedLevel.Specialist, "Housing: 'I do not have a home of my own (for example I stay on a friend's sofa, in a hostel or outside)' — homeless: housing options and homelessness relief.")]
    [InlineData("loneliness", "often-always", Need.Loneliness, NeedLevel.Light, "Loneliness: 'Often or always' — lonely often or always (ONS national measure): befriending or a community group.")]
    [InlineData("loneliness", "some-of-the-time", Need.Loneliness, NeedLevel.None, null)]
    [InlineData("caring", "b:true", Need.Caring, NeedLevel.Light, "Caring for someone: 'Yes', looks after someone who is ill, disabled or old — carers' support and a carer's assessment.")]
    [InlineData("long-term-conditions", "one-coping", Need.LongTermConditions, NeedLevel.None, null)]
    [InlineData("long-term-conditions", "several", Need.LongTermConditions, NeedLevel.Specialist, "Long-term conditions: 'Yes, two or more' — two or more long-term conditions: a professional review and self-management support.")]
    [InlineData("long-term-conditions", "struggling", Need.LongTermConditions, NeedLevel.Specialist, "Long-term conditions: 'Yes, and I find it hard to manage' — a long-term condition that is hard to manage: a professional review.")]
    [InlineData("frailty", "slowing-down", Need.Frailty, NeedLevel.Light, "Frailty: 'Walking or stairs are getting harder for me' — walking or stairs getting harder: strength and balance activity.")]
    [InlineData("frailty", "fallen", Need.Frailty, NeedLevel.Specialist, "Frailty: 'I have had a fall in the last 12 months' — a fall in the last year: a falls and frailty service.")]
    [InlineData("frailty", "need-help", Need.Frailty, NeedLevel.Specialist, "Frailty: 'I need help with everyday things like washing, dressing or shopping' — needs help with daily tasks: a falls and frailty service.")]
    [InlineData("home-environment", "cold-or-damp", Need.Environment, NeedLevel.Light, "Home environment: 'It is hard to keep warm, or it is damp or mouldy' — a cold or damp home: energy advice and warm-home grants.")]
    [InlineData("home-environment", "unsafe", Need.Environment, NeedLevel.Specialist, "Home environment: 'No, it is unsafe or it is making me ill' — a home that is unsafe or making someone ill: the council's housing standards team.")]
    public void Each_answer_scores_its_need_quoting_it(string linkId, string value, Need need, NeedLevel level, string? why)
    {
        var answers = NoNeeds();
        answers[linkId] = V(value);
        var result = HolisticAssessment.Score(answers, false);
        Assert.Equal(level, result.Level(need));
        if (why is null) Assert.Empty(result.Findings);
        else Assert.Equal(new NeedFinding(need, level, why), Assert.Single(result.Findings));
    }

    [Theory]
    // 96 / 1.70² = 33.218… → 33.2
    [InlineData("96", "170", false, "33.2", NeedLevel.Specialist, "Weight: BMI 33.2 (weight 96 kg, height 170 cm): 30 or more (obesity).")]
    [InlineData("86.7", "170", false, "30.0", NeedLevel.Specialist, "Weight: BMI 30.0 (weight 86.7 kg, height 170 cm): 30 or more (obesity).")]
    // 86.56 / 2.89 = 29.951… → 30.0: the rounded figure shown is the one compared
    [InlineData("86.56", "170", false, "30.0", NeedLevel.Specialist, "Weight: BMI 30.0 (weight 86.56 kg, height 170 cm): 30 or more (obesity).")]
    [InlineData("86.4", "170", false, "29.9", NeedLevel.Light, "Weight: BMI 29.9 (weight 86.4 kg, height 170 cm): 25 to under 30 (overweight).")]
    [InlineData("72.25", "170", false, "25.0", NeedLevel.Light, "Weight: BMI 25.0 (weight 72.25 kg, height 170 cm): 25 to under 30 (overweight).")]
    [InlineData("72", "170", false, "24.9", NeedLevel.None, null)]
    [InlineData("79.5", "170", false, "27.5", NeedLevel.Light, "Weight: BMI 27.5 (weight 79.5 kg, height 170 cm): 25 to under 30 (overweight).")]
    [InlineData("79.5", "170", true, "27.5", NeedLevel.Specialist, "Weight: BMI 27.5 (weight 79.5 kg, height 170 cm): 27.5 or more (obesity, the lower threshold NICE advises for this person's family background).")]
    [InlineData("79.2", "170", true, "27.4", NeedLevel.Light, "Weight: BMI 27.4 (weight 79.2 kg, height 170 cm): 23 to under 27.5 (overweight, the lower threshold NICE advises for this person's family background).")]
    [InlineData("66.5", "170", true, "23.0", NeedLevel.Light, "Weight: BMI 23.0 (weight 66.5 kg, height 170 cm): 23 to under 27.5 (overweight, the lower threshold NICE advises for this person's family background).")]
    [InlineData("66.3", "170", true, "22.9", NeedLevel.None, null)]
    [InlineData("66.5", "170", false, "23.0", NeedLevel.None, null)]
    public void Bmi_is_worked_out_and_compared_with_the_nice_thresholds(string kg, string cm, bool lower, string bmi, NeedLevel level, string? why)
    {
        var answers = NoNeeds();
        answers["weight-kg"] = AssessmentValue.Of(decimal.Parse(kg, CultureInfo.InvariantCulture));
        answers["height-cm"] = AssessmentValue.Of(decimal.Parse(cm, CultureInfo.InvariantCulture));
        var result = HolisticAssessment.Score(answers, false, lower);
        Assert.Equal(decimal.Parse(bmi, CultureInfo.InvariantCulture), result.Bmi!.Value.Value);
        Assert.Equal(level, result.Level(Need.Weight));
        Assert.Equal(why, result.Findings.SingleOrDefault()?.Why);
    }

    [Fact]
    public void Weight_without_height_gives_no_bmi()
    {
        var answers = NoNeeds();
        answers["weight-kg"] = AssessmentValue.Of(130m);
        var result = HolisticAssessment.Score(answers, false);
        Assert.Null(result.Bmi);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Several_needs_are_listed_in_need_order_and_wellbeing_comes_from_ons4()
    {
        var answers = NoNeeds();
        answers["loneliness"] = V("often-always");
        answers["smoking"] = V("yes-want-to-quit");
        answers["debt"] = V("behind-on-bills");
        answers["ons4-life-satisfaction"] = V("i:2");
        answers["ons4-anxious"] = V("i:9");
        var result = HolisticAssessment.Score(answers, false);
        Assert.Equal([Need.Smoking, Need.Debt, Need.Loneliness, Need.Wellbeing], result.Findings.Select(f => f.Need));
        Assert.Equal(NeedLevel.Specialist, result.Level(Need.Wellbeing));
    }

    [Fact]
    public void Scoring_answers_that_fail_the_check_is_a_bug()
    {
        var answers = NoNeeds();
        answers["smoking"] = V("maybe");
        var e = Assert.Throws<ArgumentException>(() => HolisticAssessment.Score(answers, false));
        Assert.Contains("smoking: 'maybe' is not one of the answers", e.Message, StringComparison.Ordinal);
    }
}
