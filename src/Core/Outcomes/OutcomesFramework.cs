using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>A domain of the framework: one of the two health outcomes, a factor group, or a focus area of a group.</summary>
public readonly record struct FrameworkDomain(HealthFactor Group, FocusArea? Area)
{
    public static FrameworkDomain Of(FocusArea area) => new(area.Group(), area);

    public static FrameworkDomain Of(HealthFactor group) => new(group, null);

    /// <summary>Every domain in the model's order: each outcome, then each group followed by its focus areas.</summary>
    public static IReadOnlyList<FrameworkDomain> All { get; } =
        [.. CountyHealthRankings.Groups.SelectMany(g => new[] { Of(g) }.Concat(g.FocusAreas().Select(Of)))];

    /// <summary>The code an API or a form writes: the focus area's name (QualityOfCare) or the group's (LengthOfLife).</summary>
    public string Code => Area?.ToString() ?? Group.ToString();

    public string Label => Area is { } area ? $"{Group.Label()}: {area.Label()}" : Group.Label();

    public static bool TryParse(string? code, out FrameworkDomain domain)
    {
        var text = code?.Trim() ?? string.Empty;
        if (Enum.TryParse<FocusArea>(text, ignoreCase: true, out var area) && Enum.IsDefined(area) && !int.TryParse(text, out _))
        {
            domain = Of(area);
            return true;
        }

        if (Enum.TryParse<HealthFactor>(text, ignoreCase: true, out var group) && Enum.IsDefined(group) && !int.TryParse(text, out _))
        {
            domain = Of(group);
            return true;
        }

        domain = default;
        return false;
    }

    /// <summary>The domain an indicator's catalogue entry gives it (its focus area, else its group), or null.</summary>
    public static FrameworkDomain? Of(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.FocusArea is { } area ? Of(area) : indicator.FactorGroup is { } group ? Of(group) : null;
    }

    public override string ToString() => Code;
}

/// <summary>What kind of priority of the ICS a <see cref="FrameworkPriority"/> is.</summary>
public enum PriorityKind
{
    /// <summary>One of Core20PLUS5's five clinical areas for adults (NHS England, 2021), or its cross-cutting smoking cessation.</summary>
    Core20Plus5Adults,

    /// <summary>One of Core20PLUS5's five clinical areas for children and young people (NHS England, 2023).</summary>
    Core20Plus5Children,

    /// <summary>A priority of the Joint Health and Wellbeing Strategy.</summary>
    HealthAndWellbeingStrategy,

    /// <summary>Another priority the partners agree on (an integrated care strategy's, a place's).</summary>
    Local,
}

public static class PriorityKinds
{
    public static string Label(this PriorityKind kind) => kind switch
    {
        PriorityKind.Core20Plus5Adults => "Core20PLUS5 (adults)",
        PriorityKind.Core20Plus5Children => "Core20PLUS5 (children and young people)",
        PriorityKind.HealthAndWellbeingStrategy => "Joint Health and Wellbeing Strategy",
        PriorityKind.Local => "Local priority",
        _ => kind.ToString(),
    };
}

/// <summary>A priority of the ICS mapped onto the framework: the domains it touches and the indicators that measure it.</summary>
public sealed record FrameworkPriority(string Name, PriorityKind Kind, IReadOnlyList<FrameworkDomain> Domains, IReadOnlyList<IndicatorId> Indicators);

