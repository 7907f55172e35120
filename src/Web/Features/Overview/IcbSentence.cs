using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Overview;

/// <summary>
/// Which ICB held the partnership on a date, and which before and after, in one sentence: "In NHS Essex Integrated Care
/// Board (D7T5G) since 1 April 2026; before that NHS Mid and South Essex Integrated Care Board (QH8), until 31 March 2026."
/// </summary>
public static class IcbSentence
{
    public static string Describe(IcsDefinition ics, DateOnly asAt)
    {
        var current = ics.IcbOn(asAt);
        var ordered = ics.Icbs.OrderBy(i => i.Validity.From ?? DateOnly.MinValue).ToList();
        var parts = new List<string>();
        if (current is not null)
        {
            var since = current.Validity.From is { } from ? $" since {Format.Date(from)}" : string.Empty;
            var until = current.Validity.To is { } to ? $" until {Format.Date(to)}" : string.Empty;
            parts.Add($"In {Name(current)}{since}{until}");
        }
        else
        {
            parts.Add($"On {Format.Date(asAt)} no ICB held the partnership");
        }

        var before = ordered.Where(i => i != current && i.Validity.To is { } to && to < asAt).ToList();
        var after = ordered.Where(i => i != current && i.Validity.From is { } from && from > asAt).ToList();
        if (before.Count > 0) parts.Add("before that " + string.Join(", and before that ", before.AsEnumerable().Reverse().Select(i => $"{Name(i)}, {i.Validity}")));
        if (after.Count > 0) parts.Add(string.Join("; ", after.Select(i => $"from {Format.Date(i.Validity.From)} in {Name(i)}")));
        return string.Join("; ", parts) + ".";
    }

    private static string Name(IcsIcb icb) => $"{icb.Name} ({icb.Code})";
}
