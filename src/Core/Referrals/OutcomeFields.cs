using System.Globalization;

namespace Commonweal.Core.Referrals;

/// <summary>
/// An outcome as typed into a form or sent as text: every field read and checked at once, each problem naming its field
/// (the ONS4 fields are named by the assessment's linkIds, the weight by the assessment's "weight-kg"), so a form can put
/// each message beside its field and keep what was typed.
/// </summary>
public static class OutcomeFields
{
    public const string Summary = "summary";
    public const string Goals = "goals";
    public const string Weight = "weight-kg";
    public const string Quit = "quit-status";

    /// <summary>The quit field's answer for a person who set no quit date (not counted in the quit rate).</summary>
    public const string NoQuitDate = "no-quit-date";

    private static readonly string[] Ons4Labels = ["Life satisfaction", "Worthwhile", "Happiness yesterday", "Anxiety yesterday"];

    /// <summary>The ONS4 rating's short name, by its position in <see cref="Ons4.LinkIds"/>.</summary>
    public static string Ons4Label(int index) => Ons4Labels[index];

    /// <summary>
    /// Reads the fields (<paramref name="field"/> gives a field's text by name, null or empty when not given) for a case with
    /// these lines: the outcome when every field is right (its baseline still to be added), else every problem.
    /// </summary>
    public static IReadOnlyList<OutcomeProblem> Read(Func<string, string?> field, OutcomeLines lines, out CaseOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(field);
        outcome = null;
        var problems = new List<OutcomeProblem>();
        string Text(string name) => field(name)?.Trim() ?? "";

        var summary = Text(Summary);
        GoalsMet goals = default;
        if (Text(Goals) is var goalsText && goalsText.Length == 0) problems.Add(new(Goals, "Say whether the goals were met"));
        else if (!GoalsMetCodes.TryParse(goalsText, out goals)) problems.Add(new(Goals, $"Say whether the goals were met ({GoalsMetCodes.CodeList})"));

        var ratings = Ons4.LinkIds.Select(Text).ToArray();
        var values = new int?[4];
        Ons4Scores? ons4 = null;
        if (ratings.Any(r => r.Length > 0))
        {
            for (var k = 0; k < 4; k++)
            {
                if (ratings[k].Length == 0) problems.Add(new(Ons4.LinkIds[k], $"Enter {Ons4Labels[k].ToLowerInvariant()} from 0 to 10, or leave all four ratings empty if the person did not want to answer"));
                else if (!int.TryParse(ratings[k], NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r > 10)
                    problems.Add(new(Ons4.LinkIds[k], $"{Ons4Labels[k]} must be a whole number from 0 to 10"));
                else values[k] = r;
            }

            if (values.All(v => v is not null)) ons4 = new Ons4Scores(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value);
        }

        decimal? weight = null;
        var weightText = Text(Weight);
        if (weightText.Length > 0)
        {
            if (!decimal.TryParse(weightText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kg))
                problems.Add(new(Weight, "Weight must be a number of kg, like 84.5"));
            else if (decimal.Round(kg, 1) != kg)
                problems.Add(new(Weight, "Weight must be in kg to one decimal place at most, like 84.5"));
            else weight = kg;
        }

        QuitStatus? quit = null;
        var quitText = Text(Quit);
        var quitKnown = false;
        if (quitText.Length == 0)
        {
            if (lines.HasFlag(OutcomeLines.Smoking)) problems.Add(new(Quit, "Choose the smoking status four weeks after the quit date, or that no quit date was set"));
        }
        else if (string.Equals(quitText, NoQuitDate, StringComparison.OrdinalIgnoreCase))
        {
            if (!lines.HasFlag(OutcomeLines.Smoking)) problems.Add(new(Quit, "A quit status is recorded only for a case with a smoking support line"));
        }
        else if (QuitStatuses.TryParse(quitText, out var status))
        {
            quit = status;
            quitKnown = true;
        }
        else
        {
            problems.Add(new(Quit, $"Choose the smoking status four weeks after the quit date ({QuitStatuses.CodeList} or {NoQuitDate})"));
        }

        // The typed outcome's own checks (summary, ranges, which lines), without repeating a field already found wrong.
        var draft = new CaseOutcome(summary, goals, ons4, weight, quitKnown ? quit : null);
        foreach (var problem in draft.Problems(lines))
        {
            if (problems.Any(p => p.Field == problem.Field)) continue;
            if (problem.Field == Weight && weightText.Length > 0 && weight is null) continue;
            problems.Add(problem);
        }

        if (problems.Count == 0) outcome = draft;
        return [.. problems.OrderBy(p => Order(p.Field))];
    }

    /// <summary>The fields in the order the form asks them, for the error summary.</summary>
    public static IReadOnlyList<string> All { get; } = [Summary, Goals, .. Ons4.LinkIds, Weight, Quit];

    private static int Order(string field) => All.ToList().IndexOf(field) is var i and >= 0 ? i : All.Count;
}
