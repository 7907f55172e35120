namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// The 36 deficits of the electronic Frailty Index (Clegg et al., Age Ageing 2016; docs/methods/efi.md), in the order of
/// their names. A person's deficits are the bits of <see cref="SyntheticPopulation.Deficits"/>: the bit numbers
/// are part of the stored format and of the population hash.
/// </summary>
public enum EfiDeficit
{
    ActivityLimitation,
    Anaemia,
    Arthritis,
    AtrialFibrillation,
    CerebrovascularDisease,
    ChronicKidneyDisease,
    Diabetes,
    Dizziness,
    Dyspnoea,
    Falls,
    FootProblems,
    FragilityFracture,
    HearingImpairment,
    HeartFailure,
    HeartValveDisease,
    Housebound,
    Hypertension,
    Hypotension,
    IschaemicHeartDisease,
    MemoryAndCognitiveProblems,
    MobilityProblems,
    Osteoporosis,
    Parkinsonism,
    PepticUlcer,
    PeripheralVascularDisease,
    Polypharmacy,
    RequirementForCare,
    RespiratoryDisease,
    SkinUlcer,
    SleepDisturbance,
    SocialVulnerability,
    ThyroidDisease,
    UrinaryIncontinence,
    UrinarySystemDisease,
    VisualImpairment,
    WeightLossAndAnorexia,
}

/// <summary>The deficits' codes and names.</summary>
public static class EfiDeficits
{
    public static readonly IReadOnlyList<EfiDeficit> All = Enum.GetValues<EfiDeficit>();

    public static ulong Bit(this EfiDeficit deficit) => 1UL << (int)deficit;

    /// <summary>The short code used in public implementations (ACTLIM, ANHAEM, …).</summary>
    public static string Code(this EfiDeficit deficit) => Codes[(int)deficit];

    public static string Label(this EfiDeficit deficit) => Labels[(int)deficit];

    public static EfiDeficit? Find(string code)
    {
        var index = Array.FindIndex(Codes, c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (EfiDeficit)index;
    }

    private static readonly string[] Codes =
    [
        "ACTLIM", "ANHAEM", "ARTH", "ATFIB", "CVBD", "CKD", "DIAB", "DIZ", "DYSP", "FALL", "FOOT", "FRAC", "HIMP", "HFAIL", "HVD", "HOUSEB",
        "HYPT", "HYPOT", "IHD", "MEMCOG", "MOB", "OSTEO", "PARKS", "PEPULC", "PVD", "POLYPH", "REQCARE", "RESPD", "SKULC", "SLPDIS",
        "SOCVUL", "THYDIS", "URIINC", "IURID", "VISIMP", "WLANX",
    ];

    private static readonly string[] Labels =
    [
        "Activity limitation", "Anaemia and haematinic deficiency", "Arthritis", "Atrial fibrillation", "Cerebrovascular disease",
        "Chronic kidney disease", "Diabetes", "Dizziness", "Dyspnoea", "Falls", "Foot problems", "Fragility fracture", "Hearing impairment",
        "Heart failure", "Heart valve disease", "Housebound", "Hypertension", "Hypotension or syncope", "Ischaemic heart disease",
        "Memory and cognitive problems", "Mobility and transfer problems", "Osteoporosis", "Parkinsonism and tremor", "Peptic ulcer",
        "Peripheral vascular disease", "Polypharmacy", "Requirement for care", "Respiratory disease", "Skin ulcer", "Sleep disturbance",
        "Social vulnerability", "Thyroid disease", "Urinary incontinence", "Urinary system disease", "Visual impairment",
        "Weight loss and anorexia",
    ];
}
