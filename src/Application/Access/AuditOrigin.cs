namespace Commonweal.Application.Access;

/// <summary>
/// Where the work of this scope comes from: the web fills it for each request (the client's address through the
/// trusted proxy, and its User-Agent); the command line leaves it empty.
/// </summary>
public sealed class AuditOrigin
{
    /// <summary>The most characters of a User-Agent the trail keeps.</summary>
    public const int UserAgentLength = 512;

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public void Set(string? clientAddress, string? userAgent)
    {
        ClientAddress = clientAddress;
        UserAgent = userAgent is { Length: > UserAgentLength } ? userAgent[..UserAgentLength] : userAgent;
    }
}
