namespace Commonweal.Core.Referrals;

/// <summary>
/// The holistic assessment: one questionnaire across the County Health Rankings factor groups — behaviours (smoking,
/// weight, activity, alcohol), socio-economic (money, debt, work, housing, loneliness, caring), clinical care (long-term
/// conditions, frailty), environment (the home) — and personal wellbeing by ONS4, with SWEMWBS only where an ICS holds
/// its licence. Stored as a FHIR Questionnaire (<see cref="Url"/>|<see cref="Version"/>) and QuestionnaireResponses keyed by
/// the stable linkIds. Method, thresholds and sources: docs/methods/holistic-assessment-and-triage.md.
/// </summary>
public static class HolisticAssessment
{
    public const string Url = "https://commonweal.example/fhir/Questionnaire/holistic-assessment";

    /// <summary>Raised when wording or scoring changes; linkIds and option codes never change meaning.</summary>
    public const string Version = "1";

    /// <summary>
    /// The sections in order, each with its questions. <paramref name="includeSwemwbs"/> adds the seven SWEMWBS statements
    /// — licensed wording: pass true only where the ICS holds the (S)WEMWBS licence.
    /// </summary>
    public static IReadOnlyList<AssessmentSection> Sections(bool includeSwemwbs) =>
        includeSwemwbs ? AssessmentQuestions.WithSwemwbs : AssessmentQuestions.WithoutSwemwbs;

    /// <summary>Every problem with the answers (keyed by linkId), each with its linkId; none means they can be scored.</summary>
    public static AssessmentCheck Check(IReadOnlyDictionary<string, AssessmentValue> answers, bool includeSwemwbs) =>
        AssessmentCheck.Of(answers, includeSwemwbs);

    /// <summary>
    /// The needs the answers show, with why, and the ONS4, SWEMWBS and BMI figures. The answers must pass
    /// <see cref="Check"/> (scoring unchecked answers is a bug, and throws). <paramref name="lowerBmiThreshold"/> applies NICE's
    /// lower BMI thresholds (23 / 27.5); triage applies them too from <see cref="TriagePerson.LowerBmiThreshold"/>.
    /// </summary>
    public static AssessmentResult Score(IReadOnlyDictionary<string, AssessmentValue> answers, bool includeSwemwbs, bool lowerBmiThreshold = false) =>
        AssessmentScoring.Score(answers, includeSwemwbs, lowerBmiThreshold);
}
