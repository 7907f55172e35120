namespace Commonweal.Core.Places;

/// <summary>A place: an LSOA, a ward, a district, a GP practice, a PCN, an ICB, an alliance, a neighbourhood...</summary>
/// <param name="Code">Its official (or ICS-defined) code.</param>
/// <param name="Name">Its name as the latest source that lists it spells it.</param>
/// <param name="Type">What kind of place it is.</param>
/// <param name="AlternateCode">A second code for the same place, e.g. the ODS code 06Q of the sub-ICB location E38000106, or the GSS code E54000026 of the ICB QH8.</param>
public sealed record Area(AreaCode Code, string Name, AreaType Type, string? AlternateCode = null)
{
    /// <summary>The first day the place existed; null when it is in the earliest source of its kind (existed before it).</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day the place existed (inclusive); null while it still exists.</summary>
    public DateOnly? ValidTo { get; init; }

    public Validity Validity => new(ValidFrom, ValidTo);
}
