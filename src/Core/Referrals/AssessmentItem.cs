namespace Commonweal.Core.Referrals;

/// <summary>The kind of answer a question takes; the FHIR Questionnaire item type of the same name.</summary>
public enum AnswerKind
{
    Choice,
    Boolean,
    Integer,
    Decimal,
}

/// <summary>
/// One answer a choice question offers: the stable code stored in the response, the words the resident reads, and for a
/// scale (SWEMWBS) the number it scores (FHIR's ordinalValue extension).
/// </summary>
public sealed record AnswerOption(string Code, string Display, int? Ordinal = null);

/// <summary>
/// One question of the holistic assessment. <paramref name="LinkId"/> is stable and lower-kebab: responses stored years
/// ago are read by it, so a question's wording may change (with <see cref="HolisticAssessment.Version"/>) but its linkId
/// and option codes do not. <paramref name="Min"/>/<paramref name="Max"/> bound numbers (inclusive); <paramref name="Need"/>
/// is the need the answer informs.
/// </summary>
public sealed record AssessmentItem(
    string LinkId,
    string Text,
    AnswerKind Kind,
    IReadOnlyList<AnswerOption> Options,
    bool Required,
    int? Min,
    int? Max,
    Need? Need,
    string? Help);

/// <summary>A page of the assessment: its title, the group it covers, an introduction read before the questions, the questions.</summary>
public sealed record AssessmentSection(string Title, AssessmentGroup Group, string? Intro, IReadOnlyList<AssessmentItem> Items);
