namespace Commonweal.Core.Referrals;

/// <summary>
/// A need the holistic assessment can find, one per topic a support line can address. Grouped as the County Health
/// Rankings model groups health factors (behaviours, socio-economic, clinical care, environment), with personal
/// wellbeing beside them, so a caseload can be read against the same framework as the outcomes.
/// </summary>
public enum Need
{
    Smoking,
    Weight,
    PhysicalActivity,
    Alcohol,
    Money,
    Debt,
    Employment,
    Housing,
    Loneliness,
    Caring,
    LongTermConditions,
    Frailty,
    Environment,
    Wellbeing,
}

/// <summary>How much help a need calls for.</summary>
public enum NeedLevel
{
    /// <summary>No need found.</summary>
    None,

    /// <summary>Community support would suit: a volunteer, a community asset or a digital offer.</summary>
    Light,

    /// <summary>A professional service is indicated (stop smoking service, specialist weight management, debt advice …).</summary>
    Specialist,
}

/// <summary>The County Health Rankings factor group a need belongs to (CHR 2014–2024 model), plus wellbeing.</summary>
public enum AssessmentGroup
{
    Behaviours,
    SocioEconomic,
    ClinicalCare,
    Environment,
    Wellbeing,
}

/// <summary>Codes, words and groups for <see cref="Need"/>: the code is what files and FHIR answers carry.</summary>
public static class Needs
{
    /// <summary>Every need, in the order lines and findings are listed.</summary>
    public static IReadOnlyList<Need> All { get; } = Enum.GetValues<Need>();

    /// <summary>The need's lower-kebab code, e.g. "physical-activity".</summary>
    public static string Code(Need need) => EnumCodes<Need>.Code(need);

    /// <summary>The need whose code is <paramref name="text"/> (case ignored).</summary>
    public static bool TryParse(string? text, out Need need) => EnumCodes<Need>.TryParse(text, out need);

    /// <summary>Every need's code, for a message that says what would have been accepted.</summary>
    public static string CodeList => EnumCodes<Need>.List;

    /// <summary>The need in plain English, as a person or a coordinator would say it.</summary>
    public static string Words(Need need) => need switch
    {
        Need.Smoking => "smoking",
        Need.Weight => "weight",
        Need.PhysicalActivity => "physical activity",
        Need.Alcohol => "alcohol",
        Need.Money => "money",
        Need.Debt => "debt",
        Need.Employment => "work",
        Need.Housing => "housing",
        Need.Loneliness => "loneliness",
        Need.Caring => "caring for someone",
        Need.LongTermConditions => "long-term conditions",
        Need.Frailty => "frailty",
        Need.Environment => "home environment",
        Need.Wellbeing => "wellbeing",
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, null),
    };

    /// <summary>The need in words with a capital letter, to start a sentence.</summary>
    public static string Title(Need need) => Capitalise(Words(need));

    /// <summary>The text with its first letter a capital, to start a sentence.</summary>
    internal static string Capitalise(string s) => s.Length == 0 ? s : string.Concat(s[..1].ToUpperInvariant(), s.AsSpan(1));

    /// <summary>The County Health Rankings group the need belongs to (socio-economic holds housing and social support).</summary>
    public static AssessmentGroup Group(Need need) => need switch
    {
        Need.Smoking or Need.Weight or Need.PhysicalActivity or Need.Alcohol => AssessmentGroup.Behaviours,
        Need.Money or Need.Debt or Need.Employment or Need.Housing or Need.Loneliness or Need.Caring => AssessmentGroup.SocioEconomic,
        Need.LongTermConditions or Need.Frailty => AssessmentGroup.ClinicalCare,
        Need.Environment => AssessmentGroup.Environment,
        Need.Wellbeing => AssessmentGroup.Wellbeing,
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, null),
    };

    /// <summary>The level's code: "none", "light" or "specialist".</summary>
    public static string Code(NeedLevel level) => EnumCodes<NeedLevel>.Code(level);
}
