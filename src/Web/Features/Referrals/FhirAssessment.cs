using System.Globalization;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Commonweal.Web.Features.Referrals;

/// <summary>The answers a QuestionnaireResponse gives, by linkId, and every problem with them as an OperationOutcome issue.</summary>
public sealed record AssessmentRead(IReadOnlyDictionary<string, AssessmentValue> Answers, IReadOnlyList<OperationOutcome.IssueComponent> Issues);

/// <summary>
/// The holistic assessment in FHIR R4: the Questionnaire made from <see cref="HolisticAssessment.Sections"/> (one group per
/// section, one item per question, with its type, answer options, required flag and bounds), QuestionnaireResponses read
/// into typed answers with every problem at its expression, and written from answers (the web forms).
/// <para>
/// Answer options are codings in the system <see cref="AnswerSystem"/>, the questionnaire's own url: an option's code means
/// something only with its question's linkId ("never" smokes, "never" lonely), as a questionnaire's local codes do, so
/// one code system per question would add urls and no meaning. Bounds use the core minValue/maxValue extensions, a
/// SWEMWBS option's score the ordinalValue extension, a question's help a child display item shown as help.
/// </para>
/// </summary>
public static class FhirAssessment
{
    /// <summary>The setting that says the ICS holds the SWEMWBS licence; without it SWEMWBS is neither asked nor taken.</summary>
    public const string LicensedSetting = "Commonweal:Swemwbs:Licensed";

    /// <summary>The system of every answer option's coding: the questionnaire's url (codes are local to their question).</summary>
    public const string AnswerSystem = HolisticAssessment.Url;

    /// <summary>The canonical a response names: the questionnaire's url and version.</summary>
    public const string Canonical = HolisticAssessment.Url + "|" + HolisticAssessment.Version;

    public const string Id = "holistic-assessment";

    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private const string ItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    private static readonly byte[][] Json = [FhirJson.Bytes(Definition(false)), FhirJson.Bytes(Definition(true))];

    /// <summary>Whether the configuration says the ICS holds the SWEMWBS licence (default: it does not).</summary>
    public static bool Licensed(IConfiguration configuration) => configuration.GetValue(LicensedSetting, false);

    /// <summary>The Questionnaire as FHIR JSON, made once.</summary>
    public static byte[] QuestionnaireJson(bool includeSwemwbs) => Json[includeSwemwbs ? 1 : 0];

    /// <summary>The id of a section's group item: its group's name in kebab case, numbered from the second section of the same group.</summary>
    public static IReadOnlyList<string> GroupLinkIds(bool includeSwemwbs)
    {
        var sections = HolisticAssessment.Sections(includeSwemwbs);
        return [.. sections.Select((s, k) =>
        {
            var name = Core.EnumNames.Kebab(s.Group.ToString());
            var earlier = sections.Take(k).Count(x => x.Group == s.Group);
            return earlier == 0 ? name : $"{name}-{earlier + 1}";
        })];
    }

    public static Questionnaire Definition(bool includeSwemwbs)
    {
        var groups = GroupLinkIds(includeSwemwbs);
        var questionnaire = new Questionnaire
        {
            Id = Id,
            Url = HolisticAssessment.Url,
            Version = HolisticAssessment.Version,
            Name = "HolisticAssessment",
            Title = "Holistic assessment",
            Status = PublicationStatus.Active,
            Publisher = "Commonweal",
            Description = "One questionnaire across the County Health Rankings factor groups (behaviours, socio-economic, clinical care, environment) "
                + "and personal wellbeing by ONS4" + (includeSwemwbs ? ", with SWEMWBS (licensed)" : "") + ". Answers are read by linkId; an option's code "
                + "is read with its question's linkId. Method and thresholds: docs/methods/holistic-assessment-and-triage.md.",
        };
        foreach (var (section, k) in HolisticAssessment.Sections(includeSwemwbs).Select((s, k) => (s, k)))
        {
            var group = new Questionnaire.ItemComponent { LinkId = groups[k], Text = section.Title, Type = Questionnaire.QuestionnaireItemType.Group };
            if (section.Intro is { } intro)
                group.Item.Add(new Questionnaire.ItemComponent { LinkId = groups[k] + "-intro", Text = intro, Type = Questionnaire.QuestionnaireItemType.Display });
            foreach (var item in section.Items) group.Item.Add(Item(item));
            questionnaire.Item.Add(group);
        }

        return questionnaire;
    }

