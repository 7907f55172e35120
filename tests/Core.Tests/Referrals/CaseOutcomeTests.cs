using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>
/// An outcome at completion: the baseline read from the assessment's answers, the changes worked out from it (weight in kg
/// and %, the 5 % loss at its boundary, BMI before and after, each ONS4 rating's change), and every field checked at once
/// with a message naming the field — the ranges, all four ONS4 ratings or none, weight only for a weight line and quit
/// status only for a smoking line.
/// </summary>
public sealed class CaseOutcomeTests
{
    private static readonly OutcomeBaseline Start = new(Ons4.Scores(4, 5, 5, 7), 100m, 170m);

    [Theory]
    [InlineData("95", -5.0, -5.0, true)]
    [InlineData("95.1", -4.9, -4.9, false)]
    [InlineData("90", -10.0, -10.0, true)]
    [InlineData("100", 0.0, 0.0, false)]
    [InlineData("103.4", 3.4, 3.4, false)]
    public void The_weight_change_is_worked_out_from_the_starting_weight(string after, double kg, double percent, bool lostFive)
    {
        var outcome = new CaseOutcome("done", GoalsMet.Met, WeightAfterKg: decimal.Parse(after, System.Globalization.CultureInfo.InvariantCulture)) { Baseline = Start };

        Assert.Equal((decimal)kg, outcome.WeightChangeKg);
        Assert.Equal((decimal)percent, outcome.WeightChangePercent);
        Assert.Equal(lostFive, outcome.LostFivePercent);
    }

    [Fact]
    public void BMI_before_and_after_use_the_height_at_the_start_and_the_ONS4_changes_are_end_less_start()
    {
        var outcome = new CaseOutcome("done", GoalsMet.Partly, Ons4.Scores(7, 6, 8, 3), 92.5m) { Baseline = Start };

        Assert.Equal(34.6m, outcome.BmiBefore);
        Assert.Equal(32.0m, outcome.BmiAfter);
        Assert.Equal(new Ons4Change(3, 1, 3, -4), outcome.Ons4Change);
        Assert.Equal("done; goals partly met; weight 92.5 kg (−7.5 kg, −7.5 %); life satisfaction +3", outcome.Words());
    }

    [Fact]
    public void Without_a_baseline_nothing_is_worked_out()
    {
        var outcome = new CaseOutcome("done", GoalsMet.Met, Ons4.Scores(7, 6, 8, 3), 92.5m);

        Assert.Equal((null, null, null, null, null, null), (outcome.WeightChangeKg, outcome.WeightChangePercent, outcome.LostFivePercent, outcome.BmiBefore, outcome.BmiAfter, outcome.Ons4Change));
        Assert.Equal("done; goals met; weight 92.5 kg; life satisfaction 7 of 10", outcome.Words());
    }

    [Fact]
    public void A_summary_s_own_full_stop_does_not_stand_before_the_semicolon()
    {
        var outcome = new CaseOutcome(" Quit at four weeks; joined the walking group. ", GoalsMet.Met, null, null) { Quit = QuitStatus.QuitCoVerified };

        Assert.Equal("Quit at four weeks; joined the walking group; goals met; at four weeks quit, confirmed by a carbon monoxide reading", outcome.Words());
    }

    [Fact]
    public void The_baseline_is_read_from_the_assessment_answers()
    {
        var answers = new Dictionary<string, AssessmentValue>
        {
            [Ons4.LifeSatisfactionLinkId] = AssessmentValue.Of(3),
            [Ons4.WorthwhileLinkId] = AssessmentValue.Of(4),
            [Ons4.HappyLinkId] = AssessmentValue.Of(5),
            [Ons4.AnxiousLinkId] = AssessmentValue.Of(8),
            ["weight-kg"] = AssessmentValue.Of(96),
            ["height-cm"] = AssessmentValue.Of(170.5m),
        };

        Assert.Equal(new OutcomeBaseline(Ons4.Scores(3, 4, 5, 8), 96m, 170.5m), OutcomeBaseline.From(answers));
        answers.Remove(Ons4.AnxiousLinkId);
        Assert.Equal(new OutcomeBaseline(null, 96m, 170.5m), OutcomeBaseline.From(answers));
        Assert.Equal(OutcomeBaseline.None, OutcomeBaseline.From(new Dictionary<string, AssessmentValue>()));
    }

