using System.Globalization;
using Commonweal.Core.Allocation;

namespace Commonweal.Web.Features.Allocation;

/// <summary>How the allocation pages write money, changes and a model in words.</summary>
public static class AllocationWords
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>£1,234,567.89.</summary>
    public static string Money(long pence) => AllocationEngine.Money(pence);

    /// <summary>+£1,234.00 or −£1,234.00.</summary>
    public static string Change(long pence) => (pence > 0 ? "+" : pence < 0 ? "−" : "±") + AllocationEngine.Money(Math.Abs(pence));

    /// <summary>£12.34 a head.</summary>
    public static string PerHead(double? pounds) => pounds is { } p ? "£" + p.ToString("#,0.00", English) : "–";

    /// <summary>+12.3% (of a base), or – when the base is 0.</summary>
    public static string Percent(long change, long of) => of == 0 ? "–" : ((double)change / of * 100).ToString("+0.0;−0.0;0.0", English) + "%";

    /// <summary>"9 districts and unitary authorities", "720 LSOAs", "1 GP practice": a count of places in words.</summary>
    public static string Places(Core.Places.AreaType type, int count)
    {
        var label = count == 1 ? Core.Places.AreaTypeNames.Label(type) : Core.Places.AreaTypeNames.PluralLabel(type);
        var lower = label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
        return count.ToString("#,0", English) + " " + lower;
    }

    public static string Index(double value) => value.ToString("0.000", English);

    /// <summary>What the model does, in one sentence per part.</summary>
    public static IReadOnlyList<string> Describe(AllocationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parts = new List<string>
        {
            $"Places: {model.Level.ToString().ToLowerInvariant()}s of the ICS; population: {(model.Population == PopulationBase.Registered ? "registered patients" : "residents")} (practices, PCNs and neighbourhoods are always counted by registration, other places by residence).",
            model.AgeCosts.Count == 0
                ? "No age-cost curve: everyone counts the same."
                : "Age-cost curve: " + string.Join(", ", model.AgeCosts.Select((s, i) => $"{s.FromAge}{(i + 1 < model.AgeCosts.Count ? "–" + (model.AgeCosts[i + 1].FromAge - 1) : "+")} weigh {s.Weight.ToString("0.###", English)}")) + ".",
            model.Need.Count == 0
                ? "No need index: every place's need is the same."
                : (model.Combination == NeedCombination.Product ? "Need index: the product of " : $"Need index: the weighted sum (weights out of {model.WeightsTotal?.ToString("0.###", English)}) of ")
                  + string.Join(model.Combination == NeedCombination.Product ? " × " : " + ", model.Need.Select(n => $"{Source(n.Source)} ÷ {(n.Standard == NeedStandard.England ? "England's value" : "the ICS mean")}{(n.LowerMeansMoreNeed ? " (inverted: lower means more need)" : "")}{(model.Combination == NeedCombination.Product ? $" to the power {n.Weight.ToString("0.###", English)}" : $" × {n.Weight.ToString("0.###", English)}")}"))
                  + ", scaled so the ICS average is 1.",
            model.Uplift is { } u ? $"Inequalities uplift: residents of a national IMD decile 1 LSOA weigh {u.MostDeprived.ToString("0.##", English)}, of decile 10 {u.LeastDeprived.ToString("0.##", English)}, in even steps between." : "No inequalities uplift.",
            model.UnitCosts.Count == 0 ? "No unit-cost factors." : "Unit-cost factors: " + string.Join(", ", model.UnitCosts.Select(c => $"{c.Key} × {c.Value.ToString("0.###", English)}")) + "; 1 elsewhere.",
            $"Floors and caps: {(model.PerHeadFloor is { } f ? $"no place below {f.ToString("0.##", English)}" : "no floor")} and {(model.PerHeadCap is { } c ? $"none above {c.ToString("0.##", English)}" : "no cap")} times the equal per-head share.",
            model.Pace is { } p
                ? $"Pace of change (with last year's allocations): every place grows by {Growth(p.MinimumGrowth)} to {Growth(p.MaximumGrowth)}{(p.OverTargetMargin is { } m ? $"; a place more than {(m * 100).ToString("0.#", English)}% over its target is held at {Growth(p.MinimumGrowth)}" : "")}."
                : "No pace of change: the allocation moves to target at once.",
        };
        return parts;
    }

    /// <summary>A need source in words.</summary>
    public static string Source(string source) => source switch
    {
        "imd_score" => "the IMD score",
        "core20_share" => "the share living in Core20 LSOAs",
        _ when source.StartsWith("indicator:", StringComparison.Ordinal) => "indicator " + source[10..],
        _ when source.StartsWith("cohort:", StringComparison.Ordinal) => "the share in cohort " + source[7..],
        _ => source,
    };

    private static string Growth(double g) => (g * 100).ToString("+0.##;−0.##;0", English) + "%";
}
