using Commonweal.Application.Referrals;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;

namespace Commonweal.Web.Features.Cases;

/// <summary>Cases in words: a status's code in addresses ("in-support"), its words, its tag's colour, and the service level.</summary>
public static class CaseWords
{
    /// <summary>A person's place by its name in the places of the day ("Basildon", "Basildon 001A"), its code where it is not one of them, a dash where none was given.</summary>
    public static string Place(PlaceGraph places, AreaCode? place) =>
        place is not { } code ? "–" : places.Find(code)?.Name ?? code.Value;

    public static string Code(CaseStatus status) => CaseTransitions.Words(status).Replace(' ', '-');

    /// <summary>A status from its code or its words, case ignored ("in-support", "in support", "InSupport").</summary>
    public static bool TryParse(string? text, out CaseStatus status)
    {
        var plain = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            if (!string.Equals(s.ToString(), plain, StringComparison.OrdinalIgnoreCase)) continue;
            status = s;
            return true;
        }

        status = default;
        return false;
    }

    /// <summary>The status with a capital, for a tag or a heading.</summary>
    public static string Title(CaseStatus status) => string.Concat(CaseTransitions.Words(status)[..1].ToUpperInvariant(), CaseTransitions.Words(status)[1..]);

    public static string TagColour(CaseStatus status) => status switch
    {
        CaseStatus.Received or CaseStatus.Triaged => "nhsuk-tag--blue",
        CaseStatus.Assigned or CaseStatus.Contacted or CaseStatus.InSupport => "nhsuk-tag--green",
        CaseStatus.Completed => "nhsuk-tag--purple",
        _ => "nhsuk-tag--grey",
    };

    /// <summary>The service level in words, with the dates as pages write them.</summary>
    public static string Sla(SlaState sla) => sla.Words(d => Format.Date(d));

    /// <summary>The service level as a short tag word: never colour alone.</summary>
    public static string SlaTag(SlaState sla) => sla.Status switch
    {
        SlaStatus.Breached => "Breached",
        SlaStatus.Late => "Late",
        SlaStatus.Met => "Met",
        SlaStatus.Due => "Due",
        _ => "Ended",
    };

    public static string SlaColour(SlaState sla) => sla.Status switch
    {
        SlaStatus.Breached => "nhsuk-tag--red",
        SlaStatus.Late => "nhsuk-tag--orange",
        SlaStatus.Met => "nhsuk-tag--green",
        SlaStatus.Due => "nhsuk-tag--yellow",
        _ => "nhsuk-tag--grey",
    };
}
