namespace Commonweal.Persistence;

/// <summary>
/// One signed-in session, kept on the server: the browser's cookie carries only its key, so deleting the row ends the
/// session at once on every instance (sign-out, a password or role change, a disabled account).
/// </summary>
public sealed class SignInSession
{
    /// <summary>The random key the cookie carries.</summary>
    public required string Key { get; init; }

    /// <summary>The user's name (a local account's, or the name single sign-on gave).</summary>
    public required string UserName { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialized and protected with the data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset Created { get; init; }

    /// <summary>When the session ends unless renewed (sliding); null for no fixed end.</summary>
    public DateTimeOffset? Expires { get; set; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }
}
