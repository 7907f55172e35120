using System.Security.Cryptography;
using System.Text;

namespace Commonweal.Core.Access;

/// <summary>
/// A system that calls Commonweal with an API key instead of a person signing in: a provider's case system, a GP system
/// sending referrals. It holds one or more <see cref="Roles"/> and may act for one partner organisation (a provider's
/// system sees only its organisation's records, as that provider's staff do). Only the key's hash is kept.
/// </summary>
/// <param name="Name">Unique, 1–64 letters, digits, '-', '_' or '.' (<see cref="ApiKeys.IsValidName"/>).</param>
/// <param name="Partner">The partner organisation the client acts for, or null.</param>
/// <param name="KeyHash">The SHA-256 of the key, 64 lower-case hex digits (<see cref="ApiKeys.Hash"/>).</param>
/// <param name="KeyPrefix">The first characters of the key after <see cref="ApiKeys.Prefix"/>, so that an administrator can tell keys apart.</param>
public sealed record ApiClient(int Id, string Name, IReadOnlyList<string> Roles, int? Partner, string KeyHash, string KeyPrefix, DateTimeOffset Created, string CreatedBy)
{
    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary>When the key was last accepted, to the minute at best (it is not written on every request).</summary>
    public DateTimeOffset? LastUsed { get; init; }

    public bool Revoked => RevokedAt is not null;
}

/// <summary>
/// API keys: <c>cwk_</c> and 32 random bytes in base64url (43 characters), kept only as their SHA-256. A fast hash is
/// right here, unlike for passwords: the key is 256 bits from a cryptographic generator, so there is nothing to guess
/// and nothing for a slow hash's work factor to protect, and the hash is worked out on every request (thousands a
/// second), where a password hash would cost tens of milliseconds each. The hash also lets the store look a key up by
/// an index, so no comparison of secrets happens at all.
/// </summary>
public static class ApiKeys
{
    /// <summary>What every key starts with, so that a leaked key is recognisable (secret scanners) and told from a JWT.</summary>
    public const string Prefix = "cwk_";

    /// <summary>The longest client name.</summary>
    public const int NameLength = 64;

    /// <summary>How many characters after <see cref="Prefix"/> a key's shown prefix has.</summary>
    public const int ShownLength = 8;

    private const int KeyBytes = 32;

    /// <summary>The length of a key: the prefix and 32 bytes in base64url without padding.</summary>
    public static readonly int KeyLength = Prefix.Length + ((KeyBytes * 4) + 2) / 3;

    /// <summary>
    /// A new key. The randomness is the operating system's cryptographic generator, not an injected <see cref="Random"/>:
    /// a key must not be reproducible from a seed.
    /// </summary>
    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether the text has the shape of a key (prefix, length, base64url characters); says nothing of whether it is known.</summary>
    public static bool IsWellFormed(string? key) =>
        key is not null && key.Length == KeyLength && key.StartsWith(Prefix, StringComparison.Ordinal)
        && key.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlCharacters) is false;

    /// <summary>The SHA-256 of a key as 64 lower-case hex digits, as the store keeps it.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The part of a key shown in lists: its first <see cref="ShownLength"/> characters after the prefix.</summary>
    public static string Shown(string key) => key.Substring(Prefix.Length, ShownLength);

    /// <summary>Whether a client name is acceptable: 1–64 letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= NameLength } && !name.AsSpan().ContainsAnyExcept(NameCharacters);

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
}
