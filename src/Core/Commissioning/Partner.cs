using Commonweal.Core.Places;

namespace Commonweal.Core.Commissioning;

/// <summary>
/// A partner organisation of the ICS: it owns targets, commissions, provides, or both. NHS bodies carry their ODS code,
/// councils their GSS code, VCSE organisations their Charity Commission or Companies House number
/// (<see cref="PartnerIdentifiers"/>). A partner first named as a target's owner has only its name until its
/// identifiers are recorded.
/// </summary>
public sealed record Partner(int Id, string Name)
{
    public PartnerType? Type { get; init; }

    public PartnerRole? Role { get; init; }

    /// <summary>The NHS Organisation Data Service code, e.g. "QH8", "RAJ", "D7T5G".</summary>
    public string? OdsCode { get; init; }

    /// <summary>A council's GSS code, e.g. E10000012 (Essex County Council).</summary>
    public AreaCode? GssCode { get; init; }

    /// <summary>A registered charity's number (England and Wales: 6 or 7 digits; SC or NIC and 6 digits).</summary>
    public string? CharityNumber { get; init; }

    /// <summary>A Companies House number (8 characters, e.g. 07715867 or SC123456).</summary>
    public string? CompanyNumber { get; init; }

    /// <summary>Whether the partner may commission (lead or co-commission an intention, contribute to a fund, let a contract).</summary>
    public bool Commissions => Role is PartnerRole.Commissioner or PartnerRole.Both;

    /// <summary>Whether the partner may hold a contract or grant as its provider.</summary>
    public bool Provides => Role is PartnerRole.Provider or PartnerRole.Both;

    /// <summary>Its identifiers as one line: "ODS RAJ · Company 07715867".</summary>
    public string Identifiers => string.Join(" · ", new[]
    {
        OdsCode is null ? null : $"ODS {OdsCode}",
        GssCode is { } gss ? $"GSS {gss}" : null,
        CharityNumber is null ? null : $"Charity {CharityNumber}",
        CompanyNumber is null ? null : $"Company {CompanyNumber}",
    }.OfType<string>());
}

/// <summary>What kind of organisation a partner is, which fixes the identifier it must carry.</summary>
public enum PartnerType
{
    /// <summary>An NHS body (ICB, trust, practice, PCN): an ODS code.</summary>
    NhsBody,

    /// <summary>A council (county, unitary, district): a GSS code.</summary>
    Council,

    /// <summary>A voluntary, community or social enterprise organisation: a charity or company number.</summary>
    Vcse,

    /// <summary>Anyone else (police, fire, a university, a private provider): no identifier required.</summary>
    Other,
}

/// <summary>Whether a partner commissions, provides, or both.</summary>
public enum PartnerRole
{
    Commissioner,
    Provider,
    Both,
}

public static class PartnerCodes
{
    /// <summary>The code files and the API write: nhs, council, vcse, other.</summary>
    public static string Code(this PartnerType type) => type switch
    {
        PartnerType.NhsBody => "nhs",
        PartnerType.Council => "council",
        PartnerType.Vcse => "vcse",
        _ => "other",
    };

    public static string Label(this PartnerType type) => type switch
    {
        PartnerType.NhsBody => "NHS body",
        PartnerType.Council => "Council",
        PartnerType.Vcse => "Voluntary, community or social enterprise",
        _ => "Other",
    };

    /// <summary>The code files and the API write: commissioner, provider, both.</summary>
    public static string Code(this PartnerRole role) => role switch
    {
        PartnerRole.Commissioner => "commissioner",
        PartnerRole.Provider => "provider",
        _ => "both",
    };

    public static bool TryParseType(string? text, out PartnerType type) => EnumNames.TryParseCode(text, Code, out type);

    public static bool TryParseRole(string? text, out PartnerRole role) => EnumNames.TryParseCode(text, Code, out role);
}