/// <summary>
/// A version of the outcomes framework "as agreed by the HWB on a date": the County Health Rankings domains (fixed by the
/// model), which indicators measure which domain, and the ICS's priorities mapped onto it. Each edit makes a new version;
/// the versions are kept, so a board paper can say which framework it reports against.
/// </summary>
/// <param name="Version">1, 2, …; 0 for the shipped starting point before any version is saved.</param>
/// <param name="AgreedBy">Who agreed it, e.g. "Essex Health and Wellbeing Board"; empty while a draft.</param>
/// <param name="AgreedOn">The date it was agreed; null while a draft.</param>
/// <param name="Mapping">Each indicator's domain in this version (null: in no domain, whatever its catalogue entry says); an indicator not listed is in its catalogue entry's domain.</param>
public sealed record OutcomesFramework(
    int Version,
    string Title,
    string AgreedBy,
    DateOnly? AgreedOn,
    string Why,
    IReadOnlyList<FrameworkPriority> Priorities,
    IReadOnlyDictionary<IndicatorId, FrameworkDomain?> Mapping,
    DateTimeOffset Created,
    string CreatedBy)
{
    public bool IsAgreed => AgreedOn is not null && AgreedBy.Length > 0;

    /// <summary>"Version 3, as agreed by the Essex Health and Wellbeing Board on 14 March 2026" or "Version 2 (draft, not yet agreed)".</summary>
    public string Standing => Version == 0
        ? "The shipped starting point (not yet agreed)"
        : IsAgreed
            ? $"Version {Version}, as agreed by {AgreedBy} on {AgreedOn!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"Version {Version} (draft, not yet agreed)";

    /// <summary>The domain of an indicator in this version: its mapping, else the catalogue's own (factor group, focus area).</summary>
    public FrameworkDomain? DomainOf(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Mapping.TryGetValue(indicator.Id, out var domain) ? domain : FrameworkDomain.Of(indicator);
    }

    /// <summary>The indicator as the coverage view reads it: its factor group and focus area those of this version.</summary>
    public Indicator Mapped(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var domain = DomainOf(indicator);
        return indicator with { FactorGroup = domain?.Group, FocusArea = domain?.Area };
    }

    /// <summary>The ICS priorities Commonweal ships as a starting point: Core20PLUS5 (adults and children) and the Essex Joint Health and Wellbeing Strategy 2022–2026.</summary>
    public static IReadOnlyList<FrameworkPriority> ShippedPriorities { get; } =
    [
        Priority("Maternity: continuity of carer", PriorityKind.Core20Plus5Adults, FocusArea.QualityOfCare, FocusArea.AccessToCare),
        Priority("Severe mental illness: annual health checks", PriorityKind.Core20Plus5Adults, FocusArea.AccessToCare),
        Priority("Chronic respiratory disease: COPD, vaccine uptake", PriorityKind.Core20Plus5Adults, FocusArea.QualityOfCare, FocusArea.TobaccoUse),
        Priority("Early cancer diagnosis: 75 % at stage 1 or 2 by 2028", PriorityKind.Core20Plus5Adults, FocusArea.AccessToCare),
        Priority("Hypertension case-finding and optimal management", PriorityKind.Core20Plus5Adults, FocusArea.QualityOfCare),
        Priority("Smoking cessation (cross-cutting)", PriorityKind.Core20Plus5Adults, FocusArea.TobaccoUse),
        Priority("Asthma", PriorityKind.Core20Plus5Children, FocusArea.QualityOfCare, FocusArea.AirAndWaterQuality),
        Priority("Diabetes", PriorityKind.Core20Plus5Children, FocusArea.QualityOfCare),
        Priority("Epilepsy", PriorityKind.Core20Plus5Children, FocusArea.AccessToCare),
        Priority("Oral health", PriorityKind.Core20Plus5Children, FocusArea.DietAndExercise, FocusArea.AccessToCare),
        Priority("Mental health", PriorityKind.Core20Plus5Children, FocusArea.AccessToCare, FocusArea.FamilyAndSocialSupport),
        new("Improving mental health and wellbeing", PriorityKind.HealthAndWellbeingStrategy, [FrameworkDomain.Of(HealthFactor.QualityOfLife), FrameworkDomain.Of(FocusArea.FamilyAndSocialSupport)], []),
        Priority("Physical activity and healthy weight", PriorityKind.HealthAndWellbeingStrategy, FocusArea.DietAndExercise),
        new("Supporting long-term independence", PriorityKind.HealthAndWellbeingStrategy, [FrameworkDomain.Of(HealthFactor.QualityOfLife), FrameworkDomain.Of(FocusArea.HousingAndTransit)], []),
        Priority("Alcohol and substance misuse", PriorityKind.HealthAndWellbeingStrategy, FocusArea.AlcoholAndDrugUse),
        Priority("Health inequalities and the wider determinants of health", PriorityKind.HealthAndWellbeingStrategy, FocusArea.Education, FocusArea.Employment, FocusArea.Income, FocusArea.HousingAndTransit),
    ];

    private static FrameworkPriority Priority(string name, PriorityKind kind, params FocusArea[] areas) =>
        new(name, kind, [.. areas.Select(FrameworkDomain.Of)], []);
}
