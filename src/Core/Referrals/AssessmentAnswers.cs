using System.Text.Json;

namespace Commonweal.Core.Referrals;

/// <summary>
/// A referral's assessment answers kept with it as compact JSON — <c>{"smoking":"yes-want-to-quit","weight-kg":96.5,
/// "caring":true}</c> — so triage can score them again without the FHIR QuestionnaireResponse. Each value is read back
/// by its question's kind, so 96 stays a decimal answer for weight and a whole number for ONS4.
/// </summary>
public static class AssessmentAnswers
{
    private static readonly Dictionary<string, AnswerKind> Kinds = HolisticAssessment.Sections(includeSwemwbs: true)
        .SelectMany(s => s.Items).ToDictionary(i => i.LinkId, i => i.Kind, StringComparer.Ordinal);

    public static string ToJson(IReadOnlyDictionary<string, AssessmentValue> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (linkId, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                switch (value.Kind)
                {
                    case AnswerKind.Choice: json.WriteString(linkId, value.Code); break;
                    case AnswerKind.Boolean: json.WriteBoolean(linkId, value.Boolean!.Value); break;
                    case AnswerKind.Integer: json.WriteNumber(linkId, value.Integer!.Value); break;
                    default: json.WriteNumber(linkId, value.Decimal!.Value); break;
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The answers; a linkId the questionnaire does not have (a later version's) is left out.</summary>
    public static IReadOnlyDictionary<string, AssessmentValue> FromJson(string? text)
    {
        var answers = new Dictionary<string, AssessmentValue>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return answers;
        using var document = JsonDocument.Parse(text);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!Kinds.TryGetValue(property.Name, out var kind)) continue;
            var value = property.Value;
            answers[property.Name] = kind switch
            {
                AnswerKind.Choice => AssessmentValue.OfCode(value.GetString()!),
                AnswerKind.Boolean => AssessmentValue.Of(value.GetBoolean()),
                AnswerKind.Integer => AssessmentValue.Of(value.GetInt32()),
                _ => AssessmentValue.Of(value.GetDecimal()),
            };
        }

        return answers;
    }
}
