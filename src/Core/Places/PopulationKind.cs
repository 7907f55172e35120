namespace Commonweal.Core.Places;

public enum PopulationKind
{
    /// <summary>People living in the area (ONS estimates, Census).</summary>
    Resident,
    /// <summary>Patients registered with a GP practice (NHS Digital list sizes).</summary>
    Registered,
    /// <summary>
    /// The population an edition of the Indices of Deprivation was worked out on (its File 6: mid-2015 for IoD2019,
    /// mid-2022 for IoD2025), kept apart from residents: no page counts people with it, and it never stands in for,
    /// or overwrites, ONS's estimate of the same date.
    /// </summary>
    IodDenominator,
}

public enum Sex
{
    Persons,
    Male,
    Female,
}
