namespace Commonweal.Core.Referrals;

/// <summary>What is wrong with one answer (or a missing one), in words the resident or a coordinator can act on.</summary>
public sealed record AssessmentProblem(string LinkId, string Message)
{
    public override string ToString() => $"{LinkId}: {Message}";
}

/// <summary>Every problem with a set of answers; none means they can be scored.</summary>
public sealed record AssessmentCheck(IReadOnlyList<AssessmentProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Checks answers against the questionnaire: each problem once, with its linkId — an answer to no question, an answer of
    /// the wrong kind, a number out of range, a code that is not an option, a required question unanswered, and a scale
    /// (ONS4, SWEMWBS) partly answered, since a scale is scored from all its items or not at all.
    /// </summary>
    internal static AssessmentCheck Of(IReadOnlyDictionary<string, AssessmentValue> answers, bool includeSwemwbs)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<AssessmentProblem>();
        foreach (var linkId in answers.Keys.Where(k => AssessmentQuestions.Find(k, includeSwemwbs) is null).Order(StringComparer.Ordinal))
        {
            problems.Add(new(linkId, AssessmentQuestions.IsSwemwbs(linkId) && AssessmentQuestions.Find(linkId, true) is not null
                ? "SWEMWBS is not switched on for this assessment (an ICS needs its licence), so it cannot be answered"
                : "this is not a question in the holistic assessment"));
        }

        foreach (var item in AssessmentQuestions.Items(includeSwemwbs))
        {
            if (answers.TryGetValue(item.LinkId, out var value))
            {
                if (Problem(item, value) is { } message) problems.Add(new(item.LinkId, message));
            }
            else if (item.Required)
            {
                problems.Add(new(item.LinkId, "this question needs an answer"));
            }
        }

        AllOrNone("ONS4", Ons4.LinkIds, answers, problems);
        if (includeSwemwbs) AllOrNone("SWEMWBS", [.. Enumerable.Range(1, Swemwbs.Items).Select(Swemwbs.LinkId)], answers, problems);
        return new(problems);
    }

    private static string? Problem(AssessmentItem item, AssessmentValue value)
    {
        var fits = value.Kind == item.Kind || (item.Kind == AnswerKind.Decimal && value.Kind == AnswerKind.Integer);
        if (!fits) return $"the answer should be {Words(item.Kind)}, not {Words(value.Kind)} ({value})";
        if (item.Kind == AnswerKind.Choice)
        {
            return item.Options.Any(o => o.Code == value.Code) ? null
                : $"'{value.Code}' is not one of the answers; the answers are {string.Join(", ", item.Options.Select(o => o.Code))}";
        }

        var number = value.AsDecimal;
        return number is { } n && (n < item.Min || n > item.Max) ? $"{value} is outside {item.Min} to {item.Max}" : null;
    }

    private static void AllOrNone(string scale, IReadOnlyList<string> linkIds, IReadOnlyDictionary<string, AssessmentValue> answers, List<AssessmentProblem> problems)
    {
        var answered = linkIds.Count(answers.ContainsKey);
        if (answered == 0 || answered == linkIds.Count) return;
        foreach (var missing in linkIds.Where(l => !answers.ContainsKey(l)))
        {
            problems.Add(new(missing, $"{scale} is scored from all {linkIds.Count} answers and {answered} were given: answer this one too, or leave all {linkIds.Count} out"));
        }
    }

    private static string Words(AnswerKind kind) => kind switch
    {
        AnswerKind.Choice => "one of the answers offered",
        AnswerKind.Boolean => "yes or no",
        AnswerKind.Integer => "a whole number",
        _ => "a number",
    };
}