    public static TheoryData<string, OutcomeLines, string, string> Bad => new()
    {
        // field=value pairs (';' between), the case's lines, the field named, words its message holds
        { "summary=", OutcomeLines.None, "summary", "Say in a few words" },
        { $"summary={new string('x', 1001)}", OutcomeLines.None, "summary", "1,000 characters or fewer" },
        { "goals=", OutcomeLines.None, "goals", "Say whether the goals were met" },
        { "goals=mostly", OutcomeLines.None, "goals", "met, partly, not-met" },
        { "ons4-life-satisfaction=11", OutcomeLines.None, "ons4-life-satisfaction", "Life satisfaction must be a whole number from 0 to 10" },
        { "ons4-worthwhile=-1", OutcomeLines.None, "ons4-worthwhile", "Worthwhile must be a whole number from 0 to 10" },
        { "ons4-happy=6.5", OutcomeLines.None, "ons4-happy", "whole number from 0 to 10" },
        { "ons4-anxious=", OutcomeLines.None, "ons4-anxious", "or leave all four ratings empty" },
        { "weight-kg=", OutcomeLines.Weight, "weight-kg", "Enter the weight at the end of support" },
        { "weight-kg=24.9", OutcomeLines.Weight, "weight-kg", "between 25 kg and 350 kg" },
        { "weight-kg=350.1", OutcomeLines.Weight, "weight-kg", "between 25 kg and 350 kg" },
        { "weight-kg=ninety", OutcomeLines.Weight, "weight-kg", "a number of kg" },
        { "weight-kg=90.25", OutcomeLines.Weight, "weight-kg", "one decimal place" },
        { "weight-kg=90", OutcomeLines.Smoking, "weight-kg", "only for a case with a weight support line" },
        { "quit-status=", OutcomeLines.Smoking, "quit-status", "Choose the smoking status" },
        { "quit-status=stopped", OutcomeLines.Smoking, "quit-status", "quit-co-verified, quit-self-reported, not-quit, lost-to-follow-up or no-quit-date" },
        { "quit-status=not-quit", OutcomeLines.Weight, "quit-status", "only for a case with a smoking support line" },
        { "quit-status=no-quit-date", OutcomeLines.None, "quit-status", "only for a case with a smoking support line" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Each_bad_field_is_named_with_a_clear_message_and_nothing_is_made(string change, OutcomeLines lines, string field, string words)
    {
        var fields = Good(lines);
        foreach (var pair in change.Split(';'))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            fields[pair[..at]] = pair[(at + 1)..];
        }

        if (fields.Keys.Any(k => k.StartsWith("ons4-", StringComparison.Ordinal) && k != "ons4-anxious") || change.StartsWith("ons4-anxious", StringComparison.Ordinal))
        {
            foreach (var linkId in Ons4.LinkIds) fields.TryAdd(linkId, "5");
        }

        var problems = OutcomeFields.Read(fields.GetValueOrDefault, lines, out var outcome);

        Assert.Null(outcome);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, OutcomeLines, string> Good_outcomes => new()
    {
        { "", OutcomeLines.None, "goals met; no ONS4; no weight; no quit" },
        { "ons4-life-satisfaction=7;ons4-worthwhile=8;ons4-happy=6;ons4-anxious=2", OutcomeLines.None, "ONS4 7 8 6 2" },
        { "weight-kg=84.5", OutcomeLines.Weight, "weight 84.5" },
        { "quit-status=QUIT-CO-VERIFIED", OutcomeLines.Smoking, "quit QuitCoVerified" },
        { "quit-status=no-quit-date", OutcomeLines.Smoking, "no quit date" },
        { "quit-status=lost-to-follow-up;weight-kg=25", OutcomeLines.Smoking | OutcomeLines.Weight, "weight 25; quit LostToFollowUp" },
    };

    [Theory]
    [MemberData(nameof(Good_outcomes))]
    public void A_good_outcome_is_read_with_only_the_fields_its_lines_call_for(string change, OutcomeLines lines, string expected)
    {
        var fields = Good(lines);
        fields.Remove("weight-kg");
        fields.Remove("quit-status");
        foreach (var pair in change.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            fields[pair[..at]] = pair[(at + 1)..];
        }

        var problems = OutcomeFields.Read(fields.GetValueOrDefault, lines, out var outcome);

        Assert.Empty(problems);
        Assert.NotNull(outcome);
        var parts = new List<string>();
        if (outcome.Ons4After is { } o) parts.Add($"ONS4 {o.LifeSatisfaction} {o.Worthwhile} {o.Happiness} {o.Anxiety}");
        if (outcome.WeightAfterKg is { } w) parts.Add($"weight {w}");
        if (outcome.Quit is { } q) parts.Add($"quit {q}");
        if (parts.Count == 0) parts.Add(lines.HasFlag(OutcomeLines.Smoking) ? "no quit date" : "goals met; no ONS4; no weight; no quit");
        Assert.Equal(expected, string.Join("; ", parts));
        Assert.Equal("Finished the programme", outcome.Summary);
    }

    [Fact]
    public void Every_problem_is_given_at_once_in_the_form_s_order()
    {
        var fields = new Dictionary<string, string> { ["ons4-happy"] = "12", ["weight-kg"] = "500" };

        var problems = OutcomeFields.Read(fields.GetValueOrDefault, OutcomeLines.Weight | OutcomeLines.Smoking, out _);

        Assert.Equal(["summary", "goals", "ons4-life-satisfaction", "ons4-worthwhile", "ons4-happy", "ons4-anxious", "weight-kg", "quit-status"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_typed_outcome_out_of_range_is_refused_by_its_own_check()
    {
        var outcome = new CaseOutcome("ok", GoalsMet.Met, new Ons4Scores(11, 5, 5, -1), 20m, QuitStatus.NotQuit);

        Assert.Equal(["ons4-life-satisfaction", "ons4-anxious", "weight-kg", "quit-status"], outcome.Problems(OutcomeLines.Weight).Select(p => p.Field));
    }

    private static Dictionary<string, string> Good(OutcomeLines lines)
    {
        var fields = new Dictionary<string, string> { ["summary"] = "Finished the programme", ["goals"] = "met" };
        if (lines.HasFlag(OutcomeLines.Weight)) fields["weight-kg"] = "90";
        if (lines.HasFlag(OutcomeLines.Smoking)) fields["quit-status"] = "not-quit";
        return fields;
    }
}
