namespace Commonweal.Core.Commissioning;

/// <summary>
/// A contract's or a variation's document (the signed contract, a variation letter, a specification), stored with its
/// checked type, size and SHA-256 digest. Only the types <c>DocumentCheck</c> allows are kept, and they are only ever served
/// as downloads.
/// </summary>
public sealed record ContractDocument(
    int Id,
    int Contract,
    int? Variation,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    byte[] Content,
    DateTimeOffset At,
    string By);
