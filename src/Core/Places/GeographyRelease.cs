namespace Commonweal.Core.Places;

/// <summary>
/// A source that lists every place of one type in force on one date, within a scope: IoD2025 File 1 lists every LSOA
/// of 2021 and every district of 2024 in England; a practice map every practice, PCN, sub-ICB location and ICB on its
/// extract date; a ward boundary file every ward of May 2025 in one district. A place a later release of its type
/// leaves out (within the release's scope) had ceased by then; that is how validity is known (<see cref="AreaValidity"/>).
/// </summary>
/// <param name="Scope">England (<see cref="England"/>) or the district the release covers.</param>
public sealed record GeographyRelease(AreaType Type, DateOnly Date, AreaCode Scope)
{
    /// <summary>The GSS code of England: the scope of a national release.</summary>
    public static readonly AreaCode England = AreaCode.Parse("E92000001");

    public bool IsNational => Scope == England;
}

/// <summary>A place as a release lists it: under which name (and second code), on the release's date.</summary>
/// <param name="Name">Its name in the release; empty (<see cref="Unnamed"/>) when the release lists it by code alone (a list-size file).</param>
public sealed record ReleasedArea(AreaCode Area, AreaType Type, DateOnly Release, string Name, string? AlternateCode = null)
{
    /// <summary>The name of a listing that gives the place's code alone.</summary>
    public const string Unnamed = "";

    public bool IsNamed => Name.Length > 0;
}
