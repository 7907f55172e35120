namespace Commonweal.Application.Places;

/// <summary>Why a question could not be answered, which decides how the edge says so.</summary>
public enum RefusalKind
{
    /// <summary>The question does not fit the data asked about (a place not in force on the date): 400.</summary>
    Invalid,
    /// <summary>The place asked about does not exist: 404.</summary>
    NotFound,
    /// <summary>The question is fine but the data it needs is not loaded (an edition of the Indices, a lookup): 409.</summary>
    NotLoaded,
    /// <summary>The caller's roles do not allow what was asked (a list of people): 403.</summary>
    Forbidden,
}

/// <summary>Why a question about places could not be answered: the web edge makes it a ProblemDetails, the CLI a message.</summary>
public sealed record Refusal(string Title, string Detail, RefusalKind Kind = RefusalKind.Invalid)
{
    public static Refusal PlaceNotFound(Core.Places.AreaCode code) => new("place not found", $"No place has the code {code}.", RefusalKind.NotFound);
}

/// <summary>An answer, or the reason there is none: expected failures are values.</summary>
public sealed record Answer<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public static implicit operator Answer<T>(T value) => new(value, null);

    public static implicit operator Answer<T>(Refusal refusal) => new(null, refusal);
}