    private static Questionnaire.ItemComponent Item(AssessmentItem item)
    {
        var component = new Questionnaire.ItemComponent
        {
            LinkId = item.LinkId,
            Text = item.Text,
            Type = item.Kind switch
            {
                AnswerKind.Choice => Questionnaire.QuestionnaireItemType.Choice,
                AnswerKind.Boolean => Questionnaire.QuestionnaireItemType.Boolean,
                AnswerKind.Integer => Questionnaire.QuestionnaireItemType.Integer,
                _ => Questionnaire.QuestionnaireItemType.Decimal,
            },
            Required = item.Required,
        };
        foreach (var option in item.Options)
        {
            var coding = new Coding(AnswerSystem, option.Code, option.Display);
            if (option.Ordinal is { } ordinal) coding.Extension.Add(new Extension(OrdinalValue, new FhirDecimal(ordinal)));
            component.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = coding });
        }

        if (item.Min is { } min) component.Extension.Add(new Extension(MinValue, Bound(item.Kind, min)));
        if (item.Max is { } max) component.Extension.Add(new Extension(MaxValue, Bound(item.Kind, max)));
        if (item.Help is { } help)
        {
            var shown = new Questionnaire.ItemComponent { LinkId = item.LinkId + "-help", Text = help, Type = Questionnaire.QuestionnaireItemType.Display };
            shown.Extension.Add(new Extension(ItemControl, new CodeableConcept("http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button")));
            component.Item.Add(shown);
        }

        return component;
    }

    private static DataType Bound(AnswerKind kind, int value) => kind == AnswerKind.Decimal ? new FhirDecimal(value) : new Integer(value);

    /// <summary>
    /// The answers of a QuestionnaireResponse at <paramref name="at"/> (e.g. <c>Bundle.entry[2].resource</c>), its items
    /// nested in groups or flat, and every problem at its expression: the questionnaire it names, an answer of a type the
    /// assessment has no use for or a coding of another system, a question answered twice, then whatever
    /// <see cref="HolisticAssessment.Check"/> finds (an unknown linkId, a wrong kind, a number out of range, a required
    /// question unanswered, a scale partly answered).
    /// </summary>
    public static AssessmentRead Read(QuestionnaireResponse response, string at, bool includeSwemwbs)
    {
        ArgumentNullException.ThrowIfNull(response);
        var issues = new List<OperationOutcome.IssueComponent>();
        if (string.IsNullOrWhiteSpace(response.Questionnaire))
        {
            issues.Add(FhirProblems.Issue(IssueType.Required, $"The QuestionnaireResponse must name the questionnaire it answers: {Canonical}.", at + ".questionnaire"));
        }
        else if (response.Questionnaire is not (HolisticAssessment.Url or Canonical))
        {
            issues.Add(FhirProblems.Issue(IssueType.Value,
                $"Only the holistic assessment ({Canonical}) is taken with a referral; '{response.Questionnaire}' is not it.", at + ".questionnaire"));
        }

        var walk = new Walk(issues);
        walk.Items(response.Item, at);
        foreach (var problem in HolisticAssessment.Check(walk.Answers, includeSwemwbs).Problems.Where(p => !walk.Refused.Contains(p.LinkId)))
        {
            // An answer is where its item is; a question left out is found by its linkId wherever it would have been.
            var (code, expression) = walk.Paths.TryGetValue(problem.LinkId, out var path)
                ? !Known(problem.LinkId, includeSwemwbs) ? (IssueType.NotFound, path + ".linkId")
                : walk.Answers.ContainsKey(problem.LinkId) ? (IssueType.Value, path + ".answer[0]")
                : (IssueType.Required, path)
                : (IssueType.Required, $"{at}.repeat(item).where(linkId='{problem.LinkId}')");
            issues.Add(FhirProblems.Issue(code, $"{problem}.", expression));
        }

        return new AssessmentRead(walk.Answers, issues);
    }

    private static bool Known(string linkId, bool includeSwemwbs) =>
        HolisticAssessment.Sections(includeSwemwbs).Any(s => s.Items.Any(i => i.LinkId == linkId));

    /// <summary>The items of a response walked in order: each question's path, its answer, and the linkIds already refused here.</summary>
    private sealed class Walk(List<OperationOutcome.IssueComponent> issues)
    {
        public Dictionary<string, AssessmentValue> Answers { get; } = new(StringComparer.Ordinal);

        /// <summary>Where each question's item is (answered or left empty).</summary>
        public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

        public void Items(List<QuestionnaireResponse.ItemComponent> items, string parent)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var at = $"{parent}.item[{i}]";
                if (item.Item.Count > 0 && item.Answer.Count == 0)
                {
                    Items(item.Item, at); // a group
                    continue;
                }

                if (item.LinkId is not { Length: > 0 } linkId)
                {
                    issues.Add(FhirProblems.Issue(IssueType.Required, "Each item needs its linkId.", at + ".linkId"));
                    continue;
                }

                if (!Paths.TryAdd(linkId, at))
                {
                    issues.Add(FhirProblems.Issue(IssueType.Duplicate, $"{linkId}: this question is answered more than once; answer it once.", at));
                    Refused.Add(linkId);
                    continue;
                }

                if (item.Answer.Count == 0) continue;
                if (item.Answer.Count > 1)
                {
                    issues.Add(FhirProblems.Issue(IssueType.Value, $"{linkId}: each question takes one answer; this item has {item.Answer.Count}.", at + ".answer[1]"));
                    Refused.Add(linkId);
                    continue;
                }

                var value = Value(item.Answer[0].Value, linkId, at + ".answer[0]");
                if (value is null) Refused.Add(linkId);
                else Answers[linkId] = value;
            }
        }

        private AssessmentValue? Value(DataType? value, string linkId, string at)
        {
            switch (value)
            {
                case Coding { Code: { Length: > 0 } code } coding when coding.System is null or AnswerSystem:
                    return AssessmentValue.OfCode(code);
                case Coding coding when coding.Code is { Length: > 0 }:
                    issues.Add(FhirProblems.Issue(IssueType.CodeInvalid,
                        $"{linkId}: an answer's coding is in the system {AnswerSystem} (the questionnaire's answerOptions); '{coding.System}' is not it.", at + ".valueCoding.system"));
                    return null;
                case FhirBoolean { Value: { } yes }:
                    return AssessmentValue.Of(yes);
                case Integer { Value: { } whole }:
                    return AssessmentValue.Of(whole);
                case FhirDecimal { Value: { } number }:
                    return AssessmentValue.Of(number);
                default:
                    issues.Add(FhirProblems.Issue(IssueType.Value,
                        $"{linkId}: an answer is a valueCoding, valueBoolean, valueInteger or valueDecimal as the question's type says; this one is {Describe(value)}.", at));
                    return null;
            }
        }

        private static string Describe(DataType? value)
        {
            if (value is null) return "missing";
            var name = "a value" + value.TypeName[..1].ToUpperInvariant() + value.TypeName[1..];
            return value is PrimitiveType { JsonValue: null } or Coding { Code: null or "" } ? name + " with nothing in it" : name;
        }
    }

    /// <summary>
    /// A QuestionnaireResponse of answers already read (by linkId), grouped as the questionnaire is, each question's words
    /// beside its answer and each option's display beside its code; <paramref name="subject"/> is the Patient's reference.
    /// </summary>
    public static QuestionnaireResponse Response(IReadOnlyDictionary<string, AssessmentValue> answers, bool includeSwemwbs, string subject, DateTimeOffset authored)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var groups = GroupLinkIds(includeSwemwbs);
        var response = new QuestionnaireResponse
        {
            Meta = new Meta { Profile = [FhirNames.UkCoreQuestionnaireResponse] },
            Questionnaire = Canonical,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference(subject),
            Authored = authored.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        };
        foreach (var (section, k) in HolisticAssessment.Sections(includeSwemwbs).Select((s, k) => (s, k)))
        {
            var group = new QuestionnaireResponse.ItemComponent { LinkId = groups[k], Text = section.Title };
            foreach (var item in section.Items)
            {
                if (!answers.TryGetValue(item.LinkId, out var value)) continue;
                group.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = item.LinkId,
                    Text = item.Text,
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = Value(item, value) }],
                });
            }

            if (group.Item.Count > 0) response.Item.Add(group);
        }

        return response;
    }

    private static DataType Value(AssessmentItem item, AssessmentValue value) => value.Kind switch
    {
        AnswerKind.Choice => new Coding(AnswerSystem, value.Code, item.Options.FirstOrDefault(o => o.Code == value.Code)?.Display),
        AnswerKind.Boolean => new FhirBoolean(value.Boolean),
        AnswerKind.Integer when item.Kind == AnswerKind.Decimal => new FhirDecimal(value.Integer),
        AnswerKind.Integer => new Integer(value.Integer),
        _ => new FhirDecimal(value.Decimal),
    };
}
