namespace Commonweal.Core.Commissioning;

/// <summary>
/// How a service is bought. NHS health care services (and the health services councils commission, such as public health)
/// under the Health Care Services (Provider Selection Regime) Regulations 2023; other council and NHS purchases under the
/// Procurement Act 2023 (in force 24 February 2025); voluntary and community organisations often by grant.
/// </summary>
public enum ProcurementRoute
{
    /// <summary>PSR direct award process A: an existing provider that is the only one able to provide.</summary>
    PsrDirectAwardA,

    /// <summary>PSR direct award process B: services patients choose the provider of, to every provider that meets the requirements.</summary>
    PsrDirectAwardB,

    /// <summary>PSR direct award process C: the existing provider is satisfying the contract and will likely continue to.</summary>
    PsrDirectAwardC,

    /// <summary>PSR most suitable provider process: the commissioner identifies the most suitable provider without a competition.</summary>
    PsrMostSuitableProvider,

    /// <summary>PSR competitive process.</summary>
    PsrCompetitive,

    /// <summary>Procurement Act 2023 open procedure (single-stage tender).</summary>
    OpenProcedure,

    /// <summary>Procurement Act 2023 competitive flexible procedure.</summary>
    CompetitiveFlexible,

    /// <summary>Procurement Act 2023 direct award (a justification under section 41 or schedule 5).</summary>
    DirectAward,

    /// <summary>A call-off from a framework.</summary>
    FrameworkCallOff,

    /// <summary>A contract let under the Public Contracts Regulations 2015 (before the Procurement Act 2023 came into force on 24 February 2025), e.g. its light-touch regime.</summary>
    Pcr2015,

    /// <summary>A grant agreement (typically with a VCSE organisation).</summary>
    Grant,

    /// <summary>Below the threshold: a quotation or a small-value route under the partner's standing orders.</summary>
    BelowThreshold,
}

public static class ProcurementRoutes
{
    /// <summary>The code files and the API write, e.g. psr-direct-c, open, grant.</summary>
    public static string Code(this ProcurementRoute route) => route switch
    {
        ProcurementRoute.PsrDirectAwardA => "psr-direct-a",
        ProcurementRoute.PsrDirectAwardB => "psr-direct-b",
        ProcurementRoute.PsrDirectAwardC => "psr-direct-c",
        ProcurementRoute.PsrMostSuitableProvider => "psr-most-suitable",
        ProcurementRoute.PsrCompetitive => "psr-competitive",
        ProcurementRoute.OpenProcedure => "open",
        ProcurementRoute.CompetitiveFlexible => "competitive-flexible",
        ProcurementRoute.DirectAward => "direct-award",
        ProcurementRoute.FrameworkCallOff => "framework",
        ProcurementRoute.Pcr2015 => "pcr2015",
        ProcurementRoute.Grant => "grant",
        _ => "below-threshold",
    };

    public static string Label(this ProcurementRoute route) => route switch
    {
        ProcurementRoute.PsrDirectAwardA => "Provider Selection Regime: direct award A",
        ProcurementRoute.PsrDirectAwardB => "Provider Selection Regime: direct award B",
        ProcurementRoute.PsrDirectAwardC => "Provider Selection Regime: direct award C",
        ProcurementRoute.PsrMostSuitableProvider => "Provider Selection Regime: most suitable provider",
        ProcurementRoute.PsrCompetitive => "Provider Selection Regime: competitive process",
        ProcurementRoute.OpenProcedure => "Procurement Act 2023: open procedure",
        ProcurementRoute.CompetitiveFlexible => "Procurement Act 2023: competitive flexible procedure",
        ProcurementRoute.DirectAward => "Procurement Act 2023: direct award",
        ProcurementRoute.FrameworkCallOff => "Framework call-off",
        ProcurementRoute.Pcr2015 => "Public Contracts Regulations 2015 (before 24 February 2025)",
        ProcurementRoute.Grant => "Grant agreement",
        _ => "Below threshold (quotation)",
    };

    /// <summary>Whether the route is one of the Provider Selection Regime's.</summary>
    public static bool IsPsr(this ProcurementRoute route) => route <= ProcurementRoute.PsrCompetitive;

    public static bool TryParse(string? text, out ProcurementRoute route) => EnumNames.TryParseCode(text, Code, out route);

    /// <summary>
    /// Why a route cannot be used with this provider, or null: a grant goes to a VCSE organisation; the Provider Selection
    /// Regime is for health care services, so it is not used to buy from a council.
    /// </summary>
    public static string? Problem(this ProcurementRoute route, Partner provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (route == ProcurementRoute.Grant && provider.Type is not PartnerType.Vcse)
            return $"A grant goes to a voluntary, community or social enterprise organisation; {provider.Name} is not recorded as one.";
        if (route.IsPsr() && provider.Type is PartnerType.Council)
            return $"The Provider Selection Regime buys health care services from providers; {provider.Name} is a council.";
        return null;
    }
}
