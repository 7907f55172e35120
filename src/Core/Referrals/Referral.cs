namespace Commonweal.Core.Referrals;

/// <summary>How a referral came in: the one front door has three ways in, and each makes the same referral.</summary>
public enum ReferralRoute
{
    /// <summary>A system referrer's FHIR transaction (a GP system, a council case system).</summary>
    Fhir,

    /// <summary>The web form for professionals (GP, social prescriber, council officer).</summary>
    Professional,

    /// <summary>The web form a resident fills in for themself.</summary>
    SelfReferral,
}

/// <summary>
/// A referral into the one wellbeing pathway, as received: who sent it, about whom, and why. It never changes once
/// received (what happens next is its <see cref="ReferralCase"/>). Identified for idempotency by the ServiceRequest's
/// identifier (<paramref name="IdentifierSystem"/>, <paramref name="IdentifierValue"/>): the same identifier again
/// returns this referral and creates nothing.
/// </summary>
/// <param name="Id">The store's key; also the id of the referral's ServiceRequest resource.</param>
/// <param name="ReferredBy">The user ("jo.smith") or system client ("client:gp-system") that sent it.</param>
/// <param name="ReferrerPartner">The partner organisation the referrer acts for, if known.</param>
/// <param name="RequestedService">The service code the referrer asked for, if any (triage decides; a code given is known).</param>
/// <param name="Person">Whom the referral is about.</param>
/// <param name="ConsentGiven">The person agreed to the referral and to their information being shared with the services it goes to.</param>
/// <param name="Answers">The holistic assessment's answers as JSON (linkId → value), when the referral carried one; the FHIR QuestionnaireResponse is stored beside it.</param>
public sealed record Referral(
    Guid Id,
    string IdentifierSystem,
    string IdentifierValue,
    ReferralRoute Route,
    DateTimeOffset Received,
    string ReferredBy,
    int? ReferrerPartner,
    string? RequestedService,
    string? Reason,
    ReferralPerson Person,
    bool ConsentGiven,
    string? Answers = null)
{
    // For the store: it cannot hand the person (a value stored in the referral's own row) to the constructor.
    private Referral()
        : this(Guid.Empty, "", "", default, default, "", null, null, null, null!, false, null)
    {
    }
}
