using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals;

/// <summary>
/// A referral ready to store: the referral itself and its FHIR resources with their ids assigned (the ServiceRequest's
/// id is the referral's), made by whichever door it came in by. Nothing of it is stored until the intake commits it.
/// </summary>
/// <param name="Resources">Every resource of the referral, the Task that tracks it included.</param>
/// <param name="ClientAddress">Where it came from, for the audit trail.</param>
public sealed record ReferralDraft(Referral Referral, IReadOnlyList<StoredResource> Resources, string? ClientAddress = null, string? UserAgent = null);

/// <summary>What the intake did with a draft: stored it (<see cref="Created"/> true), or found the same referral already stored.</summary>
/// <param name="Resources">The stored resources of the referral (type, id, version): the draft's when created, the first one's otherwise.</param>
public sealed record IntakeResult(bool Created, Referral Referral, IReadOnlyList<ResourceVersion> Resources)
{
    /// <summary>
    /// The identifier is already a referral that someone else (another referrer, not of the sender's organisation) sent:
    /// nothing was stored, and nothing of that referral is given (<see cref="Referral"/> is the sender's own, unstored).
    /// </summary>
    public bool IdentifierTaken { get; init; }

    public static IntakeResult Taken(Referral own) => new(false, own, []) { IdentifierTaken = true };

    /// <summary>Whether <paramref name="stored"/> was sent by the sender of <paramref name="other"/>, or by their organisation.</summary>
    public static bool SameSender(Referral stored, Referral other) =>
        stored.ReferredBy == other.ReferredBy || (stored.ReferrerPartner is { } partner && partner == other.ReferrerPartner);

    public ResourceVersion? Find(string type) => Resources.FirstOrDefault(r => r.Type == type);
}

/// <summary>A stored resource's address and version.</summary>
public sealed record ResourceVersion(string Type, string Id, int Version, DateTimeOffset LastUpdated)
{
    public string Location => $"{Type}/{Id}/_history/{Version}";
}
