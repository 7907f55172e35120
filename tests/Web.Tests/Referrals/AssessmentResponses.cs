// Firely's model makes every element nullable; a test that reads one that is missing fails, which is what it should do.
#nullable disable warnings

using System.Globalization;
using Commonweal.Core.Referrals;
using Commonweal.Web.Features.Referrals;
using Hl7.Fhir.Model;

namespace Commonweal.Web.Tests.Referrals;

/// <summary>
/// Answers to the holistic assessment as a referrer's system sends them (QuestionnaireResponse items made by hand with
/// Firely's model, grouped as the Questionnaire is, or flat) and as a resident types them into the form's fields.
/// </summary>
public static class AssessmentResponses
{
    /// <summary>Every required question answered, weight and height given, and ONS4 whole.</summary>
    public static IReadOnlyList<(string LinkId, DataType Value)> Good { get; } =
    [
        ("smoking", Choice("yes-want-to-quit")),
        ("weight-kg", new FhirDecimal(82.5m)),
        ("height-cm", new FhirDecimal(170m)),
        ("activity-days", new Integer(2)),
        ("alcohol-units", new Integer(10)),
        ("money", Choice("struggling")),
        ("debt", Choice("none")),
        ("employment", Choice("working")),
        ("housing", Choice("settled")),
        ("loneliness", Choice("often-always")),
        ("caring", new FhirBoolean(false)),
        ("long-term-conditions", Choice("none")),
        ("frailty", Choice("none")),
        ("home-environment", Choice("fine")),
        (Ons4.LifeSatisfactionLinkId, new Integer(4)),
        (Ons4.WorthwhileLinkId, new Integer(7)),
        (Ons4.HappyLinkId, new Integer(6)),
        (Ons4.AnxiousLinkId, new Integer(3)),
    ];

    /// <summary>The good answers as the form's fields (radios post an option's code, yes/no, or the number).</summary>
    public static Dictionary<string, string> GoodFields() => Good.ToDictionary(a => FormReferral.Question(a.LinkId), a => a.Value switch
    {
        Coding coding => coding.Code,
        FhirBoolean yes => yes.Value == true ? "yes" : "no",
        Integer whole => whole.Value!.Value.ToString(CultureInfo.InvariantCulture),
        FhirDecimal number => number.Value!.Value.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(),
    });

    public static Coding Choice(string code) => new(FhirAssessment.AnswerSystem, code);

    /// <summary>
    /// A response to the assessment about <paramref name="subject"/>: grouped by section (the Questionnaire's group linkIds)
    /// or flat; <paramref name="change"/> edits the answers first.
    /// </summary>
    public static QuestionnaireResponse Response(string subject, bool nested = true, Func<List<(string LinkId, DataType Value)>, List<(string LinkId, DataType Value)>> change = null)
    {
        var answers = change is null ? [.. Good] : change([.. Good]);
        var response = new QuestionnaireResponse
        {
            Questionnaire = FhirAssessment.Canonical,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference(subject),
            Authored = "2026-12-03T09:00:00Z",
        };
        if (!nested)
        {
            response.Item.AddRange(answers.Select(a => Item(a.LinkId, a.Value)));
            return response;
        }

        var groups = FhirAssessment.GroupLinkIds(false);
        var sections = HolisticAssessment.Sections(false);
        for (var k = 0; k < sections.Count; k++)
        {
            var inSection = answers.Where(a => sections[k].Items.Any(i => i.LinkId == a.LinkId)).ToList();
            if (inSection.Count > 0) response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = groups[k], Item = [.. inSection.Select(a => Item(a.LinkId, a.Value))] });
        }

        var elsewhere = answers.Where(a => !sections.Any(s => s.Items.Any(i => i.LinkId == a.LinkId))).ToList();
        response.Item.AddRange(elsewhere.Select(a => Item(a.LinkId, a.Value)));
        return response;
    }

    public static QuestionnaireResponse.ItemComponent Item(string linkId, DataType value) =>
        new() { LinkId = linkId, Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }] };

    /// <summary>The referral bundle with the response as its third entry (before the Consent), the subject the bundle's Patient.</summary>
    public static Bundle WithResponse(Bundle bundle, QuestionnaireResponse response)
    {
        bundle.Entry.Insert(2, new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:6f1b7d0e-0000-4000-8000-000000000009",
            Resource = response,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "QuestionnaireResponse" },
        });
        return bundle;
    }

    /// <summary>Where a question's item is in <see cref="Response"/>'s grouped response: item[group].item[index].</summary>
    public static string PathOf(string linkId)
    {
        var sections = HolisticAssessment.Sections(false);
        var answered = Good.Select(a => a.LinkId).ToHashSet();
        var group = 0;
        foreach (var section in sections)
        {
            var items = section.Items.Where(i => answered.Contains(i.LinkId)).ToList();
            if (items.Count == 0) continue;
            var index = items.FindIndex(i => i.LinkId == linkId);
            if (index >= 0) return $"item[{group}].item[{index}]";
            group++;
        }

        throw new ArgumentException(linkId);
    }
}
