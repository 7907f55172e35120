namespace Commonweal.Application.Places;

/// <summary>Why a question about places could not be answered: the web edge makes it a ProblemDetails, the CLI a message.</summary>
/// <param name="NotFound">The place asked about does not exist (404 rather than 400).</param>
public sealed record Refusal(string Title, string Detail, bool NotFound = false);

/// <summary>An answer, or the reason there is none: expected failures are values.</summary>
public sealed record Answer<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public static implicit operator Answer<T>(T value) => new(value, null);

    public static implicit operator Answer<T>(Refusal refusal) => new(null, refusal);
}
