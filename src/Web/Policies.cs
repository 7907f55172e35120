using Commonweal.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Commonweal.Web;

/// <summary>Every endpoint and page names one of these policies explicitly.</summary>
public static class Policies
{
    /// <summary>Published aggregate statistics: public when <c>Commonweal:PublicAggregates</c> is true, else any signed-in user.</summary>
    public const string Aggregates = nameof(Aggregates);

    /// <summary>User administration and the audit trail.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Analysts' work on indicators: uploading indicator files and editing the catalogue (analysts and administrators).</summary>
    public const string Analysis = nameof(Analysis);

    /// <summary>Commissioners' work on the outcomes framework: creating and editing targets, the framework's versions, agreed actions (commissioners and administrators).</summary>
    public const string Commissioning = nameof(Commissioning);

    /// <summary>Running allocation models and defining them (commissioners, analysts and administrators); every signed-in user may read the runs.</summary>
    public const string Allocation = nameof(Allocation);

    /// <summary>
    /// The contract register and contract performance: commissioners, analysts and administrators (the whole register) and
    /// providers (their own organisation's contracts only, decided by the use case).
    /// </summary>
    public const string Contracts = nameof(Contracts);

    /// <summary>Views across every contract and fund (coverage, funds, the pipeline, plans): commissioners, analysts and administrators.</summary>
    public const string Register = nameof(Register);

    /// <summary>
    /// The referral front door (<c>/fhir</c>, issue #15): referrers, volunteer coordinators, providers (their own
    /// organisation's referrals, decided by the use case) and administrators, signed in with the cookie or, for systems, an
    /// API key or the OpenID Connect provider's access token (<see cref="Hosting.ApiKeyAuthentication"/>).
    /// </summary>
    public const string Referrals = nameof(Referrals);

    /// <summary>Any signed-in user (a use case decides further, e.g. a target's lead officer adding commentary to their own target).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Anyone, signed in or not (sign-in page, health check).</summary>
    public const string Anyone = nameof(Anyone);

    public static void Add(AuthorizationOptions options, bool publicAggregates)
    {
        options.AddPolicy(Anyone, p => p.RequireAssertion(_ => true));
        options.AddPolicy(Aggregates, p =>
        {
            if (publicAggregates) p.RequireAssertion(_ => true);
            else p.RequireAuthenticatedUser();
        });
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Analysis, p => p.RequireRole(Roles.Analyst, Roles.Administrator));
        options.AddPolicy(Commissioning, p => p.RequireRole(Roles.Commissioner, Roles.Administrator));
        options.AddPolicy(Allocation, p => p.RequireRole(Roles.Commissioner, Roles.Analyst, Roles.Administrator));
        options.AddPolicy(Contracts, p => p.RequireRole(Roles.Commissioner, Roles.Analyst, Roles.Administrator, Roles.Provider));
        options.AddPolicy(Register, p => p.RequireRole(Roles.Commissioner, Roles.Analyst, Roles.Administrator));
        options.AddPolicy(Referrals, p => p.RequireRole(Roles.Referrer, Roles.VolunteerCoordinator, Roles.Provider, Roles.Administrator));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(Administration);
    }
}
