using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Commonweal.Core.Referrals;

/// <summary>
/// The reference a resident is given when they refer themselves, to see how their referral is going (with their date of
/// birth): 12 characters of Crockford's base 32 (digits and capitals without I, L, O and U), 60 random bits, shown in
/// three groups of four, e.g. <c>7KQM-3XTD-9PVA</c>. Read forgivingly, as Crockford's alphabet intends: lower case,
/// spaces and hyphens are ignored, I and L read as 1 and O as 0.
/// </summary>
public static class TrackingReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;

    /// <summary>A new reference, at random.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>The reference as typed, in its stored form (12 capitals and digits), or false when it cannot be one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> chars = stackalloc char[Length];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-') continue;
            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (n == Length || !Alphabet.Contains(c, StringComparison.Ordinal)) return false;
            chars[n++] = c;
        }

        if (n != Length) return false;
        reference = new string(chars);
        return true;
    }

    /// <summary>The reference as shown: three groups of four.</summary>
    public static string Display(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Length == Length ? $"{reference[..4]}-{reference[4..8]}-{reference[8..]}" : reference;
    }
}
