namespace Commonweal.Core.Places;

public enum PopulationKind
{
    /// <summary>People living in the area (ONS estimates, Census, IoD denominators).</summary>
    Resident,
    /// <summary>Patients registered with a GP practice (NHS Digital list sizes).</summary>
    Registered,
}

public enum Sex
{
    Persons,
    Male,
    Female,
}
